import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupUnanswered, type StoredUnanswered } from '../src/answers/unanswered';
import { CATALOGS } from '../src/i18n/catalog';
import { createLogger } from '../src/log';
import type { Database } from '../src/storage/database';
import { openEmbedded } from '../src/storage/embedded';
import { migrate } from '../src/storage/migrations';
import { openPostgres } from '../src/storage/postgres';
import {
  MemoryUnansweredLog,
  SqlUnansweredLog,
  type UnansweredLog,
  unansweredRecorder,
} from '../src/storage/unanswered';
import { LogCapture } from './support/bot';
import { talk } from './support/client';
import { Chat, context } from './support/conversation';
import { freshDataDir, freshPostgres, postgresSkipReason } from './support/databases';
import { assertBuilt, runCli, startBot } from './support/processes';

const DAY = 24 * 60 * 60 * 1000;
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

describe('the conversation records what it could not answer', () => {
  it('as an effect with the question, language, outcome and nearest entry — and nothing for answers', () => {
    const chat = new Chat(context(), 'en');
    chat.send('hi');
    chat.send('What is the price of a ticket to Vienna?');
    expect(chat.last.effects).toEqual([
      {
        type: 'unanswered',
        question: expect.objectContaining({
          question: 'What is the price of a ticket to Vienna?',
          lang: 'en',
          outcome: 'unknown',
        }),
      },
    ]);
    chat.send('What is Treatnet?');
    expect(chat.last.effects).toEqual([]);
    chat.send('My brother took too many pills');
    expect(chat.last.effects).toEqual([]);
  });

  it('shows coordinators the top groups, and no one else', () => {
    const groups = groupUnanswered([
      {
        question: 'Who funds the ITTC Network?',
        lang: 'en',
        outcome: 'unknown',
        askedAt: at('2026-11-30'),
      },
      {
        question: 'who funds the ittc network',
        lang: 'en',
        outcome: 'unknown',
        nearest: 'what-is-an-ittc',
        askedAt: at('2026-12-01'),
      },
      {
        question: 'Ai tài trợ cho Mạng lưới ITTC?',
        lang: 'vi',
        outcome: 'clarify',
        askedAt: at('2026-12-01'),
      },
    ]);
    const coordinator = new Chat(context({ isCoordinator: true, unanswered: groups }), 'en');
    coordinator.send('hi');
    coordinator.send('unanswered');
    expect(coordinator.said).toContain(
      'Questions I could not answer well, last 30 days (2 groups)',
    );
    expect(coordinator.said).toContain(
      'Who funds the ITTC Network?: 2× · en · last 2026-12-01 · nearest entry: what-is-an-ittc',
    );
    const vi = new Chat(context({ isCoordinator: true, unanswered: [] }), 'vi');
    vi.send('xin chào');
    vi.send('câu hỏi chưa trả lời');
    expect(vi.said).toContain(CATALOGS.vi.noUnanswered.replace('{days}', '30'));
    const member = new Chat(context({ unanswered: groups }), 'en');
    member.send('hi');
    member.send('unanswered');
    expect(member.said).toContain(CATALOGS.en.notCoordinator);
    expect(member.said).not.toContain('funds');
    const off = new Chat(context({ isCoordinator: true }), 'en');
    off.send('hi');
    off.send('unanswered questions');
    expect(off.said).toContain(CATALOGS.en.unansweredOff);
  });
});

describe('grouping', () => {
  it('puts the same question in other words, cases and diacritics together, largest group first', () => {
    const rows: StoredUnanswered[] = [
      {
        question: 'Ai tài trợ cho Mạng lưới ITTC?',
        lang: 'vi',
        outcome: 'unknown',
        askedAt: at('2026-11-01'),
      },
      {
        question: 'What is the weather today',
        lang: 'en',
        outcome: 'unknown',
        askedAt: at('2026-11-02'),
      },
      {
        question: 'ai tai tro cho mang luoi ittc',
        lang: 'vi',
        outcome: 'unknown',
        nearest: 'ittc-shared-resources',
        askedAt: at('2026-11-03'),
      },
      {
        question: 'Ai tài trợ mạng lưới ITTC',
        lang: 'vi',
        outcome: 'clarify',
        askedAt: at('2026-11-04'),
      },
    ];
    const [first, second, ...rest] = groupUnanswered(rows);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      count: 3,
      langs: ['vi'],
      outcomes: ['unknown', 'clarify'],
      nearest: ['ittc-shared-resources'],
      firstAsked: at('2026-11-01'),
      lastAsked: at('2026-11-04'),
    });
    expect(first?.wordings).toHaveLength(3);
    expect(second).toMatchObject({ question: 'What is the weather today', count: 1 });
  });
});

function logContract(
  name: string,
  open: () => Promise<{ log: UnansweredLog; db?: Database; close: () => Promise<void> }>,
) {
  describe(`${name} unanswered log`, () => {
    let subject: Awaited<ReturnType<typeof open>>;
    beforeAll(async () => {
      subject = await open();
    }, 60_000);
    afterAll(async () => subject?.close());

    it('keeps the question, language, outcome, nearest entry and time — no ids — oldest first', async () => {
      const { log } = subject;
      await log.record(
        { question: 'Later question', lang: 'en', outcome: 'clarify' },
        at('2026-11-20'),
      );
      await log.record(
        { question: 'Câu hỏi “trước”', lang: 'vi', outcome: 'unknown', nearest: 'x-entry' },
        at('2026-11-10'),
      );
      await log.record(
        { question: 'q'.repeat(2000), lang: 'en', outcome: 'unknown' },
        at('2026-11-21'),
      );
      const rows = await log.list();
      expect(rows.map((r) => r.question.slice(0, 5))).toEqual(['Câu h', 'Later', 'qqqqq']);
      expect(rows[0]).toEqual({
        question: 'Câu hỏi “trước”',
        lang: 'vi',
        outcome: 'unknown',
        nearest: 'x-entry',
        askedAt: at('2026-11-10'),
      });
      expect(rows[2]?.question).toHaveLength(500);
      expect((await log.list(at('2026-11-15'))).map((r) => r.question.slice(0, 5))).toEqual([
        'Later',
        'qqqqq',
      ]);
      if (subject.db) {
        // What the table can hold at all: nothing that names who asked, or where.
        const columns = await subject.db.query<{ column_name: string }>(
          "select column_name from information_schema.columns where table_name = 'unanswered_questions' order by ordinal_position",
        );
        expect(columns.map((c) => c.column_name)).toEqual([
          'id',
          'asked_at',
          'lang',
          'outcome',
          'nearest_entry',
          'question',
        ]);
      }
    });

    it('forgets what is older than the retention', async () => {
      const { log } = subject;
      const now = at('2026-12-01');
      const logs = new LogCapture();
      const record = unansweredRecorder(log, 10, createLogger('info', logs), () => now);
      await record({ question: 'Fresh question', lang: 'en', outcome: 'unknown' });
      const left = await log.list();
      expect(left.every((r) => r.askedAt.getTime() >= now.getTime() - 10 * DAY)).toBe(true);
      expect(left.map((r) => r.question)).toContain('Fresh question');
      expect(left.map((r) => r.question)).not.toContain('Câu hỏi “trước”');
      expect(logs.text).toBe('');
    });
  });
}

logContract('memory', async () => ({ log: new MemoryUnansweredLog(), close: async () => {} }));
logContract('embedded', async () => {
  const data = freshDataDir();
  const db = await openEmbedded(data.dir);
  await migrate(db);
  return {
    log: new SqlUnansweredLog(db),
    db,
    close: async () => {
      await db.close();
      data.remove();
    },
  };
});
if (postgresSkipReason)
  console.warn(`Skipping the PostgreSQL unanswered log. ${postgresSkipReason}`);
else
  logContract('PostgreSQL', async () => {
    const server = await freshPostgres();
    const db = await openPostgres(server.url);
    await migrate(db);
    return {
      log: new SqlUnansweredLog(db),
      db,
      close: async () => {
        await db.close();
        await server.drop();
      },
    };
  });

describe('resonet serve records, resonet kb unanswered lists', () => {
  it('from a real conversation to the grouped list, with no ids anywhere, en and vi', async () => {
    assertBuilt();
    const data = freshDataDir();
    const env = { PORT: '0', RESONET_STORAGE: 'embedded', RESONET_DATA_DIR: data.dir };
    try {
      const bot = await startBot(env);
      const who = { conversation: 'example-conversation-kb', user: 'example-user-kb' };
      await talk(bot.url, who, { text: 'hi' });
      await talk(bot.url, who, { text: 'What is the price of a ticket to Vienna?' });
      await talk(
        bot.url,
        { ...who, user: 'example-user-kb-2' },
        { text: 'what is the price of a ticket to vienna' },
      );
      await talk(bot.url, who, { text: 'thời tiết hà nội hôm nay' });
      await talk(bot.url, who, { text: 'What is Treatnet?' });
      bot.child.kill('SIGTERM');
      await bot.exited;
      expect(bot.err()).not.toContain('Vienna');
      const listed = runCli(['kb', 'unanswered', '--json'], env);
      expect(listed.status, listed.stderr).toBe(0);
      const { groups } = JSON.parse(listed.stdout);
      expect(groups.map((g: { question: string; count: number }) => [g.question, g.count])).toEqual(
        [
          ['What is the price of a ticket to Vienna?', 2],
          ['thời tiết hà nội hôm nay', 1],
        ],
      );
      expect(listed.stdout).not.toContain('example-user');
      expect(listed.stdout).not.toContain('example-conversation');
      const text = runCli(['kb', 'unanswered', '--lang', 'vi'], env);
      expect(text.stdout).toContain('Câu hỏi chưa trả lời từ');
      expect(text.stdout).toContain('2 lần  What is the price of a ticket to Vienna?');
      expect(runCli(['kb', 'unanswered', '--since', '2999-01-01'], env).stdout).toContain(
        'No unanswered questions were recorded since 2999-01-01.',
      );
      expect(runCli(['kb', 'unanswered', '--since', 'yesterday'], env)).toMatchObject({
        status: 2,
      });
      expect(runCli(['kb', 'answered'], env)).toMatchObject({ status: 2 });
    } finally {
      data.remove();
    }
  }, 120_000);

  it('records nothing when switched off', async () => {
    const data = freshDataDir();
    const env = {
      PORT: '0',
      RESONET_STORAGE: 'embedded',
      RESONET_DATA_DIR: data.dir,
      RESONET_UNANSWERED_DAYS: '0',
    };
    try {
      const bot = await startBot(env);
      await talk(
        bot.url,
        { conversation: 'example-c', user: 'example-u' },
        { text: 'What is the price of a ticket to Vienna?' },
      );
      bot.child.kill('SIGTERM');
      await bot.exited;
      const listed = runCli(['kb', 'unanswered'], env);
      expect(listed.stdout).toContain('No unanswered questions were recorded');
      expect(listed.stdout).toContain('RESONET_UNANSWERED_DAYS is 0');
    } finally {
      data.remove();
    }
  }, 120_000);
});
