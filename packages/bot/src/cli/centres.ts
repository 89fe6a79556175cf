import { readFileSync, statSync } from 'node:fs';
import { centreRegion, type Lang, localize } from '@resonet/core';
import { readCentresCsv } from '../pack/centresCsv';
import { formatProblem } from '../pack/problems';
import { isOutcome, readCommandLine } from './commandLine';
import { say } from './messages';
import { dataError, type Outcome, ok, usageError } from './outcome';
import { networkOf, registryCentres, servedContent, withStores } from './served';

const MAX_BYTES = 20 * 1024 * 1024;

interface Options {
  to?: string;
  json?: boolean;
  network?: string;
  pack?: string;
}

function importFile(
  file: string,
  lang: Lang,
): { ok: true; text: string } | { ok: false; error: Outcome } {
  try {
    if (statSync(file).size > MAX_BYTES)
      return { ok: false, error: dataError(say('tooLarge', lang, { value: file })) };
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
    return { ok: false, error: dataError(say('unreadable', lang, { value: file, reason })) };
  }
}

/**
 * `resonet centres import FILE.csv | list [--json]`: the centre registry of the network
 * served (the pack's, with --pack or RESONET_PACK), in the bot's own database.
 */
export async function centresCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  const line = readCommandLine<Options>(
    argv,
    env,
    {
      json: { type: 'boolean' },
      network: { type: 'string' },
      pack: { type: 'string' },
      to: { type: 'string' },
    },
    'centresUsage',
  );
  if (isOutcome(line)) return line;
  const { values, positionals, lang } = line;
  const [action, file, ...extra] = positionals;
  if (action === 'map' && file && !extra.length) return mapUnlisted(file, values, env, lang);
  if (extra.length || !(action === 'list' || (action === 'import' && file)))
    return usageError(say('centresUsage', lang));
  const content = await servedContent(values.pack, env, lang);
  if ('code' in content) return content;
  const networkId = networkOf(content, values.network, lang);
  if (typeof networkId !== 'string') return networkId;
  if (action === 'import' && file) {
    const read = importFile(file, lang);
    if (!read.ok) return read.error;
    const { centres, problems } = readCentresCsv(file, read.text, lang);
    // All or nothing: a file with a problem writes no centre.
    if (problems.length)
      return dataError(
        `${say('centresProblems', lang, { file, count: problems.length })}\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
      );
    return withStores(lang, env, async (stores) => {
      const change = await stores.centres.write(networkId, centres, 'import');
      return ok(
        `${say('centresImported', lang, { ...change, network: networkId, count: centres.length })}\n`,
      );
    });
  }
  return withStores(lang, env, async (stores) => {
    const centres = await registryCentres(stores, content, networkId);
    if (values.json) return ok(`${JSON.stringify({ network: networkId, centres }, null, 2)}\n`);
    if (!centres.length) return ok(`${say('centresNone', lang, { network: networkId })}\n`);
    const lines = [say('centresHeader', lang, { network: networkId, count: centres.length })];
    for (const c of centres) {
      const region = centreRegion(c);
      const where = [c.country, region ? localize(region.name, lang) : undefined]
        .filter(Boolean)
        .join(', ');
      const flags = [c.participation, c.example ? say('centresExample', lang) : undefined]
        .filter(Boolean)
        .join(', ');
      lines.push(`  ${c.id}  ${localize(c.name, lang)} (${where})${flags ? ` · ${flags}` : ''}`);
    }
    return ok(`${lines.join('\n')}\n`);
  });
}

/**
 * `resonet centres map "Typed name" --to ID`: the results of members who typed their centre's
 * name (an "unlisted centre") moved to the registry centre it is.
 */
async function mapUnlisted(
  typed: string,
  values: Options,
  env: NodeJS.ProcessEnv,
  lang: Lang,
): Promise<Outcome> {
  if (!values.to) return usageError(say('centresUsage', lang));
  const to = values.to;
  const content = await servedContent(values.pack, env, lang);
  if ('code' in content) return content;
  const networkId = networkOf(content, values.network, lang);
  if (typeof networkId !== 'string') return networkId;
  const from = typed.startsWith('named:') ? typed : `named:${typed.trim()}`;
  return withStores(lang, env, async (stores) => {
    const centres = await registryCentres(stores, content, networkId);
    const centre = centres.find((c) => c.id === to);
    if (!centre) return dataError(say('unknownCentre', lang, { value: to }));
    const moved = await stores.results.relabelCentre(from, to);
    return ok(
      `${say('centresMapped', lang, { count: moved, typed: from.slice('named:'.length), centre: localize(centre.name, lang) })}\n`,
    );
  });
}
