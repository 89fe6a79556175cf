// Authentication as an attacker meets it: the bot in authenticated mode, its signing keys
// published by a local OpenID metadata server the test owns (as login.botframework.com
// publishes Microsoft's), and tokens forged every way the connector has been fooled or
// made to fail. Each gets a 401 and one short log line; a properly signed token gets in.
import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { createLogger } from '../src/log';
import { type RunningServer, startServer } from '../src/server';
import { LogCapture } from './support/bot';
import { assertBuilt, startBot } from './support/processes';
import { residentMb } from './support/rawHttp';

const APP_ID = '00000000-0000-4000-8000-0000000000a1';
const TENANT = '00000000-0000-4000-8000-0000000000b2';
const PUBLISHED_KID = 'example-published-key';
const CHANNEL_ISSUER = 'https://api.botframework.com';

const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function jwt(header: Record<string, unknown>, payload: Record<string, unknown>, key?: KeyObject) {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  if (!key) return `${unsigned}.`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url');
  return `${unsigned}.${signature}`;
}
const hs256 = (payload: Record<string, unknown>, secret: string) => {
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};

let metadata: Server;
let metadataUrl: string;
let bot: RunningServer;
const logs = new LogCapture();
const serviceUrl = 'https://example.invalid/';
const now = () => Math.floor(Date.now() / 1000);
const claims = (fields: Record<string, unknown> = {}) => ({
  iss: CHANNEL_ISSUER,
  aud: APP_ID,
  serviceurl: serviceUrl,
  nbf: now() - 60,
  exp: now() + 3600,
  ...fields,
});
const header = (fields: Record<string, unknown> = {}) => ({
  alg: 'RS256',
  typ: 'JWT',
  kid: PUBLISHED_KID,
  ...fields,
});

beforeAll(async () => {
  const jwk = published.publicKey.export({ format: 'jwk' });
  metadata = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/keys')
      return res.end(
        JSON.stringify({
          keys: [{ ...jwk, kid: PUBLISHED_KID, use: 'sig', endorsements: ['webchat', 'msteams'] }],
        }),
      );
    res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${metadataUrl}/keys` }));
  });
  await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
  metadataUrl = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
  const config = readConfig({
    PORT: '0',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'example-password-not-a-secret',
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: TENANT,
    HOST: '127.0.0.1',
    RESONET_STORAGE: 'memory',
  });
  if (!config.ok) throw new Error(config.errors.join('; '));
  bot = await startServer({
    config: config.value,
    log: createLogger('info', logs),
    openIdMetadata: { channel: `${metadataUrl}/openid`, emulator: `${metadataUrl}/openid` },
  });
});
afterAll(async () => {
  await bot?.close();
  await new Promise((resolve) => metadata?.close(resolve));
});

let sequence = 0;
async function post(authorization: string | undefined, url = bot.url) {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization !== undefined ? { authorization } : {}),
    },
    body: JSON.stringify({
      type: 'message',
      id: `example-auth-${++sequence}`,
      channelId: 'webchat',
      serviceUrl,
      conversation: { id: 'example-auth-conversation' },
      from: { id: 'example-auth-member' },
      recipient: { id: APP_ID },
      locale: 'en-US',
      text: 'What is Treatnet?',
      deliveryMode: 'expectReplies',
    }),
  });
  return { status: response.status, body: await response.text() };
}

describe('authentication', () => {
  it('lets a token signed with the published key in', async () => {
    const answer = await post(`Bearer ${jwt(header(), claims(), published.privateKey)}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Treatnet');
  });

  it('answers every forged token with 401 and a short log line, and prints no key', async () => {
    const publicPem = published.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const attackerJwk = attacker.publicKey.export({ format: 'jwk' });
    const forged: Record<string, string | undefined> = {
      none: undefined,
      empty: '',
      'not a bearer': 'Basic dXNlcjpwYXNz',
      garbage: 'Bearer not.a.token',
      'HS256 with the public key as secret': `Bearer ${hs256(claims(), publicPem)}`,
      'alg none': `Bearer ${jwt({ alg: 'none', typ: 'JWT' }, claims())}`,
      'attacker key, published key id': `Bearer ${jwt(header(), claims(), attacker.privateKey)}`,
      'embedded jwk': `Bearer ${jwt(header({ jwk: attackerJwk }), claims(), attacker.privateKey)}`,
      'jku to the attacker': `Bearer ${jwt(header({ jku: 'http://127.0.0.1:9/keys' }), claims(), attacker.privateKey)}`,
      'future nbf': `Bearer ${jwt(header(), claims({ nbf: now() + 3600 }), published.privateKey)}`,
      expired: `Bearer ${jwt(header(), claims({ exp: now() - 3600 }), published.privateKey)}`,
      'other issuer': `Bearer ${jwt(header(), claims({ iss: 'https://attacker.example/' }), published.privateKey)}`,
      'other audience': `Bearer ${jwt(header(), claims({ aud: '00000000-0000-4000-8000-0000000000ff' }), published.privateKey)}`,
      'other service URL': `Bearer ${jwt(header(), claims({ serviceurl: 'https://attacker.example/' }), published.privateKey)}`,
      'unknown key id': `Bearer ${jwt(header({ kid: 'example-unknown' }), claims(), attacker.privateKey)}`,
      'unknown tenant': `Bearer ${jwt(header(), claims({ iss: 'https://sts.windows.net/00000000-0000-4000-8000-0000000000cc/', tid: '00000000-0000-4000-8000-0000000000cc', ver: '1.0', appid: APP_ID }), attacker.privateKey)}`,
      'huge header': `Bearer ${'a'.repeat(9000)}.${'b'.repeat(10)}.${'c'.repeat(10)}`,
    };
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      written.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stderr.write;
    const statuses: Record<string, number> = {};
    const before = logs.lines.length;
    try {
      for (const [name, authorization] of Object.entries(forged))
        statuses[name] = (await post(authorization)).status;
    } finally {
      process.stderr.write = write;
    }
    expect(statuses).toEqual(Object.fromEntries(Object.keys(forged).map((name) => [name, 401])));
    const refusals = logs.lines.slice(before).filter((line) => line.includes('auth-refused'));
    expect(refusals).toHaveLength(Object.keys(forged).length);
    for (const line of refusals) {
      expect(line.length).toBeLessThan(300);
      expect(line).not.toContain('stack');
    }
    expect(written.join('')).not.toMatch(/BEGIN (RSA )?PUBLIC KEY|Error finding key/);
    expect(logs.text).not.toContain('Internal error');
  });

  it('keeps the connector’s issuer list bounded however many tenants tokens name', async () => {
    const issuers = ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[];
    const length = issuers.length;
    const statuses = new Set<number>();
    for (let n = 0; n < 5000; n++) {
      const tid = `ffffffff-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
      const token = jwt(
        header(),
        claims({ iss: `https://sts.windows.net/${tid}/`, tid, ver: '1.0', appid: APP_ID }),
        attacker.privateKey,
      );
      statuses.add((await post(`Bearer ${token}`)).status);
    }
    console.log(
      `[resonet] 5,000 distinct tenant ids (in process): statuses ${[...statuses].join(', ')}; connector issuer list ${length} → ${issuers.length}`,
    );
    expect([...statuses]).toEqual([401]);
    expect(issuers.length).toBe(length);
  }, 60_000);

  it('keeps `resonet serve` flat in memory under 5,000 tokens naming new tenants', async () => {
    assertBuilt();
    const served = await startBot({
      PORT: '0',
      HOST: '127.0.0.1',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'example-password-not-a-secret',
      LOG_LEVEL: 'error',
    });
    try {
      const send = (n: number) => {
        const tid = `eeeeeeee-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
        const token = `${b64(header())}.${b64(claims({ iss: `https://sts.windows.net/${tid}/`, tid, ver: '1.0', appid: APP_ID }))}.c2lnbmF0dXJl`;
        return post(`Bearer ${token}`, served.url);
      };
      for (let n = 0; n < 200; n++) await send(n);
      const before = await residentMb(served.child.pid as number);
      const statuses = new Set<number>();
      const started = performance.now();
      for (let n = 200; n < 5200; n++) statuses.add((await send(n)).status);
      const seconds = (performance.now() - started) / 1000;
      const after = await residentMb(served.child.pid as number);
      console.log(
        `[resonet] 5,000 distinct tenant ids (resonet serve): statuses ${[...statuses].join(', ')} in ${seconds.toFixed(1)} s; memory ${before} → ${after} MB`,
      );
      expect([...statuses]).toEqual([401]);
      expect(after - before).toBeLessThan(48);
    } finally {
      served.child.kill('SIGTERM');
      await served.exited;
    }
  }, 120_000);
});
