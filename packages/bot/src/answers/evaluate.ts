import type { Lang } from '@resonet/core';
import type { AnswerEngine } from './answer';

/** One dev-set question: the entry id it should get, 'structured', 'small-talk', or null (out of scope). */
export interface DevQuestion {
  q: string;
  lang: Lang;
  expect: string | null;
}

/** What the engine scored on a dev set. */
export interface Evaluation {
  accuracy: Record<Lang, { total: number; correct: number; rate: number }>;
  rejection: { total: number; rejected: number; rate: number };
  clarifyRate: number;
  misses: { q: string; expect: string | null; got: string }[];
}

/** Runs every dev-set question through the engine: top-1 accuracy per language, rejection of out-of-scope questions, clarify rate. */
export function evaluate(engine: AnswerEngine, questions: readonly DevQuestion[]): Evaluation {
  const accuracy = { en: { total: 0, correct: 0, rate: 0 }, vi: { total: 0, correct: 0, rate: 0 } };
  const rejection = { total: 0, rejected: 0, rate: 0 };
  let clarified = 0;
  let inScope = 0;
  const misses: Evaluation['misses'] = [];
  for (const { q, lang, expect } of questions) {
    const answer = engine.answer(q);
    const got = answer.status === 'answered' ? (answer.entryId ?? answer.kind) : answer.status;
    if (expect === null) {
      rejection.total += 1;
      if (answer.status === 'unknown') rejection.rejected += 1;
      else misses.push({ q, expect, got });
      continue;
    }
    inScope += 1;
    if (answer.status === 'clarify') clarified += 1;
    accuracy[lang].total += 1;
    if (answer.status === 'answered' && got === expect) accuracy[lang].correct += 1;
    else misses.push({ q, expect, got });
  }
  for (const l of ['en', 'vi'] as const)
    accuracy[l].rate = accuracy[l].total ? accuracy[l].correct / accuracy[l].total : 0;
  rejection.rate = rejection.total ? rejection.rejected / rejection.total : 0;
  return { accuracy, rejection, clarifyRate: inScope ? clarified / inScope : 0, misses };
}
