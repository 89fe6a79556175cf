import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { assertBuilt, runCli, startBot } from './support/processes';

const SECRET = 'example-secret-value';
const GUID = '00000000-0000-4000-8000-000000000001';

beforeAll(assertBuilt);

describe('configuration', () => {
  it('defaults to anonymous, loopback, port 3978', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      ok: true,
      value: { anonymous: true, host: '127.0.0.1', port: 3978, maxBodyBytes: 256 * 1024 },
    });
  });

  it('reads the Microsoft app settings and coordinators', () => {
    const config = readConfig({
      MicrosoftAppId: GUID,
      MicrosoftAppPassword: SECRET,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: GUID,
      RESONET_COORDINATORS: 'a, b ,,c',
      PORT: '8080',
    });
    if (!config.ok) throw new Error(config.errors.join());
    expect(config.value).toMatchObject({ anonymous: false, host: '0.0.0.0', port: 8080 });
    expect([...config.value.coordinators]).toEqual(['a', 'b', 'c']);
  });

  it('names every invalid setting, never its value', () => {
    const config = readConfig({
      MicrosoftAppId: 'not-a-guid',
      MicrosoftAppPassword: SECRET,
      MicrosoftAppType: 'Everyone',
      PORT: '99999',
      LOG_LEVEL: 'loud',
    });
    expect(config.ok).toBe(false);
    const errors = config.ok ? [] : config.errors;
    for (const name of ['MicrosoftAppId', 'MicrosoftAppType', 'PORT', 'LOG_LEVEL'])
      expect(
        errors.some((e) => e.startsWith(name)),
        name,
      ).toBe(true);
    expect(errors.join()).not.toContain(SECRET);
    expect(readConfig({ MicrosoftAppId: GUID }).ok).toBe(false);
    expect(readConfig({ MicrosoftAppPassword: SECRET })).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('MicrosoftAppId is missing')],
    });
    expect(
      readConfig({
        MicrosoftAppId: GUID,
        MicrosoftAppPassword: SECRET,
        MicrosoftAppType: 'SingleTenant',
      }),
    ).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('MicrosoftAppTenantId')],
    });
  });

  it('refuses an anonymous bot on a public address unless explicitly allowed', () => {
    expect(readConfig({ HOST: '0.0.0.0' })).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('RESONET_ALLOW_REMOTE_ANONYMOUS')],
    });
    expect(readConfig({ HOST: '0.0.0.0', RESONET_ALLOW_REMOTE_ANONYMOUS: 'true' })).toMatchObject({
      ok: true,
      value: { host: '0.0.0.0' },
    });
    expect(readConfig({ RESONET_ALLOW_REMOTE_ANONYMOUS: 'true' })).toMatchObject({
      ok: true,
      value: { host: '0.0.0.0' },
    });
  });
});

describe('resonet serve', () => {
  it('stops with a message naming the bad setting (exit 1)', () => {
    const r = runCli(['serve'], { MicrosoftAppType: 'Everyone', MicrosoftAppPassword: SECRET });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI',
    );
    expect(r.stderr).not.toContain(SECRET);
  });

  it('prints its help', () => {
    const r = runCli(['serve', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('RESONET_COORDINATORS');
  });

  it('serves, says it is anonymous and local, and shuts down cleanly on SIGTERM', async () => {
    const { child, url, out, exited } = await startBot({ PORT: '0' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out()).toContain('anonymous mode');
    expect(out()).toContain('"event":"stopped"');
  });

  it('reports a port in use and exits 1', async () => {
    const first = await startBot({ PORT: '0' });
    const port = new URL(first.url).port;
    const r = runCli(['serve'], { PORT: port });
    first.child.kill('SIGINT');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('EADDRINUSE');
  });
});
