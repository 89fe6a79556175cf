import type { Lang } from '@resonet/core';
import { readConfig } from '../config';
import { type Content, loadContent } from '../content';
import { createLogger } from '../log';
import { loadPack } from '../pack/loadPack';
import { formatProblem } from '../pack/problems';
import { DatabaseError } from '../storage/database';
import { openStores, type Stores } from '../storage/stores';
import { say } from './messages';
import { dataError, type Outcome, usageError } from './outcome';

/** The content the bot serves: the pack given (--pack, else RESONET_PACK), else the shipped one. */
export async function servedContent(
  pack: string | undefined,
  env: NodeJS.ProcessEnv,
  lang: Lang,
): Promise<Content | Outcome> {
  const given = pack ?? env.RESONET_PACK;
  if (!given) return loadContent();
  const packed = await loadPack(given, lang);
  if (packed.ok) return packed.value;
  return dataError(
    `${say('packProblems', lang, { dir: given, count: packed.error.length })}\n${packed.error.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
  );
}

/** The network the command is about: --network, else the content's only one. */
export function networkOf(
  content: Content,
  given: string | undefined,
  lang: Lang,
): string | Outcome {
  const ids = content.networks.map((n) => n.id);
  if (given)
    return ids.includes(given)
      ? given
      : usageError(say('centresUnknownNetwork', lang, { value: given, known: ids.join(', ') }));
  if (ids.length === 1 && ids[0]) return ids[0];
  return usageError(say('centresWhichNetwork', lang, { known: ids.join(', ') }));
}

export async function withStores<T>(
  lang: Lang,
  env: NodeJS.ProcessEnv,
  work: (stores: Stores) => Promise<T>,
) {
  const config = readConfig(env);
  if (!config.ok) return dataError(say('badConfig', lang, { errors: config.errors.join('; ') }));
  let stores: Stores;
  try {
    stores = await openStores(config.value.store, createLogger('silent'));
  } catch (error) {
    const reason = error instanceof DatabaseError ? error.message : (error as Error).name;
    return dataError(say('noDatabase', lang, { reason }));
  }
  try {
    return await work(stores);
  } finally {
    await stores.close();
  }
}

/** Writes the pack's centres into the registry, as the bot does each time it starts. */
export async function seedRegistry(stores: Stores, content: Content): Promise<void> {
  for (const seed of content.seed) await stores.centres.write(seed.networkId, seed.centres, 'pack');
}

/** The network's registry, seeded from the pack first. */
export async function registryCentres(stores: Stores, content: Content, networkId: string) {
  await seedRegistry(stores, content);
  return stores.centres.list(networkId);
}
