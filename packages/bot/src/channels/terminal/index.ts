import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { type Lang, langOf } from '../../i18n/catalog';
import { DatabaseError } from '../../storage/database';
import { startTerminalChat } from './chat';
import { openTerminalStore, type TerminalStore } from './store';

export { startTerminalChat, type TerminalChat, type TerminalChatOptions } from './chat';
export { interpret, renderReplies } from './render';
export { openTerminalStore, type TerminalStore } from './store';

function localUser(): string {
  try {
    return `terminal-${userInfo().username || 'local'}`;
  } catch {
    return 'terminal-local';
  }
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * `resonet chat [--lang en|vi]`: the conversation in this terminal, on stdin and stdout.
 * Resolves with the exit code.
 */
export async function chat(options: {
  lang?: Lang;
  locale: string;
  env?: NodeJS.ProcessEnv;
  /** A content pack's folder or package (else RESONET_PACK, else the shipped content). */
  pack?: string;
}): Promise<number> {
  const env = options.env ?? process.env;
  // Loaded here so that the other commands do not build the answer index.
  const { loadContent } = await import('../../content');
  const { loadPack } = await import('../../pack/loadPack');
  const { formatProblem } = await import('../../pack/problems');
  const pack = options.pack ?? env.RESONET_PACK;
  const packed = pack ? await loadPack(pack, options.lang ?? langOf(options.locale)) : undefined;
  if (packed && !packed.ok) {
    process.stderr.write(
      `resonet chat: the pack "${pack}" has problems:\n${packed.error.map((p) => `  - ${formatProblem(p)}`).join('\n')}\n`,
    );
    return 1;
  }
  let store: TerminalStore;
  try {
    store = await openTerminalStore(env);
  } catch (error) {
    process.stderr.write(
      `resonet chat: ${error instanceof DatabaseError ? error.message : `the store could not be opened (${(error as Error).name}).`}\n`,
    );
    return 1;
  }
  const session = startTerminalChat({
    content:
      packed?.value ??
      loadContent({
        exampleCentres: ['true', '1', 'yes'].includes(env.RESONET_EXAMPLE_CENTRES ?? ''),
      }),
    store,
    input: process.stdin,
    output: process.stdout,
    ...(options.lang ? { lang: options.lang } : {}),
    locale: options.locale,
    userId: localUser(),
    today: localToday,
    newId: randomUUID,
    saveDir: process.cwd(),
    color: process.stdout.isTTY === true && !env.NO_COLOR,
  });
  const interrupt = () => session.interrupt();
  process.on('SIGINT', interrupt);
  try {
    return await session.done;
  } finally {
    process.off('SIGINT', interrupt);
  }
}
