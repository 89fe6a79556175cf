import * as z from 'zod';
import { codeOf, MESSAGES, type MessageCode } from './messages';
import { langOf } from './template';
import { localeChain } from './text';

/**
 * One problem found in untrusted data: where (`phases[1].plans[0].start`), what kind (a
 * stable `code` to act on or translate: core's own checks use their message key, such as
 * `countryCode` or `unknownScale`; other schema problems zod's issue code, such as
 * `invalid_type`), and a message written for the person who supplied the data.
 *
 * @example
 * ```ts
 * const issue: Issue = {
 *   path: 'centres[0].country',
 *   code: 'countryCode',
 *   message: 'Use a known ISO 3166-1 alpha-2 country code such as "VN"',
 * };
 * ```
 */
export interface Issue {
  path: string;
  code: string;
  message: string;
}

/**
 * The outcome of an operation that can fail on bad input: a value, or errors as data.
 *
 * @example
 * ```ts
 * const r: Result<number> = { ok: false, error: [{ path: '', message: 'Expected a number' }] };
 * if (!r.ok) console.log(r.error[0]?.message);
 * ```
 */
export type Result<T, E = Issue[]> = { ok: true; value: T } | { ok: false; error: E };

/**
 * Options for the `parse…` functions.
 *
 * @example
 * ```ts
 * const options: ParseOptions = { locale: 'vi' };
 * ```
 */
export interface ParseOptions {
  /** Language of the messages (`en` default, `vi` supported). */
  locale?: string;
}

/**
 * Formats a path as people read it: `phases[1].plans[0].start`.
 *
 * @example
 * ```ts
 * formatPath(['phases', 1, 'plans', 0, 'start']); // 'phases[1].plans[0].start'
 * ```
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

const viErrors = z.locales.vi().localeError;

function isVietnamese(locale: string | undefined): boolean {
  return locale !== undefined && localeChain(locale).includes('vi');
}

/**
 * Validates untrusted data against a schema and returns errors as data, never throwing,
 * with messages in the requested language.
 *
 * @example
 * ```ts
 * import * as z from 'zod';
 * parseWith(z.object({ n: z.number() }), { n: 'x' });
 * // { ok: false, error: [{ path: 'n', message: 'Invalid input: expected number, received string' }] }
 * ```
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ParseOptions = {},
): Result<z.output<S>> {
  const vi = isVietnamese(options.locale);
  // A field left out reads as missing, not as zod's "expected string, received undefined".
  const result = schema.safeParse(input, {
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined
        ? MESSAGES.required.en
        : vi
          ? viErrors(issue)
          : undefined,
  });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: result.error.issues.map((issue) => toIssue(issue, options.locale)) };
}

function toIssue(issue: z.core.$ZodIssue, locale: string | undefined): Issue {
  const path = formatPath(issue.path);
  const own: MessageCode | undefined = codeOf(issue.message);
  if (!own) return { path, code: issue.code, message: issue.message };
  return { path, code: own, message: MESSAGES[own][langOf(locale)] };
}
