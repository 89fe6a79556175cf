import { randomUUID } from 'node:crypto';
import type { AssessmentResult } from '@resonet/core';
import type { Database, Queryable } from './database';
import { insertResult, type ResultStore } from './results';

/** A member's stored state and the eTag it was read with. */
export interface StoredMember {
  member: unknown;
  eTag: string;
}

/** What a turn reads: the member's state with its eTag, and the conversation's state. */
export interface StoredTurn {
  member?: StoredMember;
  conversation?: unknown;
}

/** The conversation's state, written with the member's when a turn changed it. */
export interface ConversationChange {
  conversation?: { key: string; state: unknown };
}

/** What one turn changes for a member, written all together or not at all. */
export type MemberChange = (
  | { member: unknown; submitted?: AssessmentResult }
  /** "Delete my data": the state and every result of the respondent. */
  | { forget: { respondentId: string } }
) &
  ConversationChange;

/** The state was written by another turn since it was read: run the turn again. */
export class ETagConflictError extends Error {
  override name = 'ETagConflictError';
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/** True for an eTag conflict (every store of the bot's throws `ETagConflictError`). */
export const isETagConflict = (error: unknown) => error instanceof ETagConflictError;

/**
 * Members' state, read with an eTag and written only while that eTag is current. A
 * submitted result is stored in the same write as the state that closes its session, so
 * the stored result is always the one of the state that won: a turn that lost the race
 * (a Back clicked on another instance) stores nothing and runs again on the newer state.
 */
export interface MemberStore {
  read(key: string): Promise<StoredMember | undefined>;
  /** The member's and the conversation's state, in one read. */
  readTurn(key: string, conversationKey: string): Promise<StoredTurn>;
  /**
   * Applies `change` if the member's state still has `eTag` (undefined: the member had no
   * state, and still has none). Throws `ETagConflictError` otherwise, having changed nothing.
   * The conversation's state, when given, is written in the same step (it has no eTag: it
   * only ever records that the conversation was welcomed).
   */
  commit(key: string, eTag: string | undefined, change: MemberChange): Promise<void>;
}

/**
 * In memory, over a results store. Commits run one at a time, and the state changes only
 * after the result is stored: a failing results store leaves the state as it was.
 */
export class MemoryMemberStore implements MemberStore {
  private readonly items = new Map<string, StoredMember>();
  private readonly conversations = new Map<string, unknown>();
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly results: ResultStore) {}

  async read(key: string) {
    const item = this.items.get(key);
    return item ? structuredClone(item) : undefined;
  }

  async readTurn(key: string, conversationKey: string): Promise<StoredTurn> {
    const member = await this.read(key);
    const conversation = this.conversations.get(conversationKey);
    return {
      ...(member ? { member } : {}),
      ...(conversation !== undefined ? { conversation: structuredClone(conversation) } : {}),
    };
  }

  commit(key: string, eTag: string | undefined, change: MemberChange): Promise<void> {
    const work = this.queue.then(async () => {
      if (this.items.get(key)?.eTag !== eTag) throw new ETagConflictError(key);
      if ('forget' in change) {
        await this.results.deleteByRespondent(change.forget.respondentId);
        this.items.delete(key);
      } else {
        if (change.submitted) await this.results.save(change.submitted);
        this.items.set(key, { member: structuredClone(change.member), eTag: randomUUID() });
      }
      const conversation = change.conversation;
      if (conversation)
        this.conversations.set(conversation.key, structuredClone(conversation.state));
    });
    this.queue = work.catch(() => {});
    return work;
  }
}

/** In the SQL database: the eTag check, the state and the result in one transaction. */
export class SqlMemberStore implements MemberStore {
  constructor(private readonly db: Database) {}

  async read(key: string) {
    const [row] = await this.db.query<{ doc: { member?: unknown }; etag: string }>(
      'select doc, etag from bot_state where key = $1',
      [key],
    );
    return row ? { member: row.doc.member, eTag: row.etag } : undefined;
  }

  async readTurn(key: string, conversationKey: string): Promise<StoredTurn> {
    const rows = await this.db.query<{
      key: string;
      doc: { member?: unknown; conversation?: unknown };
      etag: string;
    }>('select key, doc, etag from bot_state where key = any($1::text[])', [
      [key, conversationKey],
    ]);
    const member = rows.find((r) => r.key === key);
    const conversation = rows.find((r) => r.key === conversationKey)?.doc.conversation;
    return {
      ...(member ? { member: { member: member.doc.member, eTag: member.etag } } : {}),
      ...(conversation !== undefined ? { conversation } : {}),
    };
  }

  async commit(key: string, eTag: string | undefined, change: MemberChange) {
    await this.db.transaction(async (tx) => {
      await writeMember(tx, key, eTag, change);
      const conversation = change.conversation;
      if (conversation)
        await tx.query(
          `insert into bot_state (key, doc, etag) values ($1, $2, $3)
           on conflict (key) do update set doc = excluded.doc, etag = excluded.etag, updated_at = now()`,
          [conversation.key, JSON.stringify({ conversation: conversation.state }), randomUUID()],
        );
    });
  }
}

/** The member's part of a commit: the eTag check, then the state and result, or forgetting. */
async function writeMember(
  tx: Queryable,
  key: string,
  eTag: string | undefined,
  change: MemberChange,
): Promise<void> {
  if ('forget' in change) {
    if (eTag === undefined) {
      // Read without state: forgetting is right only if there is still none.
      const created = await tx.query('select key from bot_state where key = $1', [key]);
      if (created.length) throw new ETagConflictError(key);
    } else {
      const gone = await tx.query(
        'delete from bot_state where key = $1 and etag = $2 returning key',
        [key, eTag],
      );
      if (!gone.length) throw new ETagConflictError(key);
    }
    await tx.query('delete from assessment_results where respondent_id = $1', [
      change.forget.respondentId,
    ]);
    return;
  }
  const doc = JSON.stringify({ member: change.member });
  const written = await tx.query(
    eTag === undefined
      ? 'insert into bot_state (key, doc, etag) values ($1, $2, $3) on conflict (key) do nothing returning key'
      : 'update bot_state set doc = $2, etag = $3, updated_at = now() where key = $1 and etag = $4 returning key',
    eTag === undefined ? [key, doc, randomUUID()] : [key, doc, randomUUID(), eTag],
  );
  if (!written.length) throw new ETagConflictError(key);
  if (change.submitted) await insertResult(tx, change.submitted);
}
