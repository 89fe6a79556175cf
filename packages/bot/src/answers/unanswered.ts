import { foldedWords, type Lang } from '@resonet/core';

/**
 * A question the knowledge base could not answer well, kept so the network can improve its
 * answers. It holds no user id, no conversation id and no channel: only when, in which
 * language, what happened and the entry it came closest to.
 */
export interface UnansweredQuestion {
  question: string;
  lang: Lang;
  /** `unknown`: no answer; `clarify`: the bot had to ask which of several was meant. */
  outcome: 'unknown' | 'clarify';
  nearest?: string;
}

export interface StoredUnanswered extends UnansweredQuestion {
  askedAt: Date;
}

/** Questions asked in nearly the same words, counted together. */
export interface UnansweredGroup {
  /** The wording asked most often (the earliest of equals). */
  question: string;
  count: number;
  langs: Lang[];
  outcomes: UnansweredQuestion['outcome'][];
  /** The entries they came closest to, most frequent first. */
  nearest: string[];
  firstAsked: Date;
  lastAsked: Date;
  /** Every distinct wording, most frequent first. */
  wordings: string[];
}

// Two questions are one when most of their words are shared (Jaccard over folded words).
const SAME = 0.6;

const overlap = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union ? shared / union : 1;
};

const byCount = (values: readonly string[]) => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
};

/**
 * Groups unanswered questions by similarity (folded words, so "Ai tài trợ" and "ai tai tro"
 * are one), largest group first: what the knowledge base most needs.
 */
export function groupUnanswered(rows: readonly StoredUnanswered[]): UnansweredGroup[] {
  const groups: { words: Set<string>; rows: StoredUnanswered[] }[] = [];
  for (const row of rows) {
    const words = new Set(foldedWords(row.question));
    const home = groups.find((g) => overlap(g.words, words) >= SAME);
    if (home) home.rows.push(row);
    else groups.push({ words, rows: [row] });
  }
  return groups
    .map(({ rows: members }) => {
      const wordings = byCount(members.map((r) => r.question.trim()));
      const times = members.map((r) => r.askedAt.getTime());
      return {
        question: wordings[0] ?? '',
        count: members.length,
        langs: [...new Set(members.map((r) => r.lang))],
        outcomes: [...new Set(members.map((r) => r.outcome))],
        nearest: byCount(members.flatMap((r) => (r.nearest ? [r.nearest] : []))),
        firstAsked: new Date(Math.min(...times)),
        lastAsked: new Date(Math.max(...times)),
        wordings,
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAsked.getTime() - a.lastAsked.getTime());
}
