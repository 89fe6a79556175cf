import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conversations } from '../src/channels/directline/conversations';
import { readConfig } from '../src/config';
import { CATALOGS } from '../src/i18n/catalog';
import { createLogger } from '../src/log';
import { SHIPPED_BRANDING } from '../src/pack/shipped';
import { type RunningServer, startServer } from '../src/server';
import { LogCapture } from './support/bot';

// The local Direct Line 3.0 inside the bot (anonymous mode), spoken to over HTTP as Web
// Chat's DirectLineJS speaks to it.

let bot: RunningServer;
const logs = new LogCapture();

beforeAll(async () => {
  const config = readConfig({
    PORT: '0',
    RESONET_EXAMPLE_CENTRES: 'true',
    RESONET_STORAGE: 'memory',
  });
  if (!config.ok) throw new Error(config.errors.join('; '));
  bot = await startServer({ config: config.value, log: createLogger('debug', logs) });
});
afterAll(() => bot?.close());

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in assertions
type Json = Record<string, any>;

async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string } = {},
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${bot.url}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined || options.raw ? { 'content-type': 'application/json' } : {}),
    },
    ...(options.raw
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

/** Gets a token as the page does, then starts the conversation as DirectLineJS does. */
async function open(locale = 'en-US') {
  const grant = await call('POST', '/api/directline/token', { body: {} });
  expect(grant.status).toBe(200);
  const started = await call('POST', '/v3/directline/conversations', {
    token: grant.body.token,
    body: { user: {}, locale },
  });
  expect(started.status).toBe(201);
  return { ...grant.body, ...started.body } as {
    conversationId: string;
    token: string;
    userId: string;
    domain: string;
  };
}

const activitiesOf = (c: { conversationId: string; token: string }, watermark = '') =>
  call(
    'GET',
    `/v3/directline/conversations/${c.conversationId}/activities?watermark=${watermark}`,
    {
      token: c.token,
    },
  );

describe('the local Direct Line', () => {
  it('gives the page a token for a new conversation, and puts the welcome in its stream', async () => {
    const c = await open('vi-VN');
    expect(c).toMatchObject({ domain: '/v3/directline', webSocket: false, expires_in: 3600 });
    expect(c.userId).toMatch(/^dl_/);
    const { status, body } = await activitiesOf(c);
    expect(status).toBe(200);
    expect(body.watermark).toBe('1');
    expect(body.activities).toHaveLength(1);
    expect(body.activities[0]).toMatchObject({
      type: 'message',
      from: { id: 'resonet', role: 'bot' },
      conversation: { id: c.conversationId },
      id: `${c.conversationId}|0000001`,
    });
    expect(JSON.stringify(body.activities[0])).toContain(SHIPPED_BRANDING.welcome.vi);
    // Starting again (DirectLineJS reconnecting) does not welcome twice.
    const again = await call('POST', '/v3/directline/conversations', { token: c.token, body: {} });
    expect(again.status).toBe(200);
    expect((await activitiesOf(c, '1')).body.activities).toEqual([]);
  });

  it('echoes the user’s activity with its id and clientActivityID, then the bot’s replies', async () => {
    const c = await open();
    const posted = await call(
      'POST',
      `/v3/directline/conversations/${c.conversationId}/activities`,
      {
        token: c.token,
        body: {
          type: 'message',
          text: 'Who coordinates Treatnet?',
          from: { id: 'someone-else', name: 'Example member' },
          locale: 'en-US',
          channelData: { clientActivityID: 'example-client-1' },
        },
      },
    );
    expect(posted.status).toBe(200);
    expect(posted.body.id).toBe(`${c.conversationId}|0000002`);
    const { body } = await activitiesOf(c, '1');
    const [echo, ...replies] = body.activities as Json[];
    expect(echo).toMatchObject({
      id: posted.body.id,
      type: 'message',
      text: 'Who coordinates Treatnet?',
      // The token speaks for its user: a client cannot post as someone else.
      from: { id: c.userId, name: 'Example member', role: 'user' },
      channelData: { clientActivityID: 'example-client-1' },
    });
    expect(echo?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect(reply).toMatchObject({
        from: { id: 'resonet', role: 'bot' },
        replyToId: posted.body.id,
      });
      expect(reply.type).not.toBe('typing');
    }
    expect(JSON.stringify(replies)).toContain(CATALOGS.en.sources);
    expect(body.watermark).toBe(String(1 + 1 + replies.length));
  });

  it('runs card submits through the bot (the assessment starts)', async () => {
    const c = await open();
    await call('POST', `/v3/directline/conversations/${c.conversationId}/activities`, {
      token: c.token,
      body: { type: 'message', value: { action: 'start' } },
    });
    const { body } = await activitiesOf(c, '1');
    expect(JSON.stringify(body.activities)).toContain(CATALOGS.en.chooseInstrument);
  });

  it('refuses what it should, with Direct Line’s error shape, and keeps serving', async () => {
    const c = await open();
    const path = `/v3/directline/conversations/${c.conversationId}/activities`;
    const other = await open();
    const cases: [Promise<{ status: number; body: Json }>, number, string][] = [
      [call('GET', path), 401, 'Unauthorized'],
      [call('GET', path, { token: 'not-a-token' }), 403, 'Forbidden'],
      [call('GET', path, { token: other.token }), 403, 'Forbidden'],
      [
        call('GET', '/v3/directline/conversations/local-nope/activities', { token: c.token }),
        404,
        'NotFound',
      ],
      [call('GET', `${path}?watermark=abc`, { token: c.token }), 400, 'BadArgument'],
      [call('POST', path, { token: c.token, body: { text: 'no type' } }), 400, 'BadArgument'],
      [
        call('POST', path, { token: c.token, body: { type: 'message', text: 7 } }),
        400,
        'BadArgument',
      ],
      [
        call('POST', path, {
          token: c.token,
          body: { type: 'message', attachments: [{ contentType: 'image/png' }] },
        }),
        400,
        'BadArgument',
      ],
      [call('POST', path, { token: c.token, body: [] }), 400, 'BadArgument'],
      [call('POST', '/v3/directline/tokens/refresh', { token: 'not-a-token' }), 403, 'Forbidden'],
    ];
    for (const [request, status, code] of cases) {
      const { status: got, body } = await request;
      expect({ got, code: body.error?.code }).toEqual({ got: status, code });
      expect(body.error.message).toEqual(expect.any(String));
    }
    const broken = await call('POST', path, { token: c.token, raw: '{"type": ' });
    expect(broken.status).toBe(400);
    const attachments = await call('POST', path, {
      token: c.token,
      body: { type: 'message', attachments: [{}] },
    });
    expect(attachments.body.error.message).toContain('not supported');
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect((await activitiesOf(c, '1')).body.activities).toEqual([]);
  });

  it('refreshes tokens, reconnects, and generates tokens as Azure’s Direct Line does', async () => {
    const c = await open();
    const refreshed = await call('POST', '/v3/directline/tokens/refresh', { token: c.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.conversationId).toBe(c.conversationId);
    expect(refreshed.body.token).not.toBe(c.token);
    const reconnect = await call('GET', `/v3/directline/conversations/${c.conversationId}`, {
      token: refreshed.body.token,
    });
    expect(reconnect).toMatchObject({ status: 200, body: { conversationId: c.conversationId } });
    expect((await activitiesOf({ ...c, token: refreshed.body.token })).status).toBe(200);

    const generated = await call('POST', '/v3/directline/tokens/generate', {
      body: { user: { id: 'dl_example-user-0123456789' } },
    });
    expect(generated.body.userId).toBe('dl_example-user-0123456789');
    // A conversation can also be started without a token, as with a secret.
    const direct = await call('POST', '/v3/directline/conversations', { body: {} });
    expect(direct.status).toBe(201);
    expect(direct.body.token).toEqual(expect.any(String));
  });

  it('takes what the bot itself posts to its channel service into the stream, and nothing forged', async () => {
    const c = await open();
    const path = `/v3/conversations/${c.conversationId}/activities`;
    const forged = { type: 'message', text: 'example forged bot message' };
    expect((await call('POST', path, { body: forged })).status).toBe(401);
    expect((await call('POST', `${path}/x`, { body: forged })).status).toBe(401);
    // The member's own token does not make them the bot.
    expect((await call('POST', path, { token: c.token, body: forged })).status).toBe(401);
    expect((await call('POST', path, { token: 'x'.repeat(43), body: forged })).status).toBe(401);

    // The bot posting for real: an activity whose service URL is the bot itself, answered
    // without expectReplies, so botbuilder sends the replies there, signed by the adapter.
    const posted = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'example-own-post',
        channelId: 'webchat',
        serviceUrl: bot.url,
        conversation: { id: c.conversationId },
        from: { id: c.userId },
        recipient: { id: 'resonet' },
        locale: 'en-US',
        text: 'What is Treatnet?',
      }),
    });
    expect(posted.status).toBe(200);
    const { body } = await activitiesOf(c, '1');
    const fromBot = (body.activities as Json[]).filter((a) => a.from?.role === 'bot');
    expect(fromBot.length).toBeGreaterThan(0);
    expect(JSON.stringify(fromBot)).toContain('Treatnet');
    expect(JSON.stringify(body)).not.toContain('example forged');
  });

  it('logs the page’s polling at debug level and never the messages', async () => {
    const c = await open();
    await call('POST', `/v3/directline/conversations/${c.conversationId}/activities`, {
      token: c.token,
      body: { type: 'message', text: 'example private words' },
    });
    await activitiesOf(c, '1');
    const polls = logs.lines
      .map((l) => JSON.parse(l))
      .filter(
        (l) => l.event === 'request' && l.method === 'GET' && l.route.endsWith('/activities'),
      );
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((l) => l.level === 20)).toBe(true);
    expect(polls[0].route).toBe('/v3/directline/conversations/:conversationId/activities');
    expect(logs.text).not.toContain('example private words');
    expect(logs.text).not.toContain(c.token);
    // Conversation ids are credentials too: a log reader could read the stream with them.
    expect(logs.text).not.toContain(c.conversationId);
  });
});

describe('the local Direct Line’s memory', () => {
  it('keeps a bounded number of conversations, dropping the least recently used', () => {
    let n = 0;
    const conversations = new Conversations({ maxConversations: 2, random: () => `r${++n}` });
    const a = conversations.create();
    const b = conversations.create();
    expect(conversations.check(a.token).ok).toBe(true); // a is now the most recent
    conversations.create();
    expect(conversations.size).toBe(2);
    expect(conversations.get(b.conversation.id)).toBeUndefined();
    expect(conversations.check(b.token)).toEqual({ ok: false, error: 'unknown' });
    expect(conversations.get(a.conversation.id)).toBeDefined();
  });

  it('keeps the latest activities of a conversation; watermarks stay absolute', () => {
    const conversations = new Conversations({ maxActivities: 3 });
    const { conversation } = conversations.create();
    for (let i = 1; i <= 5; i++)
      conversations.append(conversation, { type: 'message', text: `${i}` }, 't');
    expect(conversations.since(conversation, 0).activities.map((a) => a.text)).toEqual([
      '3',
      '4',
      '5',
    ]);
    expect(conversations.since(conversation, 3)).toMatchObject({
      activities: [{ text: '4' }, { text: '5' }],
      watermark: '5',
    });
    expect(conversations.since(conversation, 5).activities).toEqual([]);
    expect(conversations.since(conversation, 99).activities).toEqual([]);
  });

  it('bounds the bytes kept per conversation and in all, dropping the oldest first', () => {
    const conversations = new Conversations({ maxBytes: 10_000, maxTotalBytes: 25_000 });
    const big = (n: number) => ({ type: 'message', text: `${n}`.padEnd(3000, 'x') });
    const a = conversations.create().conversation;
    for (let n = 1; n <= 8; n++) conversations.append(a, big(n), 't');
    // About 3 KB each: three fit in 10 KB, the newest three are kept.
    expect(conversations.since(a, 0).activities.map((x) => String(x.text).slice(0, 1))).toEqual([
      '6',
      '7',
      '8',
    ]);
    expect(a.bytes).toBeLessThanOrEqual(10_000);
    const b = conversations.create().conversation;
    const c = conversations.create().conversation;
    for (let n = 1; n <= 3; n++) conversations.append(b, big(n), 't');
    for (let n = 1; n <= 3; n++) conversations.append(c, big(n), 't');
    // 27 KB in all is over 25 KB: the least recently used conversation (a) gives up its oldest.
    expect(conversations.bytes).toBeLessThanOrEqual(25_000);
    expect(a.activities).toHaveLength(2);
    expect(c.activities).toHaveLength(3);
    // One activity larger than the limit is still kept, alone: the latest is always there.
    conversations.append(b, { type: 'message', text: 'y'.repeat(20_000) }, 't');
    expect(b.activities).toHaveLength(1);
    expect(conversations.bytes).toBeLessThanOrEqual(25_000 + 1000);
  });

  it('keeps a conversation flooded over HTTP within its byte bound', async () => {
    const c = await open();
    const path = `/v3/directline/conversations/${c.conversationId}/activities`;
    for (let n = 0; n < 30; n++) {
      const posted = await call('POST', path, {
        token: c.token,
        body: { type: 'event', name: 'example', value: { blob: 'x'.repeat(240_000) } },
      });
      expect(posted.status).toBe(200);
    }
    const response = await fetch(`${bot.url}${path}`, {
      headers: { authorization: `Bearer ${c.token}` },
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    // 30 × 240 KB were posted; what is kept and served is at most about 2 MB.
    expect(text.length).toBeLessThan(2.5 * 1024 * 1024);
    expect(JSON.parse(text).watermark).toBe(String(30 + 1));
  });

  it('expires tokens and idle conversations', () => {
    let now = 0;
    const conversations = new Conversations({ tokenTtlMs: 1000, idleMs: 5000, now: () => now });
    const { conversation, token } = conversations.create('dl_example');
    expect(conversation.userId).toBe('dl_example');
    now = 999;
    expect(conversations.check(token, conversation.id).ok).toBe(true);
    const fresh = conversations.issueToken(conversation.id);
    now = 1000;
    expect(conversations.check(token)).toEqual({ ok: false, error: 'expired' });
    expect(conversations.check(fresh).ok).toBe(true);
    now = 1999 + 5001;
    expect(conversations.get(conversation.id)).toBeUndefined();
    expect(conversations.check(undefined)).toEqual({ ok: false, error: 'missing' });
  });
});
