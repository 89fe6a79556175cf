import type { Lang } from '@resonet/core';
import type { Content } from '../content';
import { packContent } from './packContent';
import { type Pack, parsePack } from './parsePack';
import { type PackProblem, problemText } from './problems';
import { packFolder, readPackFiles } from './readPack';

/** A pack read from a folder or an installed package, checked; or every problem found. */
export function readPack(
  given: string,
  lang: Lang = 'en',
): { ok: true; value: Pack; folder: string } | { ok: false; error: PackProblem[] } {
  const folder = packFolder(given);
  if (!folder)
    return {
      ok: false,
      error: [{ file: given, message: problemText(lang, 'notFolder', { path: given }) }],
    };
  const parsed = parsePack(readPackFiles(folder, lang), lang);
  return parsed.ok ? { ...parsed, folder } : parsed;
}

/** The content the bot serves from a pack, or the pack's problems. */
export function loadPack(
  given: string,
  lang: Lang = 'en',
): { ok: true; value: Content } | { ok: false; error: PackProblem[] } {
  const read = readPack(given, lang);
  return read.ok ? { ok: true, value: packContent(read.value) } : read;
}
