import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The PostgreSQL server for tests, or why the PostgreSQL tests are skipped. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const postgresSkipReason = TEST_DATABASE_URL
  ? undefined
  : 'TEST_DATABASE_URL is not set, so the PostgreSQL tests are skipped (.ci/run sets it).';
if (postgresSkipReason) console.warn(`[resonet] ${postgresSkipReason}`);

/** A new, empty database on the test server; `drop` removes it. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error(postgresSkipReason);
  const name = `resonet_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

/** A new temporary directory for an embedded database; `remove` deletes it. */
export function freshDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'resonet-data-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
