import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { currentQuestion } from '@resonet/core';
import type { Content } from '../../content';
import type { Incoming, TurnOutcome } from '../../conversation/engine';
import type { ExportFile } from '../../conversation/reply';
import {
  type ConversationState,
  initialConversationState,
  initialMemberState,
  type MemberState,
  readMemberState,
} from '../../conversation/state';
import { cleanText } from '../../http/requestBody';
import { type Lang, langOf, t } from '../../i18n/catalog';
import { membershipActions } from '../../members/actions';
import { JoinAttempts } from '../../members/joinAttempts';
import { runMemberTurn } from '../../memberTurn';
import {
  ANSI,
  EMPTY_MENU,
  interpret,
  isQuit,
  type Menu,
  PLAIN,
  renderReplies,
  wrap,
} from './render';
import type { TerminalStore } from './store';
import { word } from './words';

export interface TerminalChatOptions {
  content: Content;
  store: TerminalStore;
  input: Readable;
  output: Writable & { isTTY?: boolean; columns?: number };
  /** `--lang`: the member's language from now on. */
  lang?: Lang;
  /** The terminal's locale (from LANG), used while the member has chosen no language. */
  locale: string;
  userId: string;
  /** Today, as YYYY-MM-DD. */
  today: () => string;
  newId: () => string;
  /** Where exports ("Export CSV") are saved. */
  saveDir: string;
  /** Bold and dim text (a colour terminal without NO_COLOR). */
  color?: boolean;
}

export interface TerminalChat {
  /** Resolves with the exit code once the chat has ended (EOF, "quit" or an interrupt). */
  done: Promise<number>;
  /** Ctrl+C: pauses an open assessment, saves, and ends the chat. */
  interrupt(): void;
}

/**
 * The terminal chat: the same conversation engine as Teams and the web page, with cards as
 * numbered choices and lettered buttons. Reads lines from `input` (a terminal or a pipe);
 * Ctrl+C, "quit" and the end of input pause an open assessment and end the chat.
 */
export function startTerminalChat(options: TerminalChatOptions): TerminalChat {
  const { content, store, output, userId } = options;
  const tty = output.isTTY === true;
  const style = options.color ? ANSI : PLAIN;
  const key = `resonet/members/terminal/${userId}`;
  let conversation: ConversationState = initialConversationState();
  let menu: Menu = EMPTY_MENU;
  let lang: Lang = options.lang ?? langOf(options.locale);
  let interrupted = false;

  // Words wrap at the terminal's edge instead of being split there; pipes get lines whole.
  const print = (text: string) => {
    if (text) output.write(`${tty && output.columns ? wrap(text, output.columns) : text}\n`);
  };

  const networkId = content.networks[0]?.id ?? 'network';
  const joinAttempts = new JoinAttempts();

  /** One turn: the shared member turn (load, engine, store), then print. */
  const step = async (incoming: Incoming): Promise<TurnOutcome> => {
    // The terminal's person has the role an invite gave them, as in Teams and on the page.
    const stored = await store.memberships.get(networkId, userId);
    const { outcome } = await runMemberTurn({
      members: store.members,
      results: store.results,
      key,
      userId,
      isCoordinator: false,
      ...(stored
        ? {
            membership: {
              role: stored.role,
              ...(stored.centreId ? { centreId: stored.centreId } : {}),
            },
          }
        : {}),
      ...membershipActions(store.memberships, networkId, userId),
      joinAttempts,
      conversation: { state: conversation },
      incoming: { ...incoming, locale: options.locale },
      context: { ...content, asOf: options.today(), newId: options.newId },
      unreadable: () => t(lang, 'stateReset', { errorId: randomUUID().slice(0, 8) }),
    });
    conversation = outcome.conversation;
    lang = outcome.member.lang ?? lang;
    show(outcome);
    return outcome;
  };

  const show = (outcome: TurnOutcome) => {
    const progress = questionProgress(outcome.member);
    if (progress) print(style.bold(progress));
    const rendered = renderReplies(outcome.replies, style);
    print(rendered.text);
    // A reply without buttons (an answer to a question) leaves the last buttons in reach.
    if (rendered.menu.actions.size || rendered.menu.answer) menu = rendered.menu;
    for (const file of outcome.replies.flatMap((r) => r.files ?? [])) {
      const saved = saveFile(options.saveDir, file);
      print(word(lang, 'saved', { name: basename(saved), dir: options.saveDir }));
    }
  };

  /** "7/24" and a bar, while a question is open. */
  const questionProgress = (member: MemberState): string | undefined => {
    const session = member.session;
    if (member.step !== 'answering' || !session) return undefined;
    const instrument = content.instruments.find((i) => i.id === session.instrumentId);
    if (!instrument || instrument.version !== session.instrumentVersion) return undefined;
    const q = currentQuestion(instrument, session);
    if (!q) return undefined;
    const width = 20;
    const done = Math.round((width * (q.number - 1)) / q.total);
    return `${q.number}/${q.total} [${'#'.repeat(done)}${'.'.repeat(width - done)}]`;
  };

  const readMember = async (): Promise<MemberState> => {
    const stored = readMemberState((await store.members.read(key))?.member);
    return stored.ok ? stored.value : initialMemberState();
  };

  const stop = async (): Promise<number> => {
    const member = await readMember();
    if (member.step === 'answering') await step({ type: 'message', value: { action: 'pause' } });
    const after = await readMember();
    if (after.session) {
      print(word(lang, 'resume'));
      if (!store.persistent) print(word(lang, 'forgets'));
    } else print(word(lang, 'bye'));
    await store.close();
    return 0;
  };

  const lines = createInterface({
    input: options.input,
    terminal: tty,
    ...(tty ? { output } : {}),
  });
  // Taken at once: lines that arrive while the welcome is being prepared are kept for it.
  const typed = lines[Symbol.asyncIterator]();
  const interrupt = () => {
    interrupted = true;
    lines.close();
  };
  lines.on('SIGINT', interrupt);

  /** Keeps the language given on the command line for this member's next sessions too. */
  const rememberLanguage = async (chosen: Lang) => {
    // This process is the member's only writer: the eTag just read is current.
    const item = await store.members.read(key);
    const stored = readMemberState(item?.member);
    const member = stored.ok ? stored.value : initialMemberState();
    await store.members.commit(key, item?.eTag, { member: { ...member, lang: chosen } });
  };

  /** One typed line; false when the member asked to quit. */
  const onLine = async (raw: string): Promise<boolean> => {
    // Pasted control characters go, as on the other channels (the store refuses NUL).
    const line = cleanText(raw);
    if (!line.trim()) {
      if (tty) lines.prompt();
      return true;
    }
    if (!tty) print(`› ${line}`);
    if (isQuit(line)) return false;
    try {
      await step({ type: 'message', ...interpret(menu, line) });
    } catch (error) {
      print(word(lang, 'failed', { reason: (error as Error).name }));
    }
    if (tty && !interrupted) lines.prompt();
    return true;
  };

  const done = (async () => {
    try {
      if (options.lang) await rememberLanguage(options.lang);
      await step({ type: 'installed' });
      print(style.dim(word(lang, 'hint')));
      if (tty) {
        lines.setPrompt('› ');
        lines.prompt();
      }
      for await (const raw of { [Symbol.asyncIterator]: () => typed })
        if (interrupted || !(await onLine(raw))) break;
      lines.close();
      if (tty) output.write('\n');
      return await stop();
    } catch (error) {
      print(word(lang, 'failed', { reason: (error as Error).message }));
      await store.close().catch(() => {});
      return 1;
    }
  })();

  return { done, interrupt };
}

/** Saves an export beside the others without overwriting any: name.csv, name-2.csv, … */
export function saveFile(dir: string, file: ExportFile): string {
  const extension = extname(file.name);
  const stem = basename(file.name, extension).replace(/[^\w.-]+/g, '-');
  let path = join(dir, `${stem}${extension}`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${stem}-${n}${extension}`);
  writeFileSync(path, file.content, { encoding: 'utf8', flag: 'wx' });
  return path;
}
