// `npm start`: builds what changed (nothing, most of the time), then runs `resonet serve`
// in this process's place, passing signals on so that Ctrl+C stops the bot cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stalePackages } from './freshness.mjs';

const started = Date.now();
const root = fileURLToPath(new URL('..', import.meta.url));
const stale = stalePackages(root);
if (stale.length) {
  process.stderr.write(`resonet: building ${stale.join(', ')} (sources changed)…\n`);
  for (const name of stale) {
    const built = spawnSync(
      'npm',
      ['run', 'build', '--silent', '--workspace', `@resonet/${name}`],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (built.status !== 0) {
      process.stderr.write(`resonet: the build of ${name} failed; see above.\n`);
      process.exit(1);
    }
  }
}

const child = spawn(process.execPath, [`${root}packages/bot/bin/resonet.js`, 'serve'], {
  stdio: 'inherit',
  env: { ...process.env, RESONET_STARTED_AT: String(started) },
});
// Ctrl+C reaches the bot from the terminal itself (it signals the whole process group);
// passing it on as well would make it a second Ctrl+C. A SIGTERM is for this process alone.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
