import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type Lang, negotiateLocale } from '@resonet/core';
import { type MessageKey, say } from './messages';
import { type Outcome, ok, usageError } from './outcome';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What a subcommand was given: its options, its words, and the language to answer in. */
export interface CommandLine<V> {
  values: V;
  positionals: string[];
  lang: Lang;
}

/**
 * Reads a subcommand's arguments the way every `resonet` subcommand does: `--lang` (else the
 * terminal's LANG), `--help` printing the usage, and a bad option or language answered with
 * the usage in the language the reader can follow.
 */
export function readCommandLine<V>(
  argv: string[],
  env: NodeJS.ProcessEnv,
  options: Options,
  usage: MessageKey,
): CommandLine<V> | Outcome {
  const fallback = negotiateLocale(env.LANG?.split('.')[0]);
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...options,
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(`${(error as Error).message}\n${say(usage, fallback)}`);
  }
  const lang = (parsed.values.lang as string | undefined) ?? fallback;
  if (lang !== 'en' && lang !== 'vi') return usageError(say('badLang', fallback, { value: lang }));
  if (parsed.values.help) return ok(`${say(usage, lang)}\n`);
  return { values: parsed.values as V, positionals: parsed.positionals, lang };
}

/** True when what came back is an outcome to print rather than a command line to act on. */
export const isOutcome = (value: object): value is Outcome => 'code' in value && 'err' in value;
