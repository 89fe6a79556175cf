import { randomUUID } from 'node:crypto';
import { ETagConflictError } from './members';

/** Stored items by key; each may carry the eTag it was read with. */
export type StoreItems = Record<string, Record<string, unknown> & { eTag?: string | undefined }>;

/**
 * The bot's own state seam, with the shape botbuilder's `Storage` and the Microsoft 365
 * Agents SDK's `Storage` share, so either host can use it: read leaves out missing keys; a
 * write with no eTag or `*` replaces; a write with an eTag that is no longer current is
 * rejected with an `ETagConflictError`; delete of a missing key is fine.
 */
export interface StateStore {
  read(keys: string[]): Promise<StoreItems>;
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

/** A `StateStore` in memory, with the same eTag checks as the SQL one. */
export class MemoryStateStore implements StateStore {
  private readonly items = new Map<string, { doc: Record<string, unknown>; eTag: string }>();

  async read(keys: string[]): Promise<StoreItems> {
    const found: StoreItems = {};
    for (const key of keys) {
      const item = this.items.get(key);
      if (item) found[key] = { ...structuredClone(item.doc), eTag: item.eTag };
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    // Every eTag is checked before anything is written: a write is all or nothing.
    for (const [key, item] of Object.entries(changes)) {
      const eTag = item?.eTag;
      const current = this.items.get(key);
      if (eTag !== undefined && eTag !== '*' && current && current.eTag !== eTag)
        throw new ETagConflictError(key);
    }
    for (const [key, item] of Object.entries(changes)) {
      const { eTag: _eTag, ...doc } = item ?? {};
      this.items.set(key, { doc: structuredClone(doc), eTag: randomUUID() });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }
}
