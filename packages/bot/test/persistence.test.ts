import { type Item, instrumentItems } from '@resonet/core';
import { ittcTechnologyTransferNeeds } from '@resonet/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { createLogger } from '../src/log';
import { startServer } from '../src/server';
import { openPostgres } from '../src/storage/postgres';
import { openStores } from '../src/storage/stores';
import { answerFor } from './support/answers';
import { type Activity, lastCard, questionOf, talk } from './support/client';
import { freshDataDir, freshPostgres, postgresSkipReason } from './support/databases';
import { assertBuilt, runCli, startBot } from './support/processes';
import { Relay } from './support/relay';

const INSTRUMENT = ittcTechnologyTransferNeeds;
const items = new Map(instrumentItems(INSTRUMENT).map(({ item }) => [item.id, item]));

beforeAll(assertBuilt);

describe('restart with the embedded database', () => {
  it('keeps every answer through SIGKILL and a restart on the same data directory', async () => {
    const data = freshDataDir();
    const env = { PORT: '0', RESONET_STORAGE: 'embedded', RESONET_DATA_DIR: data.dir };
    const who = { conversation: 'example-restart', user: 'example-member-restart' };
    let bot = await startBot(env);
    await talk(bot.url, who, { value: { action: 'start' } });
    await talk(bot.url, who, { value: { action: 'instrument', id: INSTRUMENT.id } });
    let replies: Activity[] = await talk(bot.url, who, { text: 'Example centre' });
    const expected: Record<string, unknown> = {};
    for (let n = 0; n < 8; n++) {
      const itemId = questionOf(lastCard(replies)) as string;
      const answer = answerFor(items.get(itemId) as Item, 1);
      expected[itemId] = answer.stored;
      replies = await talk(bot.url, who, {
        value: { action: 'answer', itemId, answer: answer.sent },
      });
    }
    bot.child.kill('SIGKILL');
    await bot.exited;

    bot = await startBot(env);
    replies = await talk(bot.url, who, { text: 'continue' });
    expect(JSON.stringify(replies)).toContain('You are at question 9 of');
    for (let guard = 0; guard < 50; guard++) {
      const itemId = questionOf(lastCard(replies));
      if (!itemId) break;
      const answer = answerFor(items.get(itemId) as Item, 1);
      expected[itemId] = answer.stored;
      replies = await talk(bot.url, who, {
        value: { action: 'answer', itemId, answer: answer.sent },
      });
    }
    replies = await talk(bot.url, who, { value: { action: 'submit' } });
    expect(JSON.stringify(replies)).toContain('has been submitted');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);

    // Read what was stored, with the store itself.
    const stores = await openStores(
      { kind: 'embedded', dataDir: data.dir },
      createLogger('silent'),
    );
    const results = await stores.results.query({ respondentId: who.user });
    await stores.close();
    expect(results).toHaveLength(1);
    expect(results[0]?.answers).toEqual(expected);
    data.remove();
  }, 120_000);

  it('refuses to start on a data directory another process holds', async () => {
    const data = freshDataDir();
    const env = { PORT: '0', RESONET_STORAGE: 'embedded', RESONET_DATA_DIR: data.dir };
    const first = await startBot(env);
    const second = runCli(['serve'], env);
    first.child.kill('SIGTERM');
    await first.exited;
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('in use by another resonet process');
    data.remove();
  }, 60_000);
});

describe('an unreachable database at start-up', () => {
  it('stops with a clear message and exit 1', () => {
    const r = runCli(['serve'], {
      RESONET_STORAGE: 'postgres',
      DATABASE_URL: 'postgres://example:example-password@127.0.0.1:1/resonet',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Cannot connect to PostgreSQL at 127.0.0.1:1/resonet: ECONNREFUSED');
    expect(r.stderr).not.toContain('example-password');
  });
});

describe.skipIf(Boolean(postgresSkipReason))('PostgreSQL lost mid-run', () => {
  let fresh: Awaited<ReturnType<typeof freshPostgres>>;
  beforeAll(async () => {
    fresh = await freshPostgres();
  });
  afterAll(async () => fresh?.drop());

  it('fails turns politely while the database is away and recovers when it returns', async () => {
    const target = new URL(fresh.url);
    const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
    await relay.open();
    const viaRelay = new URL(fresh.url);
    viaRelay.port = String(relay.port);
    const log = createLogger('silent');
    const stores = await openStores({ kind: 'postgres', url: viaRelay.toString() }, log);
    const config = readConfig({ PORT: '0' });
    if (!config.ok) throw new Error(config.errors.join());
    const bot = await startServer({
      config: config.value,
      log,
      members: stores.members,
      results: stores.results,
      ping: stores.ping,
    });
    const who = { conversation: 'example-lost', user: 'example-member-lost' };
    await talk(bot.url, who, { value: { action: 'start' } });
    await talk(bot.url, who, { value: { action: 'instrument', id: INSTRUMENT.id } });
    const first = await talk(bot.url, who, { text: 'Example centre' });
    const itemId = questionOf(lastCard(first)) as string;

    await relay.cut();
    const failed = await talk(bot.url, who, { value: { action: 'answer', itemId, answer: 'yes' } });
    expect(JSON.stringify(failed)).toMatch(/something went wrong on my side \(reference \w+\)/);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(503);

    await relay.open(relay.port);
    const item = items.get(itemId) as Item;
    const again = await talk(bot.url, who, {
      value: { action: 'answer', itemId, answer: answerFor(item, 2).sent },
    });
    expect(JSON.stringify(again)).toContain('Question 2 of');
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    await bot.close();
    await stores.close();
    await relay.cut();
  }, 60_000);
});

describe.skipIf(Boolean(postgresSkipReason))('two instances on one PostgreSQL', () => {
  it('loses and doubles nothing: 200 assessments, duplicate submits, one instance killed', async () => {
    const fresh = await freshPostgres();
    const env = {
      PORT: '0',
      RESONET_STORAGE: 'postgres',
      DATABASE_URL: fresh.url,
      LOG_LEVEL: 'warn',
    };
    const bots = await Promise.all([startBot(env), startBot(env)]);
    const alive = [true, true];
    let next = 0;
    let retried = 0;
    let turns = 0;
    /** Round robin over the live instances; a request that fails on one goes to the other. */
    const send = async (
      who: { conversation: string; user: string },
      fields: Record<string, unknown>,
    ) => {
      for (let attempt = 0; attempt < 4; attempt++) {
        const live = [0, 1].filter((i) => alive[i]);
        const pick = live[next++ % live.length] as number;
        try {
          turns++;
          return await talk((bots[pick] as { url: string }).url, who, fields);
        } catch {
          retried++;
        }
      }
      throw new Error('no instance answered');
    };
    const CONVERSATIONS = 200;
    const expected = new Map<string, Record<string, unknown>>();
    let completed = 0;
    const run = async (n: number) => {
      const who = { conversation: `example-two-${n}`, user: `example-member-${n}` };
      const answers: Record<string, unknown> = {};
      await send(who, { value: { action: 'start' } });
      await send(who, { value: { action: 'instrument', id: INSTRUMENT.id } });
      let replies = await send(who, { text: `Example centre ${n % 7}` });
      for (let guard = 0; guard < 60; guard++) {
        const itemId = questionOf(lastCard(replies));
        if (!itemId) break;
        const answer = answerFor(items.get(itemId) as Item, n);
        answers[itemId] = answer.stored;
        const fields = { value: { action: 'answer', itemId, answer: answer.sent } };
        // Every fourth answer is double-clicked: two posts at once, to both instances.
        if (guard % 4 === 0) {
          const both = await Promise.all([send(who, fields), send(who, fields)]);
          replies = both.find((r) => questionOf(lastCard(r)) !== itemId) ?? both[1];
          if (questionOf(lastCard(replies)) === itemId) replies = await send(who, fields);
        } else replies = await send(who, fields);
      }
      // The submit is double-clicked too.
      await Promise.all([
        send(who, { value: { action: 'submit' } }),
        send(who, { value: { action: 'submit' } }),
      ]);
      expected.set(who.user, answers);
      completed++;
      if (completed === 80 && alive[1]) {
        alive[1] = false;
        bots[1]?.child.kill('SIGKILL');
      }
    };
    const started = performance.now();
    let cursor = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (cursor < CONVERSATIONS) await run(cursor++);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    bots[0]?.child.kill('SIGTERM');
    await bots[0]?.exited;

    const db = await openPostgres(fresh.url);
    const rows = await db.query<{
      respondent_id: string;
      doc: { answers: Record<string, unknown> };
    }>('select respondent_id, doc from assessment_results');
    await db.close();
    await fresh.drop();
    const byMember = new Map<string, number>();
    for (const row of rows)
      byMember.set(row.respondent_id, (byMember.get(row.respondent_id) ?? 0) + 1);
    const lost = [...expected.keys()].filter((m) => !byMember.has(m));
    const doubled = [...byMember].filter(([, count]) => count > 1);
    const wrong = rows.filter((r) => !sameAnswers(r.doc.answers, expected.get(r.respondent_id)));
    console.log(
      `[resonet] two instances: ${CONVERSATIONS} assessments, ${turns} requests (${retried} retried after the kill) in ${seconds.toFixed(1)} s; ${rows.length} results stored, ${lost.length} lost, ${doubled.length} doubled, ${wrong.length} with other answers`,
    );
    expect(expected.size).toBe(CONVERSATIONS);
    expect(lost).toEqual([]);
    expect(doubled).toEqual([]);
    expect(wrong).toEqual([]);
    expect(rows).toHaveLength(CONVERSATIONS);
  }, 300_000);
});

const sortKeys = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const sameAnswers = (a: Record<string, unknown>, b: Record<string, unknown> | undefined) =>
  b !== undefined && JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
