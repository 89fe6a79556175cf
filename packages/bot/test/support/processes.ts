import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `resonet` as a user runs it: the built binary (npm test builds it first).
export const cli = fileURLToPath(new URL('../../bin/resonet.js', import.meta.url));
const built = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export function assertBuilt() {
  if (!existsSync(built))
    throw new Error('packages/bot/dist/cli.js is missing: run "npm run build" first');
}

/** A clean environment: nothing of the developer's own settings leaks into a test. */
export const bareEnv = (env: Record<string, string>) => ({
  PATH: process.env.PATH ?? '',
  LANG: 'C',
  RESONET_STORAGE: 'memory',
  ...env,
});

export const runCli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: bareEnv(env) });

export interface BotProcess {
  child: ChildProcess;
  url: string;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

/** Starts `resonet serve [args]` and resolves once it prints its URL. */
export function startBot(env: Record<string, string>, args: string[] = []): Promise<BotProcess> {
  const child = spawn(process.execPath, [cli, 'serve', ...args], { env: bareEnv(env) });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      err += d;
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/api\/messages/.exec(err);
      if (match?.[1]) resolve({ child, url: match[1], out: () => out, err: () => err, exited });
    });
    exited.then((code) => reject(new Error(`resonet serve exited ${code}: ${err}`)));
  });
}
