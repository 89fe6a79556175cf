import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Lang } from '@resonet/core';
import { readPack } from '../pack/loadPack';
import { formatProblem } from '../pack/problems';
import { scaffoldPack } from '../pack/scaffold';
import { say } from './messages';
import { dataError, type Outcome, ok, usageError } from './outcome';

/** `resonet pack init DIR --name "NAME"`: writes a working pack into a new or empty folder. */
export function packInit(dir: string | undefined, name: string | undefined, lang: Lang): Outcome {
  if (!dir || !name?.trim()) return usageError(say('packInitArgs', lang));
  const folder = resolve(dir);
  if (existsSync(folder) && readdirSync(folder).length)
    return dataError(say('packInitNotEmpty', lang, { dir }));
  const files = scaffoldPack(name.trim());
  for (const [path, text] of Object.entries(files)) {
    const file = join(folder, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, { encoding: 'utf8', flag: 'wx' });
  }
  return ok(say('packInitDone', lang, { dir, count: Object.keys(files).length }));
}

/** `resonet pack check DIR`: exit 0 when the pack is valid, 1 with every problem listed. */
export async function packCheck(
  dir: string | undefined,
  options: { json: boolean; lang: Lang },
): Promise<Outcome> {
  if (!dir) return usageError(say('packCheckArgs', options.lang));
  const read = await readPack(dir, options.lang);
  if (options.json) {
    const body = read.ok ? { ok: true, problems: [] } : { ok: false, problems: read.error };
    const out = `${JSON.stringify(body, null, 2)}\n`;
    return read.ok ? ok(out) : { code: 1, out, err: '' };
  }
  if (!read.ok)
    return dataError(
      `${say('packProblems', options.lang, { dir, count: read.error.length })}\n${read.error.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  const pack = read.value;
  return ok(
    `${say('packValid', options.lang, {
      dir,
      centres: pack.centres.length,
      instruments: pack.instruments.length,
      entries: pack.knowledge.length,
      languages: pack.branding.languages.join(', '),
    })}\n`,
  );
}
