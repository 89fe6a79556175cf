import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Database, DatabaseError } from './database';

const LOCK = 'resonet.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Only one process may open an embedded data directory (PGlite is single-user); a lock file
 * holds the owner's pid. A lock left by a process that is gone (killed) is taken over.
 */
// Directories this process has open; the lock file alone cannot tell, since a restarted
// container can get the pid its killed predecessor had.
const openHere = new Set<string>();

function lock(dir: string): () => void {
  if (openHere.has(dir))
    throw new DatabaseError(`The data directory ${dir} is already open in this process.`);
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      openHere.add(dir);
      return () => {
        openHere.delete(dir);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner))
        throw new DatabaseError(
          `The data directory ${dir} is in use by another resonet process (pid ${owner}). Stop it, or set RESONET_DATA_DIR to another directory; several instances need PostgreSQL (DATABASE_URL).`,
        );
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseError(`Could not lock the data directory ${dir}.`);
}

/** Opens (creating if needed) the embedded PostgreSQL database in `dir`. */
export async function openEmbedded(dir: string): Promise<Database> {
  const absolute = resolve(dir);
  try {
    mkdirSync(absolute, { recursive: true });
  } catch (error) {
    throw new DatabaseError(
      `Cannot create the data directory ${absolute} (${(error as NodeJS.ErrnoException).code}).`,
    );
  }
  const unlock = lock(absolute);
  let db: PGlite;
  try {
    db = await PGlite.create(join(absolute, 'pgdata'));
  } catch (error) {
    unlock();
    throw new DatabaseError(
      `Cannot open the embedded database in ${absolute}: ${(error as Error).message}`,
    );
  }
  return {
    kind: 'embedded',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    transaction(work) {
      return db.transaction((tx) =>
        work({
          query: async <T>(sql: string, params: unknown[] = []) =>
            (await tx.query<T>(sql, params)).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      );
    },
    async close() {
      await db.close();
      unlock();
    },
  };
}
