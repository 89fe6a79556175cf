import { randomUUID } from 'node:crypto';
import type { Database } from './database';
import { ETagConflictError } from './members';
import type { StateStore, StoreItems } from './stateStore';

/**
 * Bot state in SQL, with the `StateStore` semantics (botbuilder's `Storage`'s): read leaves out missing keys;
 * a write with no eTag or `*` replaces; a write with an eTag that is no longer current is
 * rejected with a conflict; delete of a missing key is fine. Keys are bound parameters, so
 * any characters are safe.
 */
export class SqlStorage implements StateStore {
  constructor(private readonly db: Database) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys.length) return {};
    const rows = await this.db.query<{ key: string; doc: Record<string, unknown>; etag: string }>(
      'select key, doc, etag from bot_state where key = any($1::text[])',
      [keys],
    );
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...row.doc, eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...doc } = (item ?? {}) as Record<string, unknown>;
        const etag = randomUUID();
        if (eTag === undefined || eTag === '*' || eTag === null) {
          await tx.query(
            `insert into bot_state (key, doc, etag) values ($1, $2, $3)
             on conflict (key) do update set doc = excluded.doc, etag = excluded.etag, updated_at = now()`,
            [key, JSON.stringify(doc), etag],
          );
          continue;
        }
        const updated = await tx.query(
          'update bot_state set doc = $2, etag = $3, updated_at = now() where key = $1 and etag = $4 returning key',
          [key, JSON.stringify(doc), etag, String(eTag)],
        );
        if (updated.length) continue;
        // No row with that eTag: create it if the key is new (as MemoryStorage does),
        // otherwise someone else wrote first.
        const inserted = await tx.query(
          'insert into bot_state (key, doc, etag) values ($1, $2, $3) on conflict (key) do nothing returning key',
          [key, JSON.stringify(doc), etag],
        );
        if (!inserted.length) throw new ETagConflictError(key);
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length)
      await this.db.query('delete from bot_state where key = any($1::text[])', [keys]);
  }
}
