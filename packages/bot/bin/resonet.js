#!/usr/bin/env node
// The `resonet` command. The code is built into dist/ by `npm run build`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('resonet is not built yet: run "npm run build" in the repository first.\n');
  process.exit(2);
}
const { main } = await import(cli.href);
main(process.argv.slice(2));
