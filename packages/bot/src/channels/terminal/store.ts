import { join } from 'node:path';
import { type MemberStore, MemoryMemberStore } from '../../storage/members';
import { type MembershipStore, MemoryMembershipStore } from '../../storage/memberships';
import { MemoryResultStore, type ResultStore } from '../../storage/results';

/** Where the terminal chat keeps the member's state and submitted results. */
export interface TerminalStore {
  members: MemberStore;
  results: ResultStore;
  /** Roles and invites: "join CODE" in the terminal gives the role, as in Teams. */
  memberships: MembershipStore;
  /** Whether they outlive the process, so that a paused assessment resumes next time. */
  persistent: boolean;
  close(): Promise<void>;
}

/**
 * Opens the terminal chat's store: PostgreSQL when `DATABASE_URL` is set, else an embedded
 * database of its own (`RESONET_TERMINAL_DATA_DIR`, default `.resonet/terminal`, so that it
 * runs beside `npm start`, which holds `.resonet/data`); `RESONET_STORAGE=memory` keeps
 * nothing. With a database, a paused assessment resumes in the next run.
 */
export async function openTerminalStore(
  env: Record<string, string | undefined> = process.env,
): Promise<TerminalStore> {
  if (env.RESONET_STORAGE === 'memory') {
    const results = new MemoryResultStore();
    return {
      members: new MemoryMemberStore(results),
      results,
      memberships: new MemoryMembershipStore(),
      persistent: false,
      close: () => results.close(),
    };
  }
  // Loaded only here, so that a memory chat does not load the database drivers.
  const [{ openStores }, { createLogger }] = await Promise.all([
    import('../../storage/stores'),
    import('../../log'),
  ]);
  const stores = await openStores(
    env.DATABASE_URL && env.RESONET_STORAGE !== 'embedded'
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : {
          kind: 'embedded',
          dataDir: env.RESONET_TERMINAL_DATA_DIR || join('.resonet', 'terminal'),
        },
    createLogger('silent'),
  );
  return {
    members: stores.members,
    results: stores.results,
    memberships: stores.memberships,
    persistent: true,
    close: stores.close,
  };
}
