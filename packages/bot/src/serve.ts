import { resolve } from 'node:path';
import { negotiateLocale } from '@resonet/core';
import { seedRegistry } from './cli/served';
import { type BotConfig, readConfig } from './config';
import { type Content, loadContent, withRegistry } from './content';
import { createLogger } from './log';
import { loadPack } from './pack/loadPack';
import { formatProblem } from './pack/problems';
import { liveRegistry } from './registry';
import { startServer } from './server';
import { DatabaseError } from './storage/database';
import { describeUrl } from './storage/postgres';
import { openStores, type Stores } from './storage/stores';
import { unansweredRecorder } from './storage/unanswered';

/**
 * `resonet serve` (and `npm start`): reads the settings from the environment, starts the
 * bot and stops it cleanly on SIGTERM or SIGINT. Resolves with the exit code.
 */
export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const config = readConfig(env);
  if (!config.ok) {
    process.stderr.write(
      `resonet: the bot cannot start, its configuration is invalid:\n${config.errors.map((e) => `  - ${e}`).join('\n')}\nSee docs/bot.md for the settings.\n`,
    );
    return 1;
  }
  const log = createLogger(config.value.logLevel);
  const content = config.value.pack ? await packOrProblems(config.value.pack, env) : undefined;
  if (content && !content.ok) {
    process.stderr.write(content.error);
    return 1;
  }
  let stores: Stores;
  try {
    stores = await openStores(config.value.store, log);
  } catch (error) {
    process.stderr.write(
      `resonet: the bot cannot start: ${error instanceof DatabaseError ? error.message : `the database could not be prepared (${(error as Error).name}).`}\n`,
    );
    return 1;
  }
  // The registry is seeded from the pack, then is what members choose their centre from.
  const served = content?.value ?? loadContent({ exampleCentres: config.value.exampleCentres });
  let registered: Content;
  try {
    registered = await registryContent(served, stores);
  } catch (error) {
    await stores.close().catch(() => {});
    process.stderr.write(
      `resonet: the bot cannot start: the centre registry could not be read (${(error as Error).name}).\n`,
    );
    return 1;
  }
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({
      config: config.value,
      log,
      members: stores.members,
      memberships: stores.memberships,
      results: stores.results,
      ...(config.value.unansweredDays
        ? {
            unanswered: {
              log: stores.unanswered,
              record: unansweredRecorder(stores.unanswered, config.value.unansweredDays, log),
            },
          }
        : {}),
      ping: stores.ping,
      content: registered,
      currentContent: liveRegistry(served, registered, stores.centres, {
        onError: (error) =>
          log.warn({ event: 'registry-unreadable', error: (error as Error).name }, 'registry kept'),
      }),
    });
  } catch (error) {
    await stores.close().catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    const hint =
      code === 'EADDRINUSE'
        ? 'Another program uses that port; set PORT to another one.'
        : code === 'EACCES'
          ? 'This user may not use that port; choose one above 1023.'
          : (error as Error).message;
    process.stderr.write(
      `resonet: the bot cannot start on ${config.value.host}:${config.value.port} (${code ?? 'error'}). ${hint}\n`,
    );
    return 1;
  }
  // `npm start` says when the command began, so the time covers the build check too.
  const since = Number(env.RESONET_STARTED_AT) || Date.now() - process.uptime() * 1000;
  const ready = `Ready in ${((Date.now() - since) / 1000).toFixed(1)} s.\n`;
  process.stderr.write(
    `resonet bot: ${running.url}/api/messages${config.value.anonymous ? ' (anonymous mode: local use only; set MicrosoftAppId for Teams)' : ''}\n${config.value.webChat.page ? `Chat page: ${running.url}/ · ` : ''}Terminal chat: npx resonet chat [--lang vi]\nHealth: ${running.url}/healthz · Stop: Ctrl+C\nStorage: ${describeStore(config.value.store)}\n${ready}`,
  );
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      log.info({ event: 'signal', signal }, 'shutting down');
      const force = setTimeout(() => resolve(1), 10_000);
      force.unref();
      running
        .close()
        .then(() => stores.close())
        .then(
          () => resolve(0),
          () => resolve(1),
        );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

/** The content with each network's registry, seeded from the pack first. */
export async function registryContent(content: Content, stores: Stores): Promise<Content> {
  await seedRegistry(stores, content);
  const lists = await Promise.all(content.networks.map((n) => stores.centres.list(n.id)));
  return withRegistry(content, lists.flat());
}

/** The pack's content, or its problems as printed, each on its own line. */
async function packOrProblems(
  given: string,
  env: NodeJS.ProcessEnv,
): Promise<{ ok: true; value: Content } | { ok: false; error: string }> {
  const lang = negotiateLocale(env.LANG?.split('.')[0]);
  const loaded = await loadPack(given, lang);
  if (loaded.ok) return loaded;
  const lines = loaded.error.map((p) => `  - ${formatProblem(p)}`).join('\n');
  return {
    ok: false,
    error: `resonet: the bot cannot start, the pack "${given}" has problems:\n${lines}\nCheck it with: resonet pack check ${given}\n`,
  };
}

function describeStore(store: BotConfig['store']): string {
  if (store.kind === 'memory') return 'memory (nothing is kept after a stop)';
  if (store.kind === 'postgres') return `PostgreSQL at ${describeUrl(store.url)}`;
  return `embedded database in ${resolve(store.dataDir)}`;
}
