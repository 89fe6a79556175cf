// Mutated activities and card payloads against `resonet serve`, over HTTP as channels send
// them: members who mostly follow the cards the bot sends (so every step of an assessment
// is reached) and, one time in three, send something broken or hostile instead. Under CI
// the full 100,000; elsewhere 10,000 (RESONET_FUZZ_COUNT overrides). Whatever arrives, the
// process stays up, never answers 5xx and never fails a turn.
import { describe, expect, it } from 'vitest';
import { ChannelServer } from './support/channelServer';
import { buttons } from './support/client';
import { assertBuilt, startBot } from './support/processes';

const COUNT = Number(process.env.RESONET_FUZZ_COUNT ?? (process.env.CI ? 100_000 : 10_000));
const MEMBERS = 48;
const WORKERS = 8;

/** A small seeded generator (mulberry32): a failing run can be repeated with its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

const ACTIONS = [
  'start',
  'instrument',
  'centre',
  'answer',
  'back',
  'skip',
  'submit',
  'pause',
  'continue',
  'cancel',
  'yes',
  'no',
  'confirm-cancel',
  'keep-going',
  'language',
  'ask',
  'my-results',
  'show-result',
  'export',
  'summary',
  'submissions',
  'export-all',
  'my-data',
  'delete-my-data',
  'help',
  'menu',
  '__proto__',
  'constructor',
  'toString',
  '',
  'ANSWER',
];
const TEXTS = [
  'start',
  'bắt đầu',
  'back',
  'quay lại',
  'skip',
  'submit',
  'nộp',
  'pause',
  'continue',
  'cancel',
  'yes',
  'có',
  'no',
  'không',
  'help',
  'my results',
  'summary',
  'delete my data',
  'my data',
  'What is Treatnet?',
  'Vai trò của một ITTC là gì?',
  'when did phase one start',
  '3',
  '5',
  '0',
  '99',
  '-1',
  '1,2',
  'a',
  'Example centre',
  '2026-02-30',
  '1e309',
  'NaN',
  '',
];
const HOSTILE = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u202d',
  '\u2028\u2029',
  '😀'.repeat(500),
  '<script>alert(1)</script>',
  '=cmd|" /C calc"!A0',
  "'; drop table bot_state; --",
  '%s%n%x',
  '{{constructor.constructor("x")()}}',
  '../../../../etc/passwd',
  'x'.repeat(30_000),
  'ế'.repeat(5000),
  '\t\r\n',
  ['$', '{process.exit()}'].join(''),
];

/** A random JSON value of any type, sometimes hostile. */
function anything(r: Random, depth = 0): unknown {
  switch (r.int(depth > 3 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return r.pick([true, false]);
    case 2:
      return r.pick([0, -1, 1.5, 1e308, -0, 2 ** 53 + 1, 7]);
    case 3:
      return r.pick(HOSTILE);
    case 4:
      return r.pick(TEXTS);
    case 5:
      return r.pick(ACTIONS);
    case 6:
      return Array.from({ length: r.int(4) }, () => anything(r, depth + 1));
    case 7:
      return {
        [r.pick(['action', 'itemId', 'answer', 'id', 'format', 'lang', '__proto__'])]: anything(
          r,
          depth + 1,
        ),
      };
    default:
      return {
        action: r.pick(ACTIONS),
        itemId: anything(r, depth + 1),
        answer: anything(r, depth + 1),
      };
  }
}

const ONWARD = ['answer', 'submit', 'centre', 'instrument', 'start', 'continue', 'yes'];

type Card = {
  body?: { id?: string; type?: string; choices?: { value: string }[] }[];
  actions?: { data?: Record<string, unknown> }[];
};

/** What a member clicks next on the last card: an action with its inputs filled in. */
function follow(
  r: Random,
  card: Card | undefined,
  diligent = false,
): Record<string, unknown> | undefined {
  const actions = buttons(card).filter((a) => a.data) as {
    data: Record<string, unknown>;
  }[];
  if (!actions.length) return undefined;
  // The button that moves an assessment on, as a member taking it would choose.
  const onward =
    actions.find((a) => ONWARD.includes(String(a.data.action))) ??
    (actions[0] as (typeof actions)[number]);
  const action = r.next() < (diligent ? 0.97 : 0.6) ? onward : r.pick(actions);
  const inputs: Record<string, unknown> = {};
  for (const element of card?.body ?? []) {
    if (!element.id) continue;
    const choices = element.choices ?? [];
    inputs[element.id] = choices.length
      ? r.next() < 0.2
        ? choices
            .slice(0, 2)
            .map((c) => c.value)
            .join(',')
        : r.pick(choices).value
      : element.type === 'Input.Number'
        ? String(r.int(12))
        : element.type === 'Input.Date'
          ? r.pick(['2026-01-15', '2025-12-31', 'yesterday'])
          : r.pick(['Example answer', 'Ví dụ câu trả lời', '3']);
  }
  return { ...inputs, ...action.data };
}

/** Breaks an activity one way or another. */
function mutate(r: Random, activity: Record<string, unknown>): Record<string, unknown> | unknown {
  const a: Record<string, unknown> = structuredClone(activity);
  switch (r.int(16)) {
    case 0:
      delete a[r.pick(Object.keys(a))];
      return a;
    case 1:
      a[r.pick(Object.keys(a))] = anything(r);
      return a;
    case 2:
      a.value = anything(r);
      return a;
    case 3:
      a.value = {
        ...(a.value as object),
        [r.pick(['itemId', 'answer', 'id', 'format', 'lang'])]: anything(r),
      };
      return a;
    case 4:
      a.value = { ...(a.value as object), action: r.pick(ACTIONS) };
      return a;
    case 5:
      a.text = r.pick(HOSTILE);
      return a;
    case 6:
      a.text = `${r.pick(TEXTS)} ${r.pick(HOSTILE)}`;
      return a;
    case 7:
      a.type = r.pick([
        'message',
        'invoke',
        'event',
        'conversationUpdate',
        'installationUpdate',
        'typing',
        'messageReaction',
        'endOfConversation',
        'unknown-type',
        '',
      ]);
      return a;
    case 8:
      a.locale = r.pick(['vi-VN', 'vi', 'en', 'xx', '', 'zh-Hant-TW', '\u0000', 'x'.repeat(64)]);
      return a;
    case 9:
      a.entities = [
        { type: 'clientInfo', locale: r.pick(['vi-VN', 'en-US', 42]) },
        { type: 'mention', mentioned: anything(r), text: anything(r) },
      ];
      return a;
    case 10:
      a.conversation = {
        ...(a.conversation as object),
        conversationType: r.pick(['groupChat', 'channel', 'personal', 7]),
      };
      return a;
    case 11:
      a.membersAdded = anything(r);
      a.type = 'conversationUpdate';
      return a;
    case 12:
      a.channelData = anything(r);
      return a;
    case 13:
      a.attachments = [
        { contentType: 'application/vnd.microsoft.card.adaptive', content: anything(r) },
      ];
      return a;
    case 14:
      return anything(r);
    default:
      a.value = follow(r, undefined) ?? {
        action: r.pick(ACTIONS),
        itemId: r.pick(['review', 'q-1', 'no-such-item', '']),
        answer: anything(r),
      };
      return a;
  }
}

describe('fuzzing the bot', () => {
  it(`survives ${COUNT.toLocaleString('en')} mutated activities and card payloads`, async () => {
    assertBuilt();
    // Where the bot sends the replies of activities that lost their deliveryMode.
    const channel = await new ChannelServer().start();
    const bot = await startBot({
      PORT: '0',
      LOG_LEVEL: process.env.RESONET_FUZZ_LOG ?? 'fatal',
      RESONET_MAX_BODY_KB: '256',
    });
    const seed = Number(process.env.RESONET_FUZZ_SEED ?? Date.now() % 100_000);
    const counts = {
      sent: 0,
      ok: 0,
      refused: 0,
      failedTurns: 0,
      serverErrors: 0,
      network: 0,
      submitted: 0,
      directLine: 0,
    };
    const statuses = new Map<number, number>();
    const lastCards = new Map<number, Card | undefined>();
    const started = performance.now();

    const post = async (body: unknown, path = '/api/messages', token?: string) => {
      const response = await fetch(`${bot.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, text };
    };
    // Some members talk through the local Direct Line, as the chat page does.
    const lines = new Map<number, { id: string; token: string }>();
    const directLine = async (member: number, activity: unknown) => {
      let line = lines.get(member);
      if (!line) {
        const started = JSON.parse((await post({}, '/v3/directline/conversations')).text);
        line = { id: started.conversationId, token: started.token };
        lines.set(member, line);
      }
      const answer = await post(
        activity,
        `/v3/directline/conversations/${line.id}/activities`,
        line.token,
      );
      const read = await fetch(`${bot.url}/v3/directline/conversations/${line.id}/activities`, {
        headers: { authorization: `Bearer ${line.token}` },
      });
      return { status: Math.max(answer.status, read.status), text: answer.text };
    };

    const worker = async (w: number) => {
      const r = random(seed * 31 + w);
      while (counts.sent < COUNT) {
        counts.sent++;
        if (counts.sent % 1000 === 0) channel.take();
        // Each member talks through one worker, one activity at a time, as a person would.
        const member = w + WORKERS * r.int(MEMBERS / WORKERS);
        // A member stays on one channel: the channel is part of whose state it is.
        const channelId = (['webchat', 'msteams', 'directline', 'test', 'emulator'] as const)[
          member % 5
        ];
        const base: Record<string, unknown> = {
          type: 'message',
          id: `example-fuzz-${w}-${counts.sent}`,
          channelId,
          serviceUrl: channel.url,
          conversation: { id: `example-fuzz-conversation-${member}` },
          from: { id: `example-fuzz-member-${member}` },
          recipient: { id: 'example-bot' },
          locale: r.pick(['en-US', 'vi-VN']),
          deliveryMode: 'expectReplies',
        };
        // Half the members mostly do as the cards say, so assessments reach their end; the
        // others break one activity in two.
        const diligent = Math.floor(member / WORKERS) % 2 === 1;
        // Now and then a member starts over (a new assessment, after results).
        const next = r.next() < 0.05 ? undefined : follow(r, lastCards.get(member), diligent);
        const valid = next
          ? { ...base, value: next }
          : { ...base, text: diligent ? r.pick(['start', 'continue', 'bắt đầu']) : r.pick(TEXTS) };
        const activity = r.next() < (diligent ? 0.04 : 0.5) ? mutate(r, valid) : valid;
        let answer: { status: number; text: string };
        try {
          if (Math.floor(member / WORKERS) % 3 === 0) {
            counts.directLine++;
            const {
              channelId: _c,
              serviceUrl: _s,
              conversation: _v,
              from: _f,
              recipient: _r,
              deliveryMode: _d,
              id: _i,
              ...rest
            } = (
              activity && typeof activity === 'object' ? activity : { body: activity }
            ) as Record<string, unknown>;
            answer = await directLine(member, rest);
          } else answer = await post(activity);
        } catch {
          counts.network++;
          continue;
        }
        if (process.env.RESONET_FUZZ_TRACE === String(member))
          console.log(
            JSON.stringify(
              (activity as { value?: unknown; text?: unknown })?.value ??
                (activity as { text?: unknown })?.text,
            ).slice(0, 100),
            '→',
            answer.text
              .replace(/"(contentType|\$schema|type|version)":"[^"]*",?/g, '')
              .slice(0, 300),
          );
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500) counts.serverErrors++;
        else if (answer.status >= 400) counts.refused++;
        else counts.ok++;
        if (/something went wrong on my side/i.test(answer.text)) counts.failedTurns++;
        if (/has been submitted|đã được nộp/.test(answer.text)) counts.submitted++;
        if (answer.status === 200 && answer.text) {
          const cards = (
            (JSON.parse(answer.text) as { activities?: { attachments?: { content?: Card }[] }[] })
              .activities ?? []
          )
            .flatMap((a) => a.attachments ?? [])
            .map((a) => a.content)
            .filter(Boolean);
          if (cards.length) lastCards.set(member, cards.at(-1));
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
      const seconds = (performance.now() - started) / 1000;
      const health = await fetch(`${bot.url}/healthz`).then((res) => res.status);
      console.log(
        `[resonet] fuzz (seed ${seed}): ${counts.sent} activities in ${seconds.toFixed(0)} s; ${counts.ok} answered, ${counts.refused} refused (4xx), ${counts.serverErrors} 5xx, ${counts.failedTurns} failed turns, ${counts.network} connection errors; ${counts.submitted} assessments submitted, ${counts.directLine} through the local Direct Line; statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}; process ${bot.child.exitCode === null ? 'alive' : `exited ${bot.child.exitCode}`}, /healthz ${health}`,
      );
      if (process.env.RESONET_FUZZ_LOG)
        console.log(
          bot
            .out()
            .split('\n')
            .filter((l) => l.includes('"level":50'))
            .slice(0, 5)
            .join('\n'),
        );
      expect(bot.child.exitCode).toBeNull();
      expect(health).toBe(200);
      expect(counts).toMatchObject({ serverErrors: 0, failedTurns: 0, network: 0 });
      expect(counts.ok).toBeGreaterThan(counts.sent / 2);
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
      await channel.stop();
    }
  }, 900_000);
});
