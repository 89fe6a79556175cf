import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The bot's structured log (JSON lines). It records what happened and how long it took,
 * never what anyone wrote: no message text, answers, names or secrets.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'resonet-bot' },
      redact: { paths: ['req.headers.authorization', 'headers.authorization'], remove: true },
    },
    destination,
  );
}

/** A short id to quote to a user and find in the log. */
export const newErrorId = () => randomUUID().slice(0, 8);

/**
 * An error as log fields: its type and where it happened. The message is left out because
 * it can quote input (a parse error repeats the text it could not read).
 */
export function errorFields(error: unknown): { type: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .join('\n');
  return { type: error.name, ...(frames ? { stack: frames } : {}) };
}
