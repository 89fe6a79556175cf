// What arrives at the edge before anything is authenticated, sent to `resonet serve` as an
// attacker would send it (docs/deployment.md, Security). Each request must get a 4xx and
// leave the process serving, its memory flat and its temporary directory empty.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { assertBuilt, type BotProcess, runCli, startBot } from './support/processes';
import { rawRequest, residentMb } from './support/rawHttp';

const ROUTES = [
  '/api/messages',
  '/v3/directline/tokens/generate',
  '/v3/directline/conversations',
  '/api/directline/token',
];
const INVALID_GZIP = Buffer.from('1f8b0800000000000003ffff', 'hex');
const TRUNCATED_GZIP = gzipSync(
  Buffer.from(JSON.stringify({ type: 'message', text: 'x' })),
).subarray(0, 15);

let bot: BotProcess;
let temp: string;

beforeAll(async () => {
  assertBuilt();
  temp = mkdtempSync(join(tmpdir(), 'resonet-edge-tmp-'));
  bot = await startBot({ PORT: '0', TMPDIR: temp, LOG_LEVEL: 'warn' });
}, 30_000);
afterAll(async () => {
  bot?.child.kill('SIGTERM');
  await bot?.exited;
  rmSync(temp, { recursive: true, force: true });
});

const alive = async () => {
  expect(bot.child.exitCode).toBeNull();
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
};

describe('compressed bodies', () => {
  it('refuses invalid and truncated gzip on every route with 415, and keeps serving', async () => {
    for (const path of ROUTES)
      for (const body of [INVALID_GZIP, TRUNCATED_GZIP]) {
        const answer = await rawRequest(bot.url, {
          path,
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body,
        });
        expect(answer.status, path).toBe(415);
        expect(answer.body).toContain('Content-Encoding');
      }
    // deflate, br, and a stack of encodings alike; identity is plain JSON.
    for (const encoding of ['deflate', 'br', 'gzip, identity', 'x-unknown']) {
      const answer = await rawRequest(bot.url, {
        path: '/api/messages',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: '{}',
      });
      expect(answer.status, encoding).toBe(415);
    }
    const identity = await rawRequest(bot.url, {
      path: '/api/messages',
      headers: { 'content-type': 'application/json', 'content-encoding': 'identity' },
      body: '{}',
    });
    expect(identity.status).toBe(400);
    await alive();
  });

  it('refuses a gzip bomb at once, without inflating it', async () => {
    const bomb = gzipSync(Buffer.alloc(250 * 1024 * 1024, 0x20), { level: 9 });
    const before = await residentMb(bot.child.pid as number);
    const answer = await rawRequest(bot.url, {
      path: '/api/messages',
      headers: {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': bomb.length,
      },
      body: bomb,
    });
    const after = await residentMb(bot.child.pid as number);
    console.log(
      `[resonet] gzip bomb: ${Math.round(bomb.length / 1024)} KB inflating to 250 MB → ${answer.status} in ${answer.ms.toFixed(0)} ms; memory ${before} → ${after} MB`,
    );
    expect(answer.status).toBe(415);
    expect(answer.ms).toBeLessThan(1000);
    expect(after - before).toBeLessThan(30);
    await alive();
  }, 30_000);
});

describe('forms and uploads', () => {
  it('refuses multipart uploads with 415 and writes no file', async () => {
    const boundary = 'example-boundary-7MA4YWxkTrZu0gW';
    const part = 30 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const upload = function* () {
      for (let file = 0; file < 3; file++) {
        yield Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="f${file}"; filename="example-${file}.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        );
        for (let sent = 0; sent < part; sent += chunk.length) yield chunk;
        yield Buffer.from('\r\n');
      }
      yield Buffer.from(`--${boundary}--\r\n`);
    };
    for (const path of ROUTES) {
      const answer = await rawRequest(bot.url, {
        path,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'transfer-encoding': 'chunked',
        },
        body: upload,
      });
      expect(answer.status, `${path} ${JSON.stringify(answer)}`).toBe(415);
    }
    const form = await rawRequest(bot.url, {
      path: '/api/messages',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'type=message&text=hello',
    });
    expect(form.status).toBe(415);
    const text = await rawRequest(bot.url, {
      path: '/api/messages',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(415);
    expect(readdirSync(temp)).toEqual([]);
    await alive();
  }, 60_000);
});

describe('sizes', () => {
  it('counts the bytes that arrive, with or without a Content-Length', async () => {
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(400 * 1024) });
    const declared = await rawRequest(bot.url, {
      path: '/api/messages',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(big) },
      body: big,
    });
    expect(declared.status).toBe(413);
    const chunked = await rawRequest(bot.url, {
      path: '/api/messages',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: function* () {
        for (let i = 0; i < 64; i++) yield Buffer.alloc(16 * 1024, 0x20);
      },
    });
    expect(chunked.status, JSON.stringify(chunked)).toBe(413);
    await alive();
  });

  it('refuses JSON nested deeper than anything the bot reads', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const answer = await rawRequest(bot.url, {
      path: '/api/messages',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('nested');
    await alive();
  });

  it('refuses oversized and too many headers', async () => {
    const huge = await rawRequest(bot.url, {
      method: 'GET',
      path: '/healthz',
      headers: { 'x-example': 'y'.repeat(20 * 1024) },
    });
    expect(huge.status).toBe(431);
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`x-example-${i}`, 'y']));
    const crowded = await rawRequest(bot.url, { method: 'GET', path: '/healthz', headers: many });
    // Node keeps at most maxHeadersCount headers and drops the rest unread.
    expect(crowded.status).toBeLessThan(500);
    await alive();
  });
});

describe('control characters', () => {
  const activity = (fields: Record<string, unknown>) =>
    JSON.stringify({
      type: 'message',
      channelId: 'webchat',
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: 'example-edge-nul' },
      from: { id: 'example-edge-member' },
      recipient: { id: 'example-bot' },
      locale: 'en-US',
      deliveryMode: 'expectReplies',
      ...fields,
    });

  it('refuses ids with control characters with a 400 that names the field', async () => {
    for (const [field, value] of [
      ['from', { id: 'example\u0000member' }],
      ['conversation', { id: 'example\u0001conversation' }],
      ['from', { id: 'example\ud800member' }],
      // A type of control characters alone would be empty once cleaned.
      ['type', '\u0000'],
    ] as const) {
      const answer = await rawRequest(bot.url, {
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        body: activity({ [field]: value }),
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toContain(
        `${field === 'type' ? field : `${field}.id`} contains control characters`,
      );
    }
    await alive();
  });

  it('takes text and card data with NUL as text without it, and the turn succeeds', async () => {
    const post = (fields: Record<string, unknown>) =>
      rawRequest(bot.url, {
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        body: activity(fields),
      });
    expect((await post({ value: { action: 'start' } })).status).toBe(200);
    expect(
      (await post({ value: { action: 'instrument', id: 'ittc-technology-transfer-needs' } }))
        .status,
    ).toBe(200);
    const centre = await post({ text: 'Example\u0000 centre \ud800 name' });
    expect(centre.status).toBe(200);
    expect(centre.body).toContain('Question 1 of');
    expect(centre.body).not.toContain('\\u0000');
    expect(centre.body).not.toContain('went wrong');
    await alive();
  });
});

describe('anonymous mode on a network interface', () => {
  it('is refused for host names that only look like loopback', () => {
    for (const host of ['127.attacker.test', '127.0.0.1.example.org', '0.0.0.0', '::', '10.0.0.1'])
      expect(readConfig({ HOST: host }).ok, host).toBe(false);
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '::ffff:127.0.0.1'])
      expect(readConfig({ HOST: host }).ok, host).toBe(true);
    const refused = runCli(['serve'], { HOST: '127.attacker.test', PORT: '0' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('HOST is not a loopback address');
  });
});
