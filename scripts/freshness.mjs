// Which packages need building: a package whose dist/ is missing, or older than anything it
// is built from (its sources, package.json, build config), or built before a package it
// depends on was. `npm start` builds only those, so a start with nothing changed is quick.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The workspace packages in build order, each with the packages it is built against. */
export const PACKAGES = [
  { name: 'core', after: [] },
  { name: 'fixtures', after: ['core'] },
  { name: 'bot', after: ['core', 'fixtures'] },
];

const INPUTS = ['src', 'scripts', 'package.json', 'tsup.config.ts'];

/** The newest modification time under `path` (a file or a folder), 0 when it is missing. */
function newest(path, pick = Math.max) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let time = pick === Math.max ? 0 : Number.POSITIVE_INFINITY;
  for (const entry of readdirSync(path)) time = pick(time, newest(join(path, entry), pick));
  return time;
}

/**
 * The names of the packages under `root/packages` to build, in build order.
 *
 * @param {string} root the repository
 * @returns {string[]}
 */
export function stalePackages(root) {
  const built = new Map();
  const stale = [];
  for (const { name, after } of PACKAGES) {
    const dir = join(root, 'packages', name);
    // The oldest output counts: a build that stopped half-way is not a build.
    const output = newest(join(dir, 'dist'), Math.min);
    const input = Math.max(...INPUTS.map((file) => newest(join(dir, file))));
    const upstream = after.some((dep) => stale.includes(dep) || built.get(dep) > output);
    if (!output || !Number.isFinite(output) || input > output || upstream) stale.push(name);
    built.set(name, output);
  }
  return stale;
}
