import { randomBytes } from 'node:crypto';
import type { Result } from '@resonet/core';

/** An activity as the local Direct Line stores and serves it. */
export type StoredActivity = Record<string, unknown> & { id: string; timestamp: string };

/** One conversation of the local Direct Line: its user, its activity stream, its tokens. */
export interface LocalConversation {
  readonly id: string;
  /** The user the conversation's tokens speak for; posted activities are sent as this user. */
  readonly userId: string;
  /** Whether the bot has been told the conversation started (its welcome). */
  started: boolean;
  /** The latest activities, oldest first; older ones are dropped past the limits. */
  readonly activities: StoredActivity[];
  /** The size of each kept activity in bytes (as JSON), in the same order. */
  readonly sizes: number[];
  /** Their sum. */
  bytes: number;
  /** The sequence number of the last activity added (the watermark of the whole stream). */
  sequence: number;
  lastUsed: number;
  /** Turns run one after another, so two quick posts cannot race on the member's state. */
  queue: Promise<unknown>;
}

export interface ConversationsOptions {
  /** Conversations kept at once; the least recently used go first. */
  maxConversations?: number;
  /** Activities kept per conversation; clients that fall further behind miss the oldest. */
  maxActivities?: number;
  /** Bytes of activities kept per conversation (the newest is always kept). */
  maxBytes?: number;
  /** Bytes of activities kept in all conversations together; the least recently used lose theirs first. */
  maxTotalBytes?: number;
  /** A conversation unused this long is forgotten. */
  idleMs?: number;
  /** How long a token is valid (Azure's Direct Line: one hour). */
  tokenTtlMs?: number;
  now?: () => number;
  random?: (bytes: number) => string;
}

export type TokenCheck = Result<
  LocalConversation,
  'missing' | 'unknown' | 'expired' | 'other-conversation'
>;

const base64url = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * The local Direct Line's memory: bounded in conversations and activities, idle ones
 * expire. A token is a random string bound to one conversation, valid for `tokenTtlMs`.
 */
export class Conversations {
  private readonly conversations = new Map<string, LocalConversation>();
  private readonly tokens = new Map<string, { conversationId: string; expiresAt: number }>();
  private readonly maxConversations: number;
  private readonly maxActivities: number;
  private readonly maxBytes: number;
  private readonly maxTotalBytes: number;
  private totalBytes = 0;
  private readonly idleMs: number;
  readonly tokenTtlMs: number;
  private readonly now: () => number;
  private readonly random: (bytes: number) => string;

  constructor(options: ConversationsOptions = {}) {
    this.maxConversations = options.maxConversations ?? 1000;
    this.maxActivities = options.maxActivities ?? 500;
    this.maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
    this.maxTotalBytes = options.maxTotalBytes ?? 64 * 1024 * 1024;
    this.idleMs = options.idleMs ?? 60 * 60_000;
    this.tokenTtlMs = options.tokenTtlMs ?? 60 * 60_000;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? base64url;
  }

  get size(): number {
    return this.conversations.size;
  }

  /** Bytes of activities kept in all conversations. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** A new conversation for `userId` (a random `dl_` id when none), with its first token. */
  create(userId?: string): { conversation: LocalConversation; token: string } {
    this.sweep();
    while (this.conversations.size >= this.maxConversations) {
      const oldest = this.conversations.values().next().value;
      if (!oldest) break;
      this.forget(oldest.id);
    }
    const conversation: LocalConversation = {
      id: `local-${this.random(12)}`,
      userId: userId ?? `dl_${this.random(12)}`,
      started: false,
      activities: [],
      sizes: [],
      bytes: 0,
      sequence: 0,
      lastUsed: this.now(),
      queue: Promise.resolve(),
    };
    this.conversations.set(conversation.id, conversation);
    return { conversation, token: this.issueToken(conversation.id) };
  }

  /** A further token for the conversation (the refresh); earlier ones stay valid until they expire. */
  issueToken(conversationId: string): string {
    const token = this.random(32);
    this.tokens.set(token, { conversationId, expiresAt: this.now() + this.tokenTtlMs });
    return token;
  }

  get(conversationId: string): LocalConversation | undefined {
    const conversation = this.conversations.get(conversationId);
    if (conversation && this.now() - conversation.lastUsed > this.idleMs) {
      this.forget(conversationId);
      return undefined;
    }
    return conversation;
  }

  /** Checks a bearer token, and that it belongs to `conversationId` when one is given. */
  check(token: string | undefined, conversationId?: string): TokenCheck {
    if (!token) return { ok: false, error: 'missing' };
    const entry = this.tokens.get(token);
    if (!entry) return { ok: false, error: 'unknown' };
    if (entry.expiresAt <= this.now()) {
      this.tokens.delete(token);
      return { ok: false, error: 'expired' };
    }
    if (conversationId !== undefined && entry.conversationId !== conversationId)
      return { ok: false, error: 'other-conversation' };
    const conversation = this.get(entry.conversationId);
    if (!conversation) return { ok: false, error: 'expired' };
    this.touch(conversation);
    return { ok: true, value: conversation };
  }

  /** Adds an activity to the stream with the next id (`<conversationId>|<sequence>`). */
  append(
    conversation: LocalConversation,
    activity: Record<string, unknown>,
    timestamp: string,
  ): StoredActivity {
    conversation.sequence += 1;
    const stored: StoredActivity = {
      ...activity,
      id: `${conversation.id}|${String(conversation.sequence).padStart(7, '0')}`,
      timestamp,
    };
    const size = Buffer.byteLength(JSON.stringify(stored));
    conversation.activities.push(stored);
    conversation.sizes.push(size);
    conversation.bytes += size;
    this.totalBytes += size;
    while (
      conversation.activities.length > 1 &&
      (conversation.activities.length > this.maxActivities || conversation.bytes > this.maxBytes)
    )
      this.dropOldest(conversation);
    this.touch(conversation);
    // Over the total: the least recently used conversations lose their oldest activities.
    for (const other of this.conversations.values()) {
      if (this.totalBytes <= this.maxTotalBytes) break;
      while (
        other.activities.length > (other === conversation ? 1 : 0) &&
        this.totalBytes > this.maxTotalBytes
      )
        this.dropOldest(other);
    }
    return stored;
  }

  /** The activities after `watermark` (a sequence number; 0 or '' for all kept). */
  since(
    conversation: LocalConversation,
    watermark: number,
  ): { activities: StoredActivity[]; watermark: string } {
    const first = conversation.sequence - conversation.activities.length + 1;
    const skip = Math.max(0, Math.min(conversation.activities.length, watermark - first + 1));
    return {
      activities: conversation.activities.slice(skip),
      watermark: String(conversation.sequence),
    };
  }

  /** Forgets idle conversations and expired tokens. */
  sweep(): void {
    const now = this.now();
    for (const [id, conversation] of this.conversations)
      if (now - conversation.lastUsed > this.idleMs) this.forget(id);
    for (const [token, entry] of this.tokens)
      if (entry.expiresAt <= now || !this.conversations.has(entry.conversationId))
        this.tokens.delete(token);
  }

  private dropOldest(conversation: LocalConversation) {
    conversation.activities.shift();
    const size = conversation.sizes.shift() ?? 0;
    conversation.bytes -= size;
    this.totalBytes -= size;
  }

  private touch(conversation: LocalConversation) {
    conversation.lastUsed = this.now();
    // Maps keep insertion order: re-inserting keeps the least recently used first.
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  private forget(conversationId: string) {
    const conversation = this.conversations.get(conversationId);
    if (conversation) this.totalBytes -= conversation.bytes;
    this.conversations.delete(conversationId);
    for (const [token, entry] of this.tokens)
      if (entry.conversationId === conversationId) this.tokens.delete(token);
  }
}
