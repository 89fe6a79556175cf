// Two instances of `resonet serve` on one PostgreSQL, as a scaled-out deployment runs: the
// database cut while turns are in flight, and a member's Submit and Back at the review card
// reaching different instances at once.
import { type Item, instrumentItems } from '@resonet/core';
import { ittcTechnologyTransferNeeds } from '@resonet/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS } from '../src/i18n/catalog';
import { openPostgres } from '../src/storage/postgres';
import { answerFor } from './support/answers';
import { type Activity, lastCard, questionOf } from './support/client';
import { freshPostgres, postgresSkipReason } from './support/databases';
import { assertBuilt, type BotProcess, startBot } from './support/processes';
import { Relay } from './support/relay';

const INSTRUMENT = ittcTechnologyTransferNeeds;
const items = new Map(instrumentItems(INSTRUMENT).map(({ item }) => [item.id, item]));

beforeAll(assertBuilt);

/** Posts one activity (expectReplies); never throws, so every outcome is counted. */
async function send(
  url: string,
  who: { conversation: string; user: string },
  fields: Record<string, unknown>,
): Promise<{ status: number | string; replies: Activity[] }> {
  try {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: crypto.randomUUID(),
        channelId: 'webchat',
        serviceUrl: 'http://127.0.0.1:9/',
        conversation: { id: who.conversation },
        from: { id: who.user },
        recipient: { id: 'example-bot' },
        locale: 'en-US',
        deliveryMode: 'expectReplies',
        ...fields,
      }),
    });
    const body = (await response.json().catch(() => ({}))) as { activities?: Activity[] };
    return { status: response.status, replies: body.activities ?? [] };
  } catch (error) {
    return {
      status: (error as Error).cause ? String((error as Error).cause) : 'network',
      replies: [],
    };
  }
}

const said = (replies: Activity[]) => JSON.stringify(replies);
const FAILED = /something went wrong on my side \(reference \w+\)/;

async function healthy(url: string) {
  return (await fetch(`${url}/healthz`).catch(() => undefined))?.status;
}

describe.skipIf(Boolean(postgresSkipReason))('PostgreSQL cut under load', () => {
  it('keeps every instance up, fails the turns in flight politely, and recovers', async () => {
    const fresh = await freshPostgres();
    const target = new URL(fresh.url);
    const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
    await relay.open();
    const viaRelay = new URL(fresh.url);
    viaRelay.port = String(relay.port);
    const env = {
      PORT: '0',
      RESONET_STORAGE: 'postgres',
      DATABASE_URL: viaRelay.toString(),
      LOG_LEVEL: 'fatal',
    };
    const bots: BotProcess[] = await Promise.all([startBot(env), startBot(env)]);
    const statuses = new Map<string, number>();
    let polite = 0;
    let answered = 0;
    let phase: 'before' | 'cut' | 'after' = 'before';
    let answeredAfter = 0;
    let stop = false;
    const worker = async (w: number) => {
      const who = { conversation: `example-cut-${w}`, user: `example-cut-member-${w}` };
      for (let turn = 0; !stop; turn++) {
        const url = (bots[turn % 2] as BotProcess).url;
        const { status, replies } = await send(url, who, {
          text: turn % 3 === 0 ? 'start' : 'What is Treatnet?',
        });
        statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
        if (FAILED.test(said(replies))) polite++;
        else if (status === 200) {
          answered++;
          if (phase === 'after') answeredAfter++;
        }
      }
    };
    const load = Promise.all(Array.from({ length: 12 }, (_, w) => worker(w)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    phase = 'cut';
    await relay.cut();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const during = await Promise.all(bots.map((b) => healthy(b.url)));
    await relay.open(relay.port);
    phase = 'after';
    const recovered = Date.now();
    while (answeredAfter < 50 && Date.now() - recovered < 20_000)
      await new Promise((resolve) => setTimeout(resolve, 200));
    stop = true;
    await load;
    const after = await Promise.all(bots.map((b) => healthy(b.url)));
    const exits = bots.map((b) => b.child.exitCode);
    for (const b of bots) {
      b.child.kill('SIGTERM');
      await b.exited;
    }
    await relay.cut();
    await fresh.drop();
    console.log(
      `[resonet] PostgreSQL cut under load: ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')}; ${answered} answered, ${polite} failed politely; /healthz during the cut ${during.join(', ')}, after ${after.join(', ')}`,
    );
    expect(exits).toEqual([null, null]);
    expect([...statuses.keys()]).toEqual(['200']);
    expect(polite).toBeGreaterThan(0);
    expect(during).toEqual([503, 503]);
    expect(answeredAfter).toBeGreaterThanOrEqual(50);
    expect(after).toEqual([200, 200]);
  }, 90_000);
});

describe.skipIf(Boolean(postgresSkipReason))('Submit and Back racing on two instances', () => {
  it('stores exactly the answers of the review the member was told was submitted', async () => {
    const fresh = await freshPostgres();
    const env = {
      PORT: '0',
      RESONET_STORAGE: 'postgres',
      DATABASE_URL: fresh.url,
      LOG_LEVEL: 'fatal',
    };
    const bots: BotProcess[] = await Promise.all([startBot(env), startBot(env)]);
    const url = (i: number) => (bots[i % 2] as BotProcess).url;
    const TRIALS = 60;
    const expected = new Map<string, Record<string, unknown>>();
    const toldSubmitted = new Map<string, number>();
    let submitWon = 0;
    let backWon = 0;
    const submittedText = CATALOGS.en.submitted;

    const trial = async (n: number) => {
      const who = { conversation: `example-race-${n}`, user: `example-race-member-${n}` };
      const answers: Record<string, unknown> = {};
      await send(url(n), who, { value: { action: 'start' } });
      await send(url(n + 1), who, { value: { action: 'instrument', id: INSTRUMENT.id } });
      let { replies } = await send(url(n), who, { text: `Example centre ${n % 5}` });
      let last: string | undefined;
      for (let turn = 0; turn < 80; turn++) {
        const itemId = questionOf(lastCard(replies));
        if (!itemId) break;
        last = itemId;
        const answer = answerFor(items.get(itemId) as Item, n);
        answers[itemId] = answer.stored;
        ({ replies } = await send(url(n + turn), who, {
          value: { action: 'answer', itemId, answer: answer.sent },
        }));
      }
      expect(said(replies)).toContain(CATALOGS.en.review);
      // Submit to one instance and Back to the other, at the same moment.
      const [submitted, back] = await Promise.all([
        send(url(n), who, { value: { action: 'submit', itemId: 'review' } }),
        send(url(n + 1), who, { value: { action: 'back', itemId: 'review' } }),
      ]);
      const told = (r: { replies: Activity[] }) => said(r.replies).includes(submittedText);
      let count = Number(told(submitted)) + Number(told(back));
      if (told(submitted)) submitWon++;
      else {
        // Back won: the member changes the last answer, reviews again and submits.
        backWon++;
        const current =
          questionOf(lastCard(back.replies)) ?? questionOf(lastCard(submitted.replies));
        expect(current).toBe(last);
        const changed = answerFor(items.get(current as string) as Item, n + 1);
        answers[current as string] = changed.stored;
        const review = await send(url(n + 1), who, {
          value: { action: 'answer', itemId: current, answer: changed.sent },
        });
        expect(said(review.replies)).toContain(CATALOGS.en.review);
        const again = await send(url(n), who, { value: { action: 'submit', itemId: 'review' } });
        count += Number(told(again));
      }
      expected.set(who.user, answers);
      toldSubmitted.set(who.user, count);
    };
    let cursor = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (cursor < TRIALS) await trial(cursor++);
      }),
    );
    for (const b of bots) {
      b.child.kill('SIGTERM');
      await b.exited;
    }
    const db = await openPostgres(fresh.url);
    const rows = await db.query<{
      respondent_id: string;
      doc: { answers: Record<string, unknown> };
    }>('select respondent_id, doc from assessment_results');
    await db.close();
    await fresh.drop();
    const wrong = rows.filter(
      (r) =>
        JSON.stringify(sorted(r.doc.answers)) !==
        JSON.stringify(sorted(expected.get(r.respondent_id) ?? {})),
    );
    console.log(
      `[resonet] Submit/Back race: ${TRIALS} trials on two instances, Submit won ${submitWon}, Back won ${backWon}; ${rows.length} results stored, ${wrong.length} with answers other than the review submitted`,
    );
    expect(submitWon + backWon).toBe(TRIALS);
    expect([...toldSubmitted.values()].every((n) => n === 1)).toBe(true);
    expect(rows).toHaveLength(TRIALS);
    expect(new Set(rows.map((r) => r.respondent_id)).size).toBe(TRIALS);
    expect(wrong).toEqual([]);
  }, 180_000);
});

const sorted = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
