import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { localize } from '@resonet/core';
import { ittcTechnologyTransferNeeds } from '@resonet/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { card, submit, text } from '../src/cards/adaptiveCard';
import {
  interpret,
  renderReplies,
  startTerminalChat,
  type TerminalStore,
} from '../src/channels/terminal';
import { saveFile } from '../src/channels/terminal/chat';
import { wrap } from '../src/channels/terminal/render';
import { loadContent } from '../src/content';
import { CATALOGS } from '../src/i18n/catalog';
import { SHIPPED_BRANDING } from '../src/pack/shipped';
import { MemoryMemberStore } from '../src/storage/members';
import { MemoryMembershipStore, newInviteCode } from '../src/storage/memberships';
import { MemoryResultStore } from '../src/storage/results';
import { assertBuilt, bareEnv, cli } from './support/processes';

const content = loadContent({ exampleCentres: true });
const ITTC = localize(ittcTechnologyTransferNeeds.title, 'en');

describe('cards in the terminal', () => {
  const question = card(
    [
      text('Section', { weight: 'Bolder' }),
      text('Question 2 of 9', { isSubtle: true, size: 'Small' }),
      {
        type: 'Input.ChoiceSet',
        id: 'answer',
        style: 'expanded',
        isMultiSelect: true,
        choices: [
          { title: 'Training', value: 'training' },
          { title: '2. Advice', value: 'advice' },
          { title: 'Tools', value: 'tools' },
        ],
      },
    ],
    [
      submit('Answer', { action: 'answer', itemId: 'q2' }),
      ...'abcdefghijklmn'
        .split('')
        .map((l) => submit(`Button ${l}`, { action: 'show-result', id: l })),
    ],
  );

  it('numbers the choices, letters the buttons (never n or y), and keeps Answer for typed choices', () => {
    const { text: shown, menu } = renderReplies([{ text: 'Hello', card: question }]);
    expect(shown).toContain('  1. Training\n  2. Advice\n  3. Tools');
    expect(shown).toContain('[a] Button a  [b] Button b');
    expect(shown).not.toContain('Answer');
    expect(shown).not.toMatch(/\[[ny]\]/);
    expect(menu.actions.get('a')).toEqual({ action: 'show-result', id: 'a' });
    expect(menu.actions.has('n')).toBe(false);
    expect(menu.answer).toMatchObject({ inputId: 'answer', multi: true });
  });

  it('wraps at word boundaries, keeping a choice’s indentation and a letter with its button', () => {
    const long =
      '  3. Our staff need more training in assessing clients’ problems and needs before treatment';
    const wrapped = wrap(`${long}\n[a] Back  [b] Continue later  [c] Cancel`, 30);
    const lines = wrapped.split('\n');
    expect(lines.every((l) => l.length <= 29)).toBe(true);
    // Nothing is lost or split: the words read the same once the lines are joined.
    expect(wrapped.replace(/\s+/g, ' ')).toBe(
      `${long} [a] Back [b] Continue later [c] Cancel`.replace(/\s+/g, ' '),
    );
    expect(lines[1]).toMatch(/^ {5}\S/);
    expect(lines.some((l) => /\[[a-z]\]$/.test(l))).toBe(false);
    // Styles take no columns.
    expect(wrap('\u001b[1mBold words here\u001b[22m', 40)).not.toContain('\n');
  });

  it('reads numbers as choices, letters as buttons, and anything else as typed', () => {
    const { menu } = renderReplies([{ text: '', card: question }]);
    expect(interpret(menu, '1, 3')).toEqual({
      value: { action: 'answer', itemId: 'q2', answer: 'training,tools' },
    });
    expect(interpret(menu, '2')).toEqual({
      value: { action: 'answer', itemId: 'q2', answer: 'advice' },
    });
    expect(interpret(menu, ' B ')).toEqual({ value: { action: 'show-result', id: 'b' } });
    expect(interpret(menu, '[c]')).toEqual({ value: { action: 'show-result', id: 'c' } });
    expect(interpret(menu, '7')).toEqual({ text: '7' }); // no such choice: the engine explains
    expect(interpret(menu, 'back')).toEqual({ text: 'back' });
    expect(interpret(menu, 'n')).toEqual({ text: 'n' });
  });

  it('saves exports without overwriting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonet-export-'));
    const file = { name: 'result.csv', contentType: 'text/csv' as const, content: 'a,b\n' };
    expect(saveFile(dir, file)).toBe(join(dir, 'result.csv'));
    expect(saveFile(dir, file)).toBe(join(dir, 'result-2.csv'));
    expect(readFileSync(join(dir, 'result-2.csv'), 'utf8')).toBe('a,b\n');
  });
});

/** A terminal chat in this process, on streams, with the store given. */
function terminal(store: TerminalStore, lang?: 'en' | 'vi') {
  const input = new PassThrough();
  let out = '';
  const output = new Writable({
    write(chunk, _encoding, done) {
      out += chunk;
      done();
    },
  });
  const chat = startTerminalChat({
    content,
    store,
    input,
    output,
    ...(lang ? { lang } : {}),
    locale: 'en',
    userId: 'terminal-example',
    today: () => '2026-11-23',
    newId: () => 'example-result-1',
    saveDir: mkdtempSync(join(tmpdir(), 'resonet-chat-')),
  });
  const waitFor = async (needle: string | RegExp) => {
    for (let i = 0; i < 200; i++) {
      if (typeof needle === 'string' ? out.includes(needle) : needle.test(out)) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`never printed ${needle}:\n${out}`);
  };
  return {
    type: (...lines: string[]) => input.write(lines.map((l) => `${l}\n`).join('')),
    end: () => input.end(),
    chat,
    waitFor,
    out: () => out,
  };
}

/** Stores that outlive one chat, as the embedded database will. */
const persistentStore = (): TerminalStore => {
  const results = new MemoryResultStore();
  return {
    members: new MemoryMemberStore(results),
    results,
    memberships: new MemoryMembershipStore(),
    persistent: true,
    close: async () => {},
  };
};

describe('the terminal chat (in process)', () => {
  it('gives the role an invite code gives, so a coordinator sees the network views', async () => {
    const store = persistentStore();
    const code = newInviteCode();
    await store.memberships.createInvite(code, {
      networkId: content.networks[0]?.id ?? '',
      role: 'coordinator',
      createdBy: 'example-admin',
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    const session = terminal(store, 'en');
    session.type('summary');
    await session.waitFor(CATALOGS.en.notCoordinator);
    session.type(`join ${code}`);
    await session.waitFor('You are now a coordinator');
    session.type('submissions');
    session.end();
    expect(await session.chat.done).toBe(0);
    const after = session.out().slice(session.out().indexOf('You are now a coordinator'));
    expect(after).not.toContain(CATALOGS.en.notCoordinator);
    expect(after).toContain(CATALOGS.en.submissionsButton);
  });

  it('pauses on Ctrl+C and resumes in the next run where the member stopped', async () => {
    const store = persistentStore();
    const first = terminal(store, 'en');
    first.type('start', 'c', '1', '2', '2');
    await first.waitFor('3/');
    first.chat.interrupt();
    expect(await first.chat.done).toBe(0);
    expect(first.out()).toContain(CATALOGS.en.paused);
    expect(first.out()).toContain('Run “resonet chat” again');

    const second = terminal(store);
    await second.waitFor(SHIPPED_BRANDING.welcome.en);
    expect(second.out()).toContain(CATALOGS.en.continueAssessment);
    second.type('continue');
    await second.waitFor('Welcome back! You are at question 3 of');
    for (let i = 0; i < 30; i++) second.type('2');
    second.type('submit');
    second.end();
    expect(await second.chat.done).toBe(0);
    expect(second.out()).toContain(CATALOGS.en.submitted);
    expect(second.out()).toContain(`${CATALOGS.en.results}: ${ITTC}`);
    expect(await store.results.query({ respondentId: 'terminal-example' })).toHaveLength(1);
  });

  it('keeps the last buttons in reach after a reply without any (letters across messages)', async () => {
    const chat = terminal(persistentStore(), 'en');
    await chat.waitFor(SHIPPED_BRANDING.welcome.en);
    // "english" is answered in plain text; "b" is still the welcome's Start an assessment.
    chat.type('english');
    await chat.waitFor(CATALOGS.en.languageSet);
    chat.type('b');
    await chat.waitFor(CATALOGS.en.chooseInstrument);
    chat.end();
    expect(await chat.chat.done).toBe(0);
  });

  it('says so when its store forgets everything at the end (memory)', async () => {
    const store = { ...persistentStore(), persistent: false };
    const chat = terminal(store, 'vi');
    chat.type('bắt đầu', 'c', '1', '2');
    chat.end();
    expect(await chat.chat.done).toBe(0);
    expect(chat.out()).toContain(CATALOGS.vi.paused);
    expect(chat.out()).toContain('lần chạy sau sẽ bắt đầu lại');
  });
});

describe('resonet chat (the built command, piped)', () => {
  beforeAll(assertBuilt);

  const run = (
    args: string[],
    input: string,
    options: { interruptAt?: string | undefined; env?: Record<string, string> } = {},
  ) =>
    new Promise<{ code: number | null; out: string; err: string; cwd: string }>((resolve) => {
      const cwd = mkdtempSync(join(tmpdir(), 'resonet-chat-'));
      const child = spawn(process.execPath, [cli, 'chat', ...args], {
        cwd,
        env: bareEnv({ RESONET_EXAMPLE_CENTRES: 'true', ...options.env }),
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (options.interruptAt && out.includes(options.interruptAt)) {
          options.interruptAt = undefined;
          child.kill('SIGINT');
        }
      });
      child.stderr.on('data', (d) => {
        err += d;
      });
      child.on('close', (code) => resolve({ code, out, err, cwd }));
      child.stdin.write(input);
      if (!options.interruptAt) child.stdin.end();
    });

  it('runs a short assessment end to end from typed numbers, showing progress as n/N', async () => {
    const answers = Array.from({ length: 30 }, () => '2\n').join('');
    const { code, out, err, cwd } = await run(
      ['--lang', 'en'],
      `start\nc\n1\n${answers}submit\nb\n`,
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(SHIPPED_BRANDING.welcome.en);
    expect(out).toMatch(/^1\/\d+ \[\.+\]$/m);
    expect(out).toMatch(/^2\/\d+ \[#\.+\]$/m);
    // The total counts what may still be asked: it only falls, and the last question ends it.
    const totals = [...out.matchAll(/^\d+\/(\d+) \[/gm)].map((m) => Number(m[1]));
    expect(totals.every((total, i) => i === 0 || total <= totals[i - 1]!)).toBe(true);
    expect(out).toContain(`${totals.at(-1)}/${totals.at(-1)} [`);
    expect(out).toContain(CATALOGS.en.review);
    expect(out).toContain(CATALOGS.en.submitted);
    expect(out).toContain(`${CATALOGS.en.results}: ${ITTC}`);
    // "b" is the results card's second button: Export Markdown, saved beside the chat.
    expect(readdirSync(cwd).some((f) => f.endsWith('.md'))).toBe(true);
    expect(out).toContain('Goodbye.');
  });

  it('answers a question in Vietnamese, and pauses an open assessment at the end of input', async () => {
    const { code, out } = await run(['--lang', 'vi'], 'Treatnet là gì?\nbắt đầu\nc\n1\n2\n');
    expect(code).toBe(0);
    expect(out).toContain(SHIPPED_BRANDING.welcome.vi);
    expect(out).toContain('Nguồn:');
    expect(out).toMatch(/^2\/\d+ \[/m);
    expect(out).toContain(CATALOGS.vi.paused);
    expect(out).toContain('Chạy lại “resonet chat”');
  });

  it('pauses on Ctrl+C (SIGINT) and exits 0', async () => {
    const { code, out } = await run([], 'start\nc\n1\n2\n', { interruptAt: '2/' });
    expect(code).toBe(0);
    expect(out).toContain(CATALOGS.en.paused);
  });

  it('resumes a paused assessment in the next run, with the embedded store', async () => {
    const data = mkdtempSync(join(tmpdir(), 'resonet-terminal-data-'));
    const env = { RESONET_STORAGE: 'embedded', RESONET_TERMINAL_DATA_DIR: data };
    const first = await run(['--lang', 'en'], 'start\nc\n1\n2\n3\n', { interruptAt: '3/', env });
    expect(first.code).toBe(0);
    expect(first.out).toContain(CATALOGS.en.paused);
    expect(first.out).not.toContain('starts afresh');
    const second = await run(['--lang', 'en'], 'continue\n', { env });
    expect(second.code).toBe(0);
    expect(second.out).toContain('Welcome back! You are at question 3 of');
    rmSync(data, { recursive: true, force: true });
  }, 60_000);

  it('takes a pasted NUL out of what is typed, and the embedded store keeps the answer', async () => {
    const data = mkdtempSync(join(tmpdir(), 'resonet-terminal-data-'));
    const env = { RESONET_STORAGE: 'embedded', RESONET_TERMINAL_DATA_DIR: data };
    const typed = await run(['--lang', 'en'], 'start\n1\nExample\u0000 centre name\n', { env });
    expect(typed.code).toBe(0);
    expect(typed.out).toContain('Question 1 of');
    expect(typed.out).not.toMatch(/went wrong|failed/i);
    rmSync(data, { recursive: true, force: true });
  }, 60_000);

  it('ends quietly when its reader stops early (| head)', async () => {
    const child = spawn(process.execPath, [cli, 'chat', '--lang', 'en'], { env: bareEnv({}) });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.write('What is Treatnet?\nstart\nhelp\n');
    child.stdin.end();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('refuses an unknown language', async () => {
    const { code, err } = await run(['--lang', 'fr'], '');
    expect(code).toBe(2);
    expect(err).toContain('Unknown --lang "fr"');
  });
});
