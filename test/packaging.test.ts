import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Installs the packed tarballs into a scratch project, as a user would, and uses them from
// ESM, CommonJS, TypeScript and a browser-like sandbox. Needs `npm run build` first (npm test
// does it).
const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let dir = '';

function run(cmd: string, args: string[], cwd = dir): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

function readmeExamples(file = 'README.md'): string[] {
  const readme = readFileSync(join(root, file), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  if (blocks.length === 0) throw new Error(`${file} has no \`\`\`ts blocks`);
  return blocks;
}

beforeAll(() => {
  for (const pkg of ['core', 'fixtures']) {
    if (!existsSync(join(root, `packages/${pkg}/dist/index.js`))) {
      throw new Error(`packages/${pkg}/dist is missing: run "npm run build" first`);
    }
  }
  dir = mkdtempSync(join(tmpdir(), 'resonet-consumer-'));
  const packed = run(
    'npm',
    ['pack', '--json', '--pack-destination', dir, '-w', '@resonet/core', '-w', '@resonet/fixtures'],
    root,
  );
  const tarballs = (JSON.parse(packed) as { filename: string }[]).map((p) => join(dir, p.filename));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', ...tarballs]);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('published packages', () => {
  it('import from ESM', () => {
    const out = run('node', [
      '--input-type=module',
      '-e',
      `import { phaseAt, formatMoney } from '@resonet/core';
       import { treatnet } from '@resonet/fixtures';
       const schema = await import('@resonet/core/schemas/network.json', { with: { type: 'json' } });
       console.log(phaseAt(treatnet, '2006-06-01')[0].phase.id, formatMoney(treatnet.phases[0].resources.budget.amount, 'en'), schema.default.title);`,
    ]);
    expect(out.trim()).toBe('phase-1 $1,608,000 Network');
  });

  it('require from CommonJS', () => {
    const out = run('node', [
      '-e',
      `const { localize } = require('@resonet/core');
       const { ittcNetwork } = require('@resonet/fixtures');
       console.log(ittcNetwork.roles.map((r) => localize(r.name, 'vi')).join('|'));
       console.log(require('@resonet/core/schemas/centre.json').title);`,
    ]);
    expect(out.trim().split('\n')).toEqual([
      'Vai trò xây dựng chiến lược|Vai trò đầu mối|Vai trò giáo dục|Vai trò xây dựng năng lực',
      'Centre',
    ]);
  });

  it('type-check and run the README examples as a TypeScript consumer (ESM and CJS)', () => {
    const examples = readmeExamples();
    examples.forEach((code, i) => {
      writeFileSync(join(dir, i === 0 ? 'example.mts' : `example-${i}.mts`), code);
    });
    const files = examples.map((_, i) => (i === 0 ? 'example.mts' : `example-${i}.mts`));
    writeFileSync(
      join(dir, 'check.cts'),
      `import { parseNetwork, type Network } from '@resonet/core';
       import { treatnet } from '@resonet/fixtures';
       const n: Network = treatnet;
       const r = parseNetwork(n);
       export const ok: boolean = r.ok;
       // @ts-expect-error an unknown export must not type-check
       import { notAnExport } from '@resonet/core';
       void notAnExport;`,
    );
    const options = [
      '--strict',
      '--module',
      'nodenext',
      '--target',
      'es2022',
      '--skipLibCheck',
      'false',
    ];
    run('node', [tsc, ...options, '--noEmit', ...files, 'check.cts']);
    mkdirSync(join(dir, 'out'));
    run('node', [tsc, ...options, '--outDir', 'out', ...files]);
    for (const file of files.slice(1)) run('node', [`out/${file.replace('.mts', '.mjs')}`]);
    const out = run('node', ['out/example.mjs']);
    expect(out).toContain('Phase I: 2005-08-01 to 2007-07-31');
    expect(out).toContain('$1,608,000');
    expect(out).toContain(
      'Giai đoạn II 2007-2008 (002_d9aab02609379ddc.txt) · 2007-2010 (001_30f54731c3eb449f.txt)',
    );
    expect(out).toContain('- Tiến hành đánh giá nhu cầu đào tạo');
    expect(out).toContain('{ met: false, shortfall: 20 }');
    expect(out).toContain("path: 'id'");
    // Two full type-checks: about 13 s alone, more beside the browser tests on two cores.
  }, 60_000);

  it('ship their own README, whose examples type-check and run as written', () => {
    const typed: string[] = [];
    for (const pkg of ['core', 'fixtures']) {
      const shipped = join(dir, 'node_modules', '@resonet', pkg, 'README.md');
      expect(existsSync(shipped), `${pkg} README in the tarball`).toBe(true);
      expect(readFileSync(shipped, 'utf8')).toContain(`# @resonet/${pkg}`);
      readmeExamples(`packages/${pkg}/README.md`).forEach((code, i) => {
        const file = `readme-${pkg}-${i}.mjs`;
        writeFileSync(join(dir, file), code);
        writeFileSync(join(dir, file.replace('.mjs', '.mts')), code);
        typed.push(file.replace('.mjs', '.mts'));
        const out = run('node', [file]);
        expect(out.length).toBeGreaterThan(0);
        if (pkg === 'core') expect(out).toContain('Nhu cầu đào tạo');
        if (pkg === 'fixtures') {
          expect(out).toContain('Treatnet Phase I: 2005-08-01 to 2007-07-31');
          expect(out).toMatch(/\.txt/);
        }
      });
    }
    run('node', [
      tsc,
      '--strict',
      '--module',
      'nodenext',
      '--target',
      'es2022',
      '--noEmit',
      ...typed,
    ]);
  }, 60_000);

  it('bundle for the browser with no Node built-ins and run without Node globals', async () => {
    const result = await build({
      stdin: {
        contents: `import { phaseAt, localize, foldText } from '@resonet/core';
          import { treatnet } from '@resonet/fixtures';
          globalThis.answer = localize(phaseAt(treatnet, '2008-06-01')[0].phase.name, 'vi') + ' / ' + foldText('Đào tạo');`,
        resolveDir: dir,
      },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const sandbox: Record<string, unknown> = { Intl, console };
    vm.runInNewContext(result.outputFiles[0]!.text, sandbox);
    expect(sandbox.answer).toBe('Giai đoạn II / dao tao');
  });
});
