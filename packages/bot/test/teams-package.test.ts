import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { typedCommand } from '../src/conversation/commands';
import { createZip } from '../src/teams/zip';

// Runs the built packaging script as `npm run teams:package` does (npm test builds it first),
// then reads the zip back with the small reader below and checks every file in it.
const script = fileURLToPath(new URL('../dist/teams-package.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'resonet-teams-'));
const BOT_ID = '2b3c4d5e-1111-4222-8333-944455556666';
const TEAMS_APP_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

// Settings from the developer's shell must not leak into the tests.
const SETTINGS = [
  'MicrosoftAppId',
  'TEAMS_APP_ID',
  'TEAMS_APP_VERSION',
  'RESONET_WEBSITE_URL',
  'RESONET_PRIVACY_URL',
  'RESONET_TERMS_URL',
];
function packageApp(args: string[], env: Record<string, string> = {}) {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !SETTINGS.includes(key)),
  );
  const r = spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    env: { ...base, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Reads a zip through its central directory; checks sizes and CRCs on the way. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const rawSize = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(body) : method === 0 ? body : undefined;
    if (!data) throw new Error(`${name}: unexpected method ${method}`);
    if (data.length !== rawSize || crc32(data) !== crc) throw new Error(`${name}: corrupt`);
    files.set(name, data);
    at += 46 + skip;
  }
  return files;
}

/** Decodes the PNGs this package writes (8-bit RGB/RGBA, filter 0), checking chunk CRCs. */
function readPng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'));
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(
      crc32(png.subarray(at + 4, at + 8 + length)),
    );
    chunks.push({ type, data });
    at += 12 + length;
  }
  expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const ihdr = chunks[0]!.data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const colorType = ihdr[9];
  expect(ihdr[8]).toBe(8);
  const channels = colorType === 6 ? 4 : 3;
  const raw = inflateSync(chunks[1]!.data);
  const stride = width * channels;
  expect(raw.length).toBe((stride + 1) * height);
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)], 'filter type').toBe(0);
    for (let x = 0; x < width; x++) {
      const i = y * (stride + 1) + 1 + x * channels;
      pixels.push([...raw.subarray(i, i + channels)]);
    }
  }
  return { width, height, colorType, pixels };
}

const schemaDir = (version: string) =>
  join(
    dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
    'build/json-schemas/teams',
    `v${version}`,
  );
function validator(file: string) {
  // unicodeRegExp: false because the localization schema has patterns such as
  // `\[\b([0-9]|…)\b]` that are valid only without the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
}

beforeAll(() => {
  if (!existsSync(script))
    throw new Error('packages/bot/dist/teams-package.js is missing: run "npm run build" first');
});

const COMMANDS = ['help', 'start', 'continue', 'my results', 'language', 'submissions', 'summary'];

interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  accentColor: string;
  developer: Record<string, string>;
  localizationInfo: unknown;
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
}

describe('npm run teams:package', () => {
  let files: Map<string, Buffer>;
  let manifest: Manifest;
  let vi: Record<string, string>;
  let run: ReturnType<typeof packageApp>;
  const out = join(dir, 'nested', 'app.zip');

  beforeAll(() => {
    run = packageApp(['--out', out], { MicrosoftAppId: BOT_ID });
    expect(run.err).toContain('RESONET_WEBSITE_URL is not set');
    expect(run.code).toBe(0);
    files = readZip(readFileSync(out));
    manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    vi = JSON.parse(files.get('vi-vn.json')!.toString('utf8'));
  });

  it('writes the four files at the root of the zip', () => {
    expect([...files.keys()].sort()).toEqual([
      'color.png',
      'manifest.json',
      'outline.png',
      'vi-vn.json',
    ]);
    expect(run.out).toContain('app.zip');
  });

  it('writes a zip that other tools read', () => {
    const unzip = spawnSync('unzip', ['-tq', out], { encoding: 'utf8' });
    if (unzip.error) return; // unzip is not installed: the reader above has checked it already
    expect(unzip.status, unzip.stdout + unzip.stderr).toBe(0);
  });

  it('has a manifest valid against its Teams schema version, 1.19 or newer', () => {
    const version = String(manifest.manifestVersion);
    expect(Number(version.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    );
    const validate = validator(join(schemaDir(version), 'MicrosoftTeams.schema.json'));
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
  });

  it('has a vi-vn.json valid against the localization schema of the same version', () => {
    const version = String(manifest.manifestVersion);
    expect(vi.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json`,
    );
    const validate = validator(join(schemaDir(version), 'MicrosoftTeams.Localization.schema.json'));
    expect(validate(vi) ? [] : validate.errors).toEqual([]);
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'vi-vn', file: 'vi-vn.json' }],
    });
  });

  it('takes the ids, version and developer details from the settings', () => {
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0]!.botId).toBe(BOT_ID);
    const version = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ).version;
    expect(manifest.version).toBe(version);
    expect(manifest.developer).toEqual({
      name: 'resonet',
      websiteUrl: 'https://example.org/resonet',
      privacyUrl: 'https://example.org/resonet/privacy',
      termsOfUseUrl: 'https://example.org/resonet/terms',
    });
  });

  it('declares the bot for personal, team and group chat with the command list', () => {
    const bot = manifest.bots[0]!;
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.commandLists.length).toBeGreaterThan(0);
    const scopes = bot.commandLists.flatMap((list) => list.scopes);
    expect(new Set(scopes)).toEqual(new Set(['personal', 'team', 'groupChat']));
    for (const list of bot.commandLists) {
      expect(list.commands.map((c) => c.title)).toEqual(COMMANDS);
      for (const { title, description } of list.commands) {
        expect(title.length).toBeLessThanOrEqual(32);
        expect(description.length).toBeGreaterThan(0);
        expect(description.length).toBeLessThanOrEqual(128);
      }
    }
  });

  it('translates the name, descriptions and every command into Vietnamese', () => {
    const keys = ['name.short', 'name.full', 'description.short', 'description.full'];
    manifest.bots[0]!.commandLists.forEach((list, l) => {
      list.commands.forEach((_, c) => {
        keys.push(`bots[0].commandLists[${l}].commands[${c}].title`);
        keys.push(`bots[0].commandLists[${l}].commands[${c}].description`);
      });
    });
    expect(
      Object.keys(vi)
        .filter((k) => k !== '$schema')
        .sort(),
    ).toEqual([...keys].sort());
    for (const key of keys) {
      const text = vi[key]!;
      expect(text, key).toBe(text.normalize('NFC'));
      if (key.endsWith('.title')) expect([...text].length, key).toBeLessThanOrEqual(32);
      if (key.endsWith('.description')) expect([...text].length, key).toBeLessThanOrEqual(128);
    }
    // Written in Vietnamese, with diacritics, not copied from the English.
    const english = JSON.stringify(manifest);
    for (const key of keys.filter((k) => k !== 'name.short')) {
      expect(english, key).not.toContain(JSON.stringify(vi[key]));
      expect(vi[key]!.normalize('NFD'), key).toMatch(/[\u0300-\u036f]|đ/i);
    }
    expect(vi['bots[0].commandLists[0].commands[0].title']).toBe('trợ giúp');
  });

  it('offers only command titles the bot understands, in both languages', () => {
    // Teams sends the title of a picked command as the message text, translated for users
    // whose Teams is in Vietnamese.
    const expected = [
      'help',
      'start',
      'continue',
      'my-results',
      'language',
      'submissions',
      'summary',
    ];
    manifest.bots[0]!.commandLists.forEach((list, l) => {
      list.commands.forEach(({ title }, c) => {
        const translated = vi[`bots[0].commandLists[${l}].commands[${c}].title`];
        expect(typedCommand(title), title).toBe(expected[c]);
        expect(typedCommand(translated ?? ''), translated).toBe(expected[c]);
      });
    });
  });

  it('draws a 192×192 opaque colour icon with a mark on a full-bleed background', () => {
    const icon = readPng(files.get('color.png')!);
    expect([icon.width, icon.height]).toEqual([192, 192]);
    const colours = new Set(icon.pixels.map((p) => p.slice(0, 3).join(',')));
    const corner = icon.pixels[0]!.slice(0, 3).join(',');
    const accent = manifest.accentColor;
    expect(corner).toBe(
      [1, 3, 5].map((i) => Number.parseInt(accent.slice(i, i + 2), 16)).join(','),
    );
    expect(colours.has('255,255,255')).toBe(true);
    if (icon.colorType === 6) expect(icon.pixels.every((p) => p[3] === 255)).toBe(true);
  });

  it('draws a 32×32 outline icon that is only white on transparent', () => {
    const icon = readPng(files.get('outline.png')!);
    expect([icon.width, icon.height]).toEqual([32, 32]);
    expect(icon.colorType).toBe(6);
    const offWhite = icon.pixels.filter(
      ([r, g, b, a]) => a! > 0 && (r !== 255 || g !== 255 || b !== 255),
    );
    expect(offWhite).toEqual([]);
    const alphas = icon.pixels.map((p) => p[3]!);
    expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(32 * 32 * 0.3);
    expect(alphas.filter((a) => a === 255).length).toBeGreaterThan(32 * 2);
    // Transparent round the edge.
    expect(icon.pixels.slice(0, 32).every((p) => p[3] === 0)).toBe(true);
  });

  it('builds the same bytes every time', () => {
    const again = join(dir, 'again.zip');
    expect(packageApp(['--out', again], { MicrosoftAppId: BOT_ID }).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });
});

describe('teams:package settings', () => {
  it('uses --app-id, --teams-app-id, --app-version and the developer URLs', () => {
    const out = join(dir, 'flags.zip');
    const r = packageApp(
      [
        '--app-id',
        BOT_ID.toUpperCase(),
        '--teams-app-id',
        TEAMS_APP_ID,
        '--app-version',
        '1.2.3',
        '--out',
        out,
      ],
      {
        MicrosoftAppId: 'ignored-when-the-flag-is-given',
        RESONET_WEBSITE_URL: 'https://resonet.example.net',
        RESONET_PRIVACY_URL: 'https://resonet.example.net/privacy',
        RESONET_TERMS_URL: 'https://resonet.example.net/terms',
      },
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    const manifest = JSON.parse(readZip(readFileSync(out)).get('manifest.json')!.toString('utf8'));
    expect(manifest.id).toBe(TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.developer.websiteUrl).toBe('https://resonet.example.net');
  });

  it('takes TEAMS_APP_ID and TEAMS_APP_VERSION from the environment', () => {
    const out = join(dir, 'env.zip');
    const r = packageApp(['--out', out], {
      MicrosoftAppId: BOT_ID,
      TEAMS_APP_ID,
      TEAMS_APP_VERSION: '2.0.1',
    });
    expect(r.code, r.err).toBe(0);
    const manifest = JSON.parse(readZip(readFileSync(out)).get('manifest.json')!.toString('utf8'));
    expect([manifest.id, manifest.bots[0].botId, manifest.version]).toEqual([
      TEAMS_APP_ID,
      BOT_ID,
      '2.0.1',
    ]);
  });

  it('fails with a clear message when MicrosoftAppId is missing', () => {
    const out = join(dir, 'missing.zip');
    const r = packageApp(['--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('MicrosoftAppId');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it('fails with a clear message when the app id is not a GUID', () => {
    const r = packageApp(['--out', join(dir, 'bad.zip')], { MicrosoftAppId: 'my-bot' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/MicrosoftAppId "my-bot" is not a GUID/);
    expect(r.err).not.toMatch(/\n\s+at /);
    const flag = packageApp(['--app-id', '1234', '--out', join(dir, 'bad.zip')]);
    expect(flag.code).toBe(1);
    expect(flag.err).toMatch(/--app-id "1234" is not a GUID.*MicrosoftAppId/);
  });

  it('rejects a bad Teams app id, version or URL', () => {
    const env = { MicrosoftAppId: BOT_ID };
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--teams-app-id', 'x'], {}, /--teams-app-id "x" is not a GUID/],
      [[], { TEAMS_APP_ID: 'x' }, /TEAMS_APP_ID "x" is not a GUID/],
      [['--app-version', '1.0'], {}, /--app-version "1.0"/],
      [[], { RESONET_PRIVACY_URL: 'http://example.org' }, /RESONET_PRIVACY_URL .* https:/],
    ];
    for (const [args, extra, message] of cases) {
      const r = packageApp([...args, '--out', join(dir, 'bad.zip')], { ...env, ...extra });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(message);
    }
  });

  it('prints usage with --help and exits 2 on an unknown option', () => {
    const help = packageApp(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--app-id <guid>');
    expect(help.out).toContain('RESONET_WEBSITE_URL');
    const bad = packageApp(['--nope']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Usage:');
  });
});

describe('createZip', () => {
  it('stores what does not compress and deflates what does', () => {
    const text = Buffer.from('resonet '.repeat(100));
    const noise = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 197 + 13) % 256));
    const zip = createZip([
      { name: 'a.txt', data: text },
      { name: 'b.bin', data: noise },
      { name: 'empty', data: new Uint8Array(0) },
    ]);
    const files = readZip(zip);
    expect(files.get('a.txt')).toEqual(text);
    expect(files.get('b.bin')).toEqual(noise);
    expect(files.get('empty')?.length).toBe(0);
    expect(zip.length).toBeLessThan(text.length);
    expect(() =>
      createZip([
        { name: 'x', data: text },
        { name: 'x', data: text },
      ]),
    ).toThrow(/duplicate/);
  });
});

describe('npm run teams:package -- --pack DIR', () => {
  it('takes the app’s name, descriptions and colour from the pack, in both languages', () => {
    const pack = join(dir, 'delta-pack');
    const init = spawnSync(
      process.execPath,
      [
        fileURLToPath(new URL('../bin/resonet.js', import.meta.url)),
        'pack',
        'init',
        pack,
        '--name',
        'Example Delta Network',
      ],
      { encoding: 'utf8' },
    );
    expect(init.status, init.stderr).toBe(0);
    const out = join(dir, 'delta.zip');
    const run = packageApp(['--out', out, '--pack', pack], { MicrosoftAppId: BOT_ID });
    expect(run.code, run.err).toBe(0);
    const files = readZip(readFileSync(out));
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest & {
      name: { short: string; full: string };
      description: { short: string; full: string };
    };
    const vi = JSON.parse(files.get('vi-vn.json')!.toString('utf8')) as Record<string, string>;
    expect(manifest.name.short).toBe('Example Delta Network');
    expect(manifest.description.full).toContain('questions about Example Delta Network');
    expect(vi['description.short']).toBe(
      'Hỏi đáp và đánh giá nhu cầu cho các trung tâm của mạng lưới',
    );
    expect(manifest.accentColor).toBe('#1F5F8B');
    const validate = validator(
      join(schemaDir(String(manifest.manifestVersion)), 'MicrosoftTeams.schema.json'),
    );
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
    expect(`${JSON.stringify(manifest)}${JSON.stringify(vi)}`).not.toMatch(/Treatnet|ITTC/);
  });

  it('refuses a broken pack, naming its problems', () => {
    const run = packageApp(['--pack', join(dir, 'no-such-pack')], { MicrosoftAppId: BOT_ID });
    expect(run.code).toBe(1);
    expect(run.err).toContain('There is no folder or installed package');
  });
});
