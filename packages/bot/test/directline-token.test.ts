import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azureIssuer } from '../src/channels/directline/tokenEndpoint';
import { readConfig } from '../src/config';
import { createLogger } from '../src/log';
import { type RunningServer, startServer } from '../src/server';
import { LogCapture } from './support/bot';

// The production token endpoint: POST /api/directline/token exchanges the Direct Line
// secret at Azure's Direct Line (here a fake one on this machine) for a conversation token.

const SECRET = 'example-direct-line-secret-value';
const GUID = '00000000-0000-4000-8000-000000000001';

/** A stand-in for Azure's Direct Line: tokens/generate, answering as told. */
class FakeDirectLine {
  received: { authorization?: string; body: unknown }[] = [];
  answer: (body: unknown) => { status: number; body: string } = (body) => ({
    status: 200,
    body: JSON.stringify({
      conversationId: 'example-conversation',
      token: `example-token-for-${(body as { user?: { id?: string } }).user?.id}`,
      expires_in: 3600,
    }),
  });
  private server?: Server;
  url = '';

  async start() {
    this.server = createServer((req: IncomingMessage, res) => {
      let text = '';
      req.on('data', (chunk) => {
        text += chunk;
      });
      req.on('end', () => {
        // Two calls: restify, loaded in this process, patches writeHead to return nothing.
        if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate') {
          res.writeHead(404);
          res.end();
          return;
        }
        const body = text ? JSON.parse(text) : undefined;
        this.received.push({
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          body,
        });
        const answer = this.answer(body);
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }
  stop() {
    return new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

let azure: FakeDirectLine;
let bot: RunningServer;
const logs = new LogCapture();

const registered = (env: Record<string, string>) =>
  readConfig({
    MicrosoftAppId: GUID,
    MicrosoftAppPassword: 'example-app-password',
    PORT: '0',
    RESONET_STORAGE: 'memory',
    ...env,
  });

beforeAll(async () => {
  azure = await new FakeDirectLine().start();
  const config = registered({
    DIRECT_LINE_SECRET: SECRET,
    DIRECT_LINE_ENDPOINT: azure.url,
    RESONET_WEB_PAGE: 'true',
    RESONET_WEB_ORIGINS: 'https://www.example.org',
  });
  if (!config.ok) throw new Error(config.errors.join('; '));
  bot = await startServer({ config: config.value, log: createLogger('debug', logs) });
});
afterAll(async () => {
  await bot?.close();
  await azure?.stop();
});

const token = async (body: unknown = {}, headers: Record<string, string> = {}) => {
  const response = await fetch(`${bot.url}/api/directline/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
};

describe('POST /api/directline/token (Azure Direct Line)', () => {
  it('exchanges the secret for a token bound to a new dl_ user, and never returns the secret', async () => {
    azure.received = [];
    const response = await token();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toMatchObject({
      conversationId: 'example-conversation',
      expires_in: 3600,
    });
    expect(response.body.userId).toMatch(/^dl_[\w-]{16,}$/);
    expect(response.body.token).toBe(`example-token-for-${response.body.userId}`);
    expect(response.body).toMatchObject({ domain: `${azure.url}/v3/directline`, webSocket: true });
    expect(azure.received).toEqual([
      { authorization: `Bearer ${SECRET}`, body: { user: { id: response.body.userId } } },
    ]);
    expect(response.text).not.toContain(SECRET);
  });

  it('goes on as the user the page remembers, but only a well-formed dl_ id', async () => {
    const again = await token({ userId: 'dl_example-user-0123456789' });
    expect(again.body.userId).toBe('dl_example-user-0123456789');
    const forged = await token({ userId: 'admin' });
    expect(forged.body.userId).toMatch(/^dl_/);
    expect(forged.body.userId).not.toBe('admin');
  });

  it('answers 502 with a clear message when Direct Line refuses, fails or talks nonsense', async () => {
    const answers = [
      { status: 403, body: JSON.stringify({ error: { message: `bad secret ${SECRET}` } }) },
      { status: 500, body: 'oops' },
      { status: 200, body: '{"token": 42}' },
      { status: 200, body: 'not json' },
    ];
    const messages: string[] = [];
    for (const answer of answers) {
      azure.answer = () => answer;
      const response = await token();
      expect(response.status).toBe(502);
      expect(response.text).not.toContain(SECRET);
      messages.push(response.body.error);
    }
    expect(messages[0]).toContain('check DIRECT_LINE_SECRET');
    expect(messages[1]).toContain('HTTP 500');
    expect(messages[2]).toContain('something other than a token');
    expect(logs.text).toContain('directline-token-failed');
    expect(logs.text).not.toContain(SECRET);
  });

  it('reports a Direct Line it cannot reach, or that does not answer, in words', async () => {
    const failing = (error: Error) =>
      azureIssuer({
        secret: SECRET,
        endpoint: 'https://directline.example.invalid',
        fetch: async () => {
          throw error;
        },
      });
    await expect(failing(new TypeError('fetch failed'))(undefined)).rejects.toThrow(
      'could not be reached',
    );
    const timeout = Object.assign(new Error('aborted'), { name: 'TimeoutError' });
    await expect(failing(timeout)(undefined)).rejects.toThrow('did not answer in time');
  });

  it('allows the configured sites to call it from their pages (CORS), and no others', async () => {
    const preflight = await fetch(`${bot.url}/api/directline/token`, {
      method: 'OPTIONS',
      headers: { origin: 'https://www.example.org', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://www.example.org');
    const allowed = await token({}, { origin: 'https://www.example.org' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example.org');
    const other = await token({}, { origin: 'https://elsewhere.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the page with Azure’s Direct Line allowed, and no local Direct Line', async () => {
    const page = await fetch(`${bot.url}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`connect-src 'self' ${azure.url} ws://`.replace('ws://', 'wss://'));
    expect(csp).toContain("frame-ancestors 'self' https://www.example.org");
    expect(await page.text()).not.toContain(SECRET);
    const local = await fetch(`${bot.url}/v3/directline/tokens/generate`, { method: 'POST' });
    expect(local.status).toBe(404);
    expect(logs.text).not.toContain(SECRET);
  });
});

describe('Web Chat settings', () => {
  it('needs a registered bot for the secret, and the secret for a public page', () => {
    expect(readConfig({ DIRECT_LINE_SECRET: SECRET })).toMatchObject({
      ok: false,
      errors: [
        expect.stringContaining('DIRECT_LINE_SECRET is set, but the bot has no MicrosoftAppId'),
      ],
    });
    expect(registered({ RESONET_WEB_PAGE: 'true' })).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('RESONET_WEB_PAGE needs DIRECT_LINE_SECRET')],
    });
    const config = registered({ DIRECT_LINE_SECRET: SECRET });
    expect(config).toMatchObject({
      ok: true,
      value: {
        webChat: {
          page: false,
          directLineSecret: SECRET,
          directLineEndpoint: 'https://directline.botframework.com',
          origins: [],
        },
      },
    });
    expect(readConfig({})).toMatchObject({ ok: true, value: { webChat: { page: true } } });
  });

  it('sends the secret over https only (or to this machine), and names bad origins', () => {
    const bad = registered({
      DIRECT_LINE_SECRET: SECRET,
      DIRECT_LINE_ENDPOINT: 'http://example.org',
    });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.errors.join()).toContain('DIRECT_LINE_ENDPOINT');
    expect(bad.ok ? '' : bad.errors.join()).not.toContain(SECRET);
    expect(
      registered({ DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com/' }),
    ).toMatchObject({
      ok: true,
      value: { webChat: { directLineEndpoint: 'https://europe.directline.botframework.com' } },
    });
    expect(registered({ RESONET_WEB_ORIGINS: 'www.example.org' }).ok).toBe(false);
  });

  it('without a secret, a registered bot has no token endpoint and no page', async () => {
    const config = registered({});
    if (!config.ok) throw new Error(config.errors.join());
    const plain = await startServer({ config: config.value, log: createLogger('silent') });
    try {
      expect((await fetch(`${plain.url}/`)).status).toBe(404);
      expect((await fetch(`${plain.url}/api/directline/token`, { method: 'POST' })).status).toBe(
        404,
      );
    } finally {
      await plain.close();
    }
  });
});
