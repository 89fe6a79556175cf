import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Lang } from '@resonet/core';
import type { PackFiles } from './parsePack';
import { type PackProblem, problemText } from './problems';

// A pack file is a page of text or a logo; anything bigger is a mistake (or an attack).
const MAX_FILE_KB = 1024;
const FOLDERS = ['instruments', 'knowledge'];
const BINARY = /\.(png|xlsx)$/i;

/**
 * The folder of a pack given as a folder or as an installed npm package's name
 * ("@example/resonet-pack"), or undefined.
 */
export function packFolder(given: string, from: string = process.cwd()): string | undefined {
  const folder = resolve(from, given);
  if (existsSync(folder) && statSync(folder).isDirectory()) return folder;
  if (!/^(@[\w.-]+\/)?[\w.-]+$/.test(given)) return undefined;
  try {
    const manifest = createRequire(join(from, 'noop.js')).resolve(`${given}/package.json`);
    return dirname(manifest);
  } catch {
    return undefined;
  }
}

/** The files to read: the top folder's, and those of instruments/ and knowledge/. */
function listFiles(folder: string): string[] {
  const list = (relative: string) =>
    readdirSync(join(folder, relative), { withFileTypes: true })
      .filter((item) => !item.name.startsWith('.'))
      .map((item) => ({ item, path: relative ? `${relative}/${item.name}` : item.name }));
  const top = list('');
  const nested = top
    .filter(({ item }) => item.isDirectory() && FOLDERS.includes(item.name))
    .flatMap(({ path }) => list(path));
  return [...top, ...nested].filter(({ item }) => item.isFile()).map(({ path }) => path);
}

/** Reads a pack's files: the top folder and instruments/ and knowledge/, no deeper. */
export function readPackFiles(folder: string, lang: Lang): PackFiles {
  const texts = new Map<string, string>();
  const binaries = new Map<string, Uint8Array>();
  const refused: PackProblem[] = [];
  for (const path of listFiles(folder)) {
    const full = join(folder, path);
    if (statSync(full).size > MAX_FILE_KB * 1024)
      refused.push({
        file: path,
        message: problemText(lang, 'tooBig', { limit: String(MAX_FILE_KB) }),
      });
    else if (BINARY.test(path)) binaries.set(path, readFileSync(full));
    else texts.set(path, readFileSync(full, 'utf8').replace(/^\uFEFF/, ''));
  }
  return { texts, binaries, refused };
}
