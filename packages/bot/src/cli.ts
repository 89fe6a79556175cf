import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Lang, negotiateLocale } from '@resonet/core';
import { ask } from './cli/ask';
import { exportInstrument, importInstrument } from './cli/instrument';
import { listInstruments } from './cli/instruments';
import { say } from './cli/messages';
import { type Outcome, ok, usageError } from './cli/outcome';
import { packCheck, packInit } from './cli/pack';
import { scoreFile } from './cli/score';
import { servedContent } from './cli/served';
import type { Content } from './content';

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

type Values = ReturnType<typeof parse>['values'];

/** What a command gets: its arguments, the options, the language and the one without --lang. */
interface Call {
  rest: string[];
  values: Values;
  lang: Lang;
  fallbackLang: Lang;
}

const COMMANDS: Readonly<Record<string, (call: Call) => Outcome | Promise<Outcome>>> = {
  ask: async ({ rest, values, lang, fallbackLang }) => {
    const question = rest.join(' ').trim();
    if (!question) return usageError(say('needQuestion', lang));
    const packed = await packOf(values, lang);
    if (packed && 'code' in packed) return packed;
    // Without --lang the answer follows the question's language.
    return ask(question, {
      ...(values.lang ? { lang: values.lang } : { lang: fallbackLang }),
      json: values.json ?? false,
      ...(packed ? { content: packed } : {}),
    });
  },
  // The long-running commands are started by bin/resonet.js; here they only explain.
  serve: ({ lang }) => ok(say('serveHelp', lang)),
  chat: ({ lang }) => ok(say('chatHelp', lang)),
  instruments: async ({ values, lang }) => {
    const packed = await packOf(values, lang);
    if (packed && 'code' in packed) return packed;
    return listInstruments({
      json: values.json ?? false,
      dictionary: values.dictionary ?? false,
      lang,
      ...(packed ? { instruments: packed.instruments } : {}),
    });
  },
  instrument: async ({ rest, values, lang }) => {
    const [action, target, ...extra] = rest;
    if (!target || extra.length) return usageError(say('instrumentUsage', lang));
    if (action === 'import')
      return importInstrument(target, { lang, ...(values.out ? { out: values.out } : {}) });
    if (action !== 'export') return usageError(say('instrumentUsage', lang));
    const packed = await packOf(values, lang);
    if (packed && 'code' in packed) return packed;
    return exportInstrument(target, {
      format: values.format ?? 'xlsx',
      lang,
      ...(values.out ? { out: values.out } : {}),
      ...(packed ? { instruments: packed.instruments } : {}),
    });
  },
  pack: ({ rest, values, lang }) => {
    const [action, dir] = rest;
    if (action === 'init') return packInit(dir, values.name, lang);
    if (action === 'check') return packCheck(dir, { json: values.json ?? false, lang });
    return usageError(say('packUsage', lang));
  },
  score: async ({ rest, values, lang }) => {
    const [instrumentId, file] = rest;
    if (!instrumentId || !file) return usageError(say('needArgs', lang));
    const format = values.format ?? 'json';
    if (!['json', 'md', 'csv'].includes(format))
      return usageError(say('badFormat', lang, { value: format }));
    const date = values.date ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return usageError(say('badDate', lang, { value: date }));
    const packed = await packOf(values, lang);
    if (packed && 'code' in packed) return packed;
    return scoreFile({
      ...(packed ? { content: packed } : {}),
      instrumentId,
      file,
      format,
      lang,
      date,
      strict: values.strict ?? false,
      read: (path) => ({ size: statSync(path).size, text: () => readFileSync(path, 'utf8') }),
    });
  },
};

/** The content of the pack given (--pack, else RESONET_PACK), its problems, or none. */
async function packOf(values: Values, lang: Lang): Promise<Content | Outcome | undefined> {
  const pack = values.pack ?? process.env.RESONET_PACK;
  return pack ? servedContent(pack, process.env, lang) : undefined;
}

const HELP: Readonly<Record<string, 'serveHelp' | 'chatHelp'>> = {
  serve: 'serveHelp',
  chat: 'chatHelp',
};

/** Runs the `resonet` command line on arguments and returns what to print and the exit code. */
export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<Outcome> {
  const fallbackLang = negotiateLocale(env.LANG?.split('.')[0]);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return usageError(`${(error as Error).message}\n\n${say('usage', fallbackLang)}`);
  }
  const { values, positionals } = parsed;
  const lang = values.lang ?? fallbackLang;
  if (lang !== 'en' && lang !== 'vi')
    return usageError(say('badLang', fallbackLang, { value: lang }));
  const [command, ...rest] = positionals;
  if (values.help || command === 'help')
    return ok(say((command && Object.hasOwn(HELP, command) && HELP[command]) || 'usage', lang));
  if (!command) return usageError(say('usage', lang));
  const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  return handler
    ? handler({ rest, values, lang, fallbackLang })
    : usageError(say('unknownCommand', lang, { value: command }));
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      format: { type: 'string' },
      date: { type: 'string' },
      strict: { type: 'boolean' },
      dictionary: { type: 'boolean' },
      name: { type: 'string' },
      pack: { type: 'string' },
      out: { type: 'string' },
    },
  });
}

/** `resonet chat`'s options: the language asked for, or the usage error to print. */
function chatArguments(
  argv: string[],
  env: NodeJS.ProcessEnv,
): { lang?: Lang; locale: string; pack?: string } | Outcome {
  const locale = negotiateLocale(env.LANG?.split('.')[0]);
  let lang: string | undefined;
  let pack: string | undefined;
  try {
    const { values, positionals } = parse(argv);
    if (positionals.length > 1) return usageError(say('usage', locale));
    lang = values.lang;
    pack = values.pack;
  } catch (error) {
    return usageError(`${(error as Error).message}\n\n${say('chatHelp', locale)}`);
  }
  if (lang !== undefined && lang !== 'en' && lang !== 'vi')
    return usageError(say('badLang', locale, { value: lang }));
  return { ...(lang ? { lang } : {}), ...(pack ? { pack } : {}), locale };
}

/** `resonet serve`'s one option, `--pack DIR`, or the usage error to print. */
function serveArguments(argv: string[]): string | undefined | Outcome {
  const locale = negotiateLocale(process.env.LANG?.split('.')[0]);
  try {
    const { values, positionals } = parse(argv);
    if (positionals.length > 1) return usageError(say('serveHelp', locale));
    return values.pack;
  } catch (error) {
    return usageError(`${(error as Error).message}\n\n${say('serveHelp', locale)}`);
  }
}

/** Runs the command line for the `resonet` binary: prints and sets the exit code. */
export function main(argv: string[]): void {
  // Output piped into a reader that stops early (`resonet chat | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  if (argv[0] === 'chat' && !argv.includes('--help') && !argv.includes('-h')) {
    const options = chatArguments(argv, process.env);
    if ('code' in options) {
      process.stderr.write(options.err.endsWith('\n') ? options.err : `${options.err}\n`);
      process.exitCode = options.code;
      return;
    }
    // Imported on demand, like serve; exits once everything printed has been written.
    import('./channels/terminal')
      .then(({ chat }) => chat(options))
      .then(
        (code) => process.stdout.write('', () => process.exit(code)),
        (error: unknown) => {
          process.stderr.write(`resonet: the chat stopped: ${(error as Error).name}\n`);
          process.exit(1);
        },
      );
    return;
  }
  const database: Record<string, () => Promise<Outcome>> = {
    centres: () =>
      import('./cli/centres').then((m) => m.centresCommand(argv.slice(1), process.env)),
    invite: () => import('./cli/members').then((m) => m.inviteCommand(argv.slice(1), process.env)),
    members: () =>
      import('./cli/members').then((m) => m.membersCommand(argv.slice(1), process.env)),
    report: () => import('./cli/report').then((m) => m.reportCommand(argv.slice(1), process.env)),
    results: () =>
      import('./cli/results').then((m) =>
        m.resultsCommand(argv.slice(1), process.env, process.stdout),
      ),
  };
  const command = argv[0] ?? '';
  if (Object.hasOwn(database, command)) {
    // Reads and writes the database, so it runs asynchronously, like kb.
    (database[command] as () => Promise<Outcome>)().then(
      (outcome) => {
        if (outcome.err)
          process.stderr.write(outcome.err.endsWith('\n') ? outcome.err : `${outcome.err}\n`);
        process.stdout.write(outcome.out, () => process.exit(outcome.code));
      },
      (error: unknown) => {
        process.stderr.write(`resonet: ${command} failed: ${(error as Error).name}\n`);
        process.exit(1);
      },
    );
    return;
  }
  if (argv[0] === 'kb') {
    // Reads the database, so it runs asynchronously, like serve and chat.
    import('./cli/unanswered')
      .then(({ kbUnanswered }) => kbUnanswered(argv.slice(1), process.env))
      .then(
        (outcome) => {
          if (outcome.err)
            process.stderr.write(outcome.err.endsWith('\n') ? outcome.err : `${outcome.err}\n`);
          process.stdout.write(outcome.out, () => process.exit(outcome.code));
        },
        (error: unknown) => {
          process.stderr.write(`resonet: kb failed: ${(error as Error).name}\n`);
          process.exit(1);
        },
      );
    return;
  }
  if (argv[0] === 'serve' && !argv.includes('--help') && !argv.includes('-h')) {
    // Imported on demand so that the quick commands do not load botbuilder and restify.
    const pack = serveArguments(argv);
    if (typeof pack === 'object') {
      process.stderr.write(pack.err.endsWith('\n') ? pack.err : `${pack.err}\n`);
      process.exitCode = pack.code;
      return;
    }
    import('./serve')
      .then(({ serve }) => serve(pack ? { ...process.env, RESONET_PACK: pack } : process.env))
      .then(
        (code) => process.exit(code),
        (error: unknown) => {
          process.stderr.write(`resonet: the bot stopped: ${(error as Error).name}\n`);
          process.exit(1);
        },
      );
    return;
  }
  run(argv).then(
    (outcome) => {
      if (outcome.err)
        process.stderr.write(outcome.err.endsWith('\n') ? outcome.err : `${outcome.err}\n`);
      // Exits once everything printed has been written (a long list into a pipe).
      process.stdout.write(outcome.out, () => process.exit(outcome.code));
    },
    (error: unknown) => {
      process.stderr.write(
        `resonet: ${argv[0] ?? 'the command'} failed: ${(error as Error).name}\n`,
      );
      process.exit(1);
    },
  );
}
