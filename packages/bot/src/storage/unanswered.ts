import type { Lang } from '@resonet/core';
import type { StoredUnanswered, UnansweredQuestion } from '../answers/unanswered';
import { errorFields, type Logger } from '../log';
import type { Queryable } from './database';

/** The unanswered-questions log: append, list since a time, forget what is too old. */
export interface UnansweredLog {
  record(question: UnansweredQuestion, askedAt: Date): Promise<void>;
  /** Oldest first. */
  list(since?: Date): Promise<StoredUnanswered[]>;
  /** Deletes what was asked before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

// A question is kept whole up to this length (the answering engine reads no more).
const MAX_QUESTION = 500;

const kept = (q: UnansweredQuestion): UnansweredQuestion => ({
  question: q.question.slice(0, MAX_QUESTION),
  lang: q.lang,
  outcome: q.outcome,
  ...(q.nearest ? { nearest: q.nearest } : {}),
});

export class MemoryUnansweredLog implements UnansweredLog {
  private rows: StoredUnanswered[] = [];

  async record(question: UnansweredQuestion, askedAt: Date) {
    this.rows.push({ ...kept(question), askedAt });
  }

  async list(since?: Date) {
    return this.rows
      .filter((r) => !since || r.askedAt >= since)
      .sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime())
      .map((r) => ({ ...r }));
  }

  async prune(before: Date) {
    const count = this.rows.length;
    this.rows = this.rows.filter((r) => r.askedAt >= before);
    return count - this.rows.length;
  }
}

export class SqlUnansweredLog implements UnansweredLog {
  constructor(private readonly db: Queryable) {}

  async record(question: UnansweredQuestion, askedAt: Date) {
    const q = kept(question);
    await this.db.query(
      'insert into unanswered_questions (asked_at, lang, outcome, nearest_entry, question) values ($1, $2, $3, $4, $5)',
      [askedAt.toISOString(), q.lang, q.outcome, q.nearest ?? null, q.question],
    );
  }

  async list(since?: Date) {
    const rows = await this.db.query<{
      asked_at: Date | string;
      lang: Lang;
      outcome: 'unknown' | 'clarify';
      nearest_entry: string | null;
      question: string;
    }>(
      'select asked_at, lang, outcome, nearest_entry, question from unanswered_questions where asked_at >= $1 order by asked_at, id',
      [(since ?? new Date(0)).toISOString()],
    );
    return rows.map((r) => ({
      question: r.question,
      lang: r.lang,
      outcome: r.outcome,
      ...(r.nearest_entry ? { nearest: r.nearest_entry } : {}),
      askedAt: new Date(r.asked_at),
    }));
  }

  async prune(before: Date) {
    const gone = await this.db.query(
      'delete from unanswered_questions where asked_at < $1 returning id',
      [before.toISOString()],
    );
    return gone.length;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** How a channel records unanswered questions; never fails a turn. */
export type RecordUnanswered = (question: UnansweredQuestion) => Promise<void>;

/**
 * Records into `log` and keeps it within `retentionDays` (pruned at most once an hour).
 * A failure is logged (without the question) and the member's turn goes on.
 */
export function unansweredRecorder(
  log: UnansweredLog,
  retentionDays: number,
  logger: Logger,
  now: () => Date = () => new Date(),
): RecordUnanswered {
  let prunedAt = 0;
  return async (question) => {
    try {
      const at = now();
      await log.record(question, at);
      if (at.getTime() - prunedAt > 60 * 60 * 1000) {
        prunedAt = at.getTime();
        await log.prune(new Date(at.getTime() - retentionDays * DAY_MS));
      }
    } catch (error) {
      logger.warn(
        { event: 'unanswered-not-recorded', err: errorFields(error) },
        'unanswered question not recorded',
      );
    }
  };
}
