import pg from 'pg';
import { type Database, DatabaseError } from './database';

/** Where a database URL points, without the password, for messages and logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'an unparsable DATABASE_URL';
  }
}

/** Connects to PostgreSQL; fails with a clear message when the server cannot be reached. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // A client losing its connection (server restart, network cut) emits 'error'; without a
  // listener that would end the process. Idle clients report to the pool; a checked-out
  // client to its own listener below, and the query in flight fails as well.
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseError(
      `Cannot connect to PostgreSQL at ${describeUrl(url)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Check DATABASE_URL and that the server is running.`,
    );
  }
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost = error;
      };
      client.on('error', onError);
      try {
        await client.query('begin');
        const result = await work({
          query: async <T>(sql: string, params: unknown[] = []) =>
            (await client.query(sql, params)).rows as T[],
          exec: async (sql: string) => {
            await client.query(sql);
          },
        });
        await client.query('commit');
        return result;
      } catch (error) {
        if (!lost) await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.off('error', onError);
        // A client whose connection broke is destroyed, not handed to the next turn.
        client.release(lost ?? undefined);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
