import type { Lang, XlsFormSheets } from '@resonet/core';
import type { Content } from '../content';
import { packContent } from './packContent';
import { type Pack, type PackFiles, parsePack } from './parsePack';
import { type PackProblem, problemText } from './problems';
import { packFolder, readPackFiles } from './readPack';
import { readWorkbook, WorkbookError } from './workbook';

/** A pack read from a folder or an installed package, checked; or every problem found. */
export async function readPack(
  given: string,
  lang: Lang = 'en',
): Promise<{ ok: true; value: Pack; folder: string } | { ok: false; error: PackProblem[] }> {
  const folder = packFolder(given);
  if (!folder)
    return {
      ok: false,
      error: [{ file: given, message: problemText(lang, 'notFolder', { path: given }) }],
    };
  const parsed = parsePack(await withWorkbooks(readPackFiles(folder, lang), lang), lang);
  return parsed.ok ? { ...parsed, folder } : parsed;
}

/** The pack's files with its XLSForm workbooks read (reading a workbook is asynchronous). */
async function withWorkbooks(files: PackFiles, lang: Lang): Promise<PackFiles> {
  const workbooks = new Map<string, XlsFormSheets | { error: string }>();
  for (const [path, data] of files.binaries) {
    if (!path.startsWith('instruments/') || !path.endsWith('.xlsx')) continue;
    try {
      workbooks.set(path, await readWorkbook(data));
    } catch (error) {
      const why = error instanceof WorkbookError ? error.say(lang) : (error as Error).name;
      workbooks.set(path, { error: why });
    }
  }
  return { ...files, workbooks };
}

/** The content the bot serves from a pack, or the pack's problems. */
export async function loadPack(
  given: string,
  lang: Lang = 'en',
): Promise<{ ok: true; value: Content } | { ok: false; error: PackProblem[] }> {
  const read = await readPack(given, lang);
  return read.ok ? { ok: true, value: packContent(read.value) } : read;
}
