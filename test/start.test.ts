import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module of the repository's scripts, without types
import { stalePackages } from '../scripts/freshness.mjs';

// `npm start` builds only what changed: which packages are stale, from file times.
let root = '';
const at = (path: string, seconds: number) => {
  const file = join(root, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, '');
  utimesSync(file, seconds, seconds);
};
/** Every package built at `built` from sources written at `written`. */
function workspace(written: number, built: number) {
  root = mkdtempSync(join(tmpdir(), 'resonet-start-'));
  for (const [n, name] of ['core', 'fixtures', 'bot'].entries()) {
    at(`packages/${name}/src/index.ts`, written);
    at(`packages/${name}/package.json`, written);
    at(`packages/${name}/dist/index.js`, built + n);
    at(`packages/${name}/dist/index.d.ts`, built + n);
  }
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm start', () => {
  it('builds nothing when every dist/ is newer than its sources', () => {
    workspace(1_000, 2_000);
    expect(stalePackages(root)).toEqual([]);
  });

  it('builds a package whose source changed, and the packages built on it', () => {
    workspace(1_000, 2_000);
    at('packages/fixtures/src/treatnet/network.ts', 3_000);
    expect(stalePackages(root)).toEqual(['fixtures', 'bot']);
    at('packages/core/src/text.ts', 3_000);
    expect(stalePackages(root)).toEqual(['core', 'fixtures', 'bot']);
  });

  it('builds the bot alone when only the bot changed, and a package without dist/', () => {
    workspace(1_000, 2_000);
    at('packages/bot/src/server.ts', 3_000);
    expect(stalePackages(root)).toEqual(['bot']);
    rmSync(join(root, 'packages/core/dist'), { recursive: true });
    expect(stalePackages(root)).toEqual(['core', 'fixtures', 'bot']);
  });

  it('counts a half-finished build as no build (the oldest output counts)', () => {
    workspace(1_000, 2_000);
    at('packages/bot/dist/cli.js', 500);
    expect(stalePackages(root)).toEqual(['bot']);
  });
});
