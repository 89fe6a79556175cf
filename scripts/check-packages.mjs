// Packaging checks for the published packages: publint (package.json and files) and
// Are The Types Wrong (types resolve for ESM and CJS consumers under every resolution mode).
import { execFileSync } from 'node:child_process';

const packages = ['packages/core', 'packages/fixtures'];
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
let failed = false;
for (const dir of packages) {
  for (const [tool, args] of [
    ['publint', ['run', dir, '--strict']],
    ['attw', ['--pack', dir, '--format', 'table-flipped']],
  ]) {
    try {
      execFileSync(bin(tool), args, { stdio: 'inherit' });
    } catch {
      console.error(`✗ ${tool} found problems in ${dir}`);
      failed = true;
    }
  }
}
if (failed) process.exit(1);
console.log('✓ publint and attw pass for', packages.join(', '));
