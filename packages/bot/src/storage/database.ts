/** Something SQL can be run on: the database itself or a transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * One SQL dialect (PostgreSQL), two drivers: the embedded PGlite and a PostgreSQL server.
 * Everything above this interface is the same for both.
 */
export interface Database extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A failure to reach or use the database, with a message fit for an operator. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
}
