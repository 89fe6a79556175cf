import { instrumentItems } from '@resonet/core';
import { centreTrainingNeeds } from '@resonet/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { CATALOGS } from '../src/i18n/catalog';
import { createLogger } from '../src/log';
import { SHIPPED_BRANDING } from '../src/pack/shipped';
import { type RunningServer, startServer } from '../src/server';
import { MemoryResultStore } from '../src/storage/results';
import { LogCapture } from './support/bot';
import { ChannelServer } from './support/channelServer';
import { buttons } from './support/client';
import { typedAnswer } from './support/conversation';

const items = new Map(instrumentItems(centreTrainingNeeds).map(({ item }) => [item.id, item]));
let bot: RunningServer;
let channel: ChannelServer;
const results = new MemoryResultStore();
const logs = new LogCapture();
let sequence = 0;

beforeAll(async () => {
  channel = await new ChannelServer().start();
  const config = readConfig({ PORT: '0', RESONET_EXAMPLE_CENTRES: 'true' });
  if (!config.ok) throw new Error(config.errors.join('; '));
  bot = await startServer({ config: config.value, log: createLogger('info', logs), results });
});
afterAll(async () => {
  await bot?.close();
  await channel?.stop();
});

function activity(fields: Record<string, unknown>, conversation = 'example-http-1') {
  return {
    type: 'message',
    id: `example-activity-${++sequence}`,
    channelId: 'webchat',
    serviceUrl: channel.url,
    conversation: { id: conversation },
    from: { id: `user-of-${conversation}` },
    recipient: { id: 'example-bot' },
    locale: 'en-US',
    ...fields,
  };
}

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

type Card = {
  body: { id?: string; choices?: { value: string }[] }[];
  actions: { data: Record<string, string> }[];
};
const cardIn = (activities: Record<string, unknown>[]): Card | undefined =>
  (activities.at(-1)?.attachments as { content: Card }[] | undefined)?.[0]?.content;

describe('the bot over HTTP (real restify server, anonymous mode)', () => {
  it('reports health', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('completes an assessment by posting card submits, replies going to the channel service', async () => {
    expect((await post(activity({ value: { action: 'start' } }))).status).toBe(200);
    const welcome = channel.take();
    expect(JSON.stringify(welcome)).toContain(SHIPPED_BRANDING.welcome.en);
    await post(activity({ value: { action: 'instrument', id: centreTrainingNeeds.id } }));
    channel.take();
    await post(activity({ value: { action: 'centre', id: 'example-resource-centre-vn' } }));
    let replies = channel.take();
    let backOnce = false;
    for (let guard = 0; guard < 100; guard++) {
      const card = cardIn(replies);
      const answer = buttons(card).find((a) => a.data.action === 'answer');
      if (!answer) break;
      const itemId = answer.data.itemId as string;
      const choice = card?.body.find((e) => e.id === 'answer')?.choices?.[0]?.value;
      const value = choice ?? typedAnswer(items.get(itemId) as never, 'en');
      const { status } = await post(
        activity({ value: { action: 'answer', itemId, answer: value } }),
      );
      expect(status).toBe(200);
      replies = channel.take();
      if (!backOnce && guard === 3) {
        backOnce = true;
        await post(
          activity({ value: { action: 'back', itemId: buttons(cardIn(replies))[0]?.data.itemId } }),
        );
        replies = channel.take();
        expect(JSON.stringify(replies)).toContain('Question 4 of');
      }
    }
    expect(JSON.stringify(replies)).toContain(CATALOGS.en.review);
    await post(activity({ value: { action: 'submit' } }));
    expect(JSON.stringify(channel.take())).toContain(CATALOGS.en.submitted);
    const stored = await results.query();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.respondentId).toBe('user-of-example-http-1');
  });

  it('returns the replies in the response with deliveryMode expectReplies', async () => {
    const { status, body } = await post(
      activity(
        { text: 'Treatnet là gì?', deliveryMode: 'expectReplies', locale: 'vi-VN' },
        'example-http-2',
      ),
    );
    expect(status).toBe(200);
    expect(channel.take()).toEqual([]);
    const activities = body.activities as Record<string, unknown>[];
    expect(activities.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(activities)).toContain(SHIPPED_BRANDING.welcome.vi);
    expect(JSON.stringify(activities)).toContain('Nguồn');
    expect(JSON.stringify(activities)).not.toContain('.txt');
    expect(JSON.stringify(activities)).toContain('UNODC');
  });

  it('rejects malformed bodies with 400 and a reason, and keeps serving', async () => {
    const broken = await post('{"type": "message", ');
    expect(broken.status).toBe(400);
    expect(JSON.stringify(broken.body)).toMatch(/Invalid JSON/);
    expect((await post('[1,2,3]')).status).toBe(400);
    const missing = await post({ type: 'message', text: 'hi' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toContain('channelId');
    const badUrl = await post(activity({ serviceUrl: 'file:///etc/passwd' }));
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error).toContain('serviceUrl');
    const notJson = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(notJson.status).toBe(415);
    const huge = await post(activity({ text: 'x'.repeat(400 * 1024) }));
    expect(huge.status).toBe(413);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('accepts unknown activity types quietly, and answers tampered card data and 100 KB text politely', async () => {
    const unknown = await post(activity({ type: 'somethingNew' }, 'example-http-3'));
    expect(unknown.status).toBe(200);
    expect(channel.take()).toEqual([]);
    await post(activity({ text: 'hello' }, 'example-http-3'));
    channel.take();
    const tampered = await post(
      activity(
        { value: { action: 'answer', itemId: { $ne: 1 }, answer: [1, { a: 2 }] } },
        'example-http-3',
      ),
    );
    expect(tampered.status).toBe(200);
    expect(channel.take().length).toBeGreaterThan(0);
    const long = await post(activity({ text: 'x'.repeat(100 * 1024) }, 'example-http-3'));
    expect(long.status).toBe(200);
    expect(JSON.stringify(channel.take())).toContain('too long');
  });

  it('logs requests without message text', () => {
    expect(logs.text).toContain('"event":"turn"');
    expect(logs.text).not.toContain('Treatnet là gì');
    expect(logs.text).not.toContain('xxxxxxxxxx');
  });
});

describe('a slow turn over HTTP', () => {
  it('shows a typing indicator before the reply', async () => {
    const slow = new MemoryResultStore();
    const query = slow.query.bind(slow);
    slow.query = async (q) => {
      await new Promise((resolve) => setTimeout(resolve, 1200));
      return query(q);
    };
    const config = readConfig({ PORT: '0' });
    if (!config.ok) throw new Error(config.errors.join('; '));
    const slowBot = await startServer({
      config: config.value,
      log: createLogger('silent'),
      results: slow,
    });
    try {
      const response = await fetch(`${slowBot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity({ text: 'my results' }, 'example-http-slow')),
      });
      expect(response.status).toBe(200);
      const types = channel.take().map((a) => a.type);
      // Typing while the turn works, then the welcome and the answer.
      expect(types[0]).toBe('typing');
      expect(types.slice(-2)).toEqual(['message', 'message']);
    } finally {
      await slowBot.close();
    }
  });
});
