import type { Logger } from '../log';
import { type CentreRegistry, MemoryCentreRegistry, SqlCentreRegistry } from './centres';
import type { Database } from './database';
import { openEmbedded } from './embedded';
import { type MemberStore, MemoryMemberStore, SqlMemberStore } from './members';
import { type MembershipStore, MemoryMembershipStore, SqlMembershipStore } from './memberships';
import { migrate } from './migrations';
import { openPostgres } from './postgres';
import { MemoryResultStore, type ResultStore, SqlResultStore } from './results';
import { MemoryUnansweredLog, SqlUnansweredLog, type UnansweredLog } from './unanswered';

/** Where the bot keeps things: memory, the embedded database, or PostgreSQL. */
export type StoreChoice =
  | { kind: 'memory' }
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'postgres'; url: string };

/** The bot's stores: members' and conversations' state, and results. */
export interface Stores {
  kind: StoreChoice['kind'];
  members: MemberStore;
  results: ResultStore;
  /** Questions the knowledge base could not answer (no ids: docs/answers.md). */
  unanswered: UnansweredLog;
  /** The centre registry of each network. */
  centres: CentreRegistry;
  /** Members' roles in each network, and invites. */
  memberships: MembershipStore;
  /** Whether the database answers (for /healthz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Opens the chosen stores and brings the schema up to date. Throws a `DatabaseError` with
 * an operator-friendly message when the database cannot be opened or reached.
 */
export async function openStores(choice: StoreChoice, log: Logger): Promise<Stores> {
  if (choice.kind === 'memory') {
    const results = new MemoryResultStore();
    return {
      kind: 'memory',
      members: new MemoryMemberStore(results),
      results,
      unanswered: new MemoryUnansweredLog(),
      centres: new MemoryCentreRegistry(),
      memberships: new MemoryMembershipStore(),
      ping: async () => true,
      close: async () => {},
    };
  }
  const started = performance.now();
  const db: Database =
    choice.kind === 'embedded'
      ? await openEmbedded(choice.dataDir)
      : await openPostgres(choice.url);
  try {
    const applied = await migrate(db);
    log.info(
      {
        event: 'database-ready',
        kind: db.kind,
        migrated: applied,
        ms: Math.round(performance.now() - started),
      },
      'database ready',
    );
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return {
    kind: choice.kind,
    members: new SqlMemberStore(db),
    unanswered: new SqlUnansweredLog(db),
    memberships: new SqlMembershipStore(db),
    centres: new SqlCentreRegistry(db, (networkId, id) =>
      log.warn(
        { event: 'centre-unreadable', networkId, centreId: id },
        'stored centre unreadable, left out',
      ),
    ),
    results: new SqlResultStore(db, (id) =>
      log.warn({ event: 'result-unreadable', resultId: id }, 'stored result unreadable, left out'),
    ),
    ping: () =>
      db.query('select 1').then(
        () => true,
        () => false,
      ),
    close: () => db.close(),
  };
}
