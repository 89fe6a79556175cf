/** What a command produced: text for stdout and stderr, and the exit code. */
export interface Outcome {
  code: number;
  out: string;
  err: string;
}

export const ok = (out: string): Outcome => ({ code: 0, out, err: '' });
/** Exit 2: the command was called wrongly. */
export const usageError = (err: string): Outcome => ({ code: 2, out: '', err });
/** Exit 1: the data given could not be used. */
export const dataError = (err: string): Outcome => ({ code: 1, out: '', err });
