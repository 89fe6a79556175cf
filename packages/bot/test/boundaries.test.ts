import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// botbuilder is archived upstream: it stays in one folder, so that another host (the
// Microsoft 365 Agents SDK) can be added beside it without touching the rest.
const src = fileURLToPath(new URL('../src', import.meta.url));
const HOST = 'channels/botframework/';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const IMPORT = /(?:from|import)\s*\(?\s*['"]((?:botbuilder|botframework-)[^'"]*)['"]/g;

describe('module boundaries', () => {
  it('imports botbuilder and botframework-* only under channels/botframework/', () => {
    const outside: string[] = [];
    let inside = 0;
    for (const file of files(src)) {
      const path = relative(src, file).split('\\').join('/');
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        if (path.startsWith(HOST)) inside++;
        else outside.push(`${path} imports ${match[1]}`);
      }
    }
    expect(outside).toEqual([]);
    // The check reads real imports: the host folder has them.
    expect(inside).toBeGreaterThan(3);
  });
});
