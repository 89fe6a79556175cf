import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The packages can be released: every changeset parses, and `changeset version` — what a
// release runs — bumps the versions and writes the changelogs. It runs in a scratch copy,
// so nothing here is changed.
const root = fileURLToPath(new URL('..', import.meta.url));
const changeset = join(root, 'node_modules/@changesets/cli/bin.js');
const PACKAGES = ['core', 'fixtures', 'bot'];

const run = (args: string[], cwd: string) =>
  execFileSync(process.execPath, [changeset, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('changesets', () => {
  it('every changeset has front matter naming a package and a bump', () => {
    const files = readdirSync(join(root, '.changeset')).filter(
      (f) => f.endsWith('.md') && f !== 'README.md',
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(join(root, '.changeset', file), 'utf8');
      expect(text, file).toMatch(/^---\n("@resonet\/[a-z-]+": (major|minor|patch)\n)+---\n\n\S/);
    }
  });

  it('`changeset status` reads them all', () => {
    const out = run(['status'], root);
    expect(out).toContain('@resonet/core');
  });

  it('`changeset version` bumps the versions and writes a changelog per package', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'resonet-release-'));
    try {
      cpSync(join(root, '.changeset'), join(scratch, '.changeset'), { recursive: true });
      writeFileSync(join(scratch, 'package.json'), readFileSync(join(root, 'package.json')));
      for (const pkg of PACKAGES)
        cpSync(
          join(root, 'packages', pkg, 'package.json'),
          join(scratch, 'packages', pkg, 'package.json'),
        );
      execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: scratch });
      run(['version'], scratch);
      const core = JSON.parse(readFileSync(join(scratch, 'packages/core/package.json'), 'utf8'));
      expect(core.version).not.toBe('0.0.0');
      for (const pkg of ['core', 'fixtures']) {
        const log = readFileSync(join(scratch, 'packages', pkg, 'CHANGELOG.md'), 'utf8');
        expect(log).toContain(`# @resonet/${pkg}`);
        expect(log).toMatch(/### Minor Changes/);
      }
      // Consumed: nothing is left to release.
      expect(readdirSync(join(scratch, '.changeset')).filter((f) => f.endsWith('.md'))).toEqual([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});
