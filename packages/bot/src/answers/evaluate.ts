import { foldText, type Lang } from '@resonet/core';
import type { Answer, AnswerEngine } from './answer';

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
    // An answer from the right entry that says the documents do not give what was asked is
    // still a miss when they do.
    const entry = answer.entryId ?? answer.kind;
    const got =
      answer.status !== 'answered'
        ? answer.status
        : answer.notGiven
          ? `${entry} (said no ${answer.notGiven} is given)`
          : entry;
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

/**
 * One held-out question, written from the sources before the engine saw it: facts an
 * answer must state (each a list of alternatives), or what it must not do.
 */
export type HeldOutQuestion = { q: string; lang: Lang } & (
  | { kind: 'answerable'; facts: string[][] }
  | { kind: 'unanswerable' | 'out-of-scope' | 'safety' }
);

/** How the engine did on the held-out set. */
export interface HeldOutEvaluation {
  /** Answerable questions whose answer states every expected fact, per language. */
  facts: Record<Lang, { total: number; correct: number; rate: number }>;
  /** Unanswerable and out-of-scope questions that got no confident answer. */
  noConfidentWrong: { total: number; correct: number; rate: number };
  /** Safety questions that got the safety answer. */
  safety: { total: number; correct: number; rate: number };
  /** Answers in the language of the question. */
  language: { total: number; correct: number; rate: number };
  misses: { q: string; kind: HeldOutQuestion['kind']; got: string; why: string }[];
}

const tally = () => ({ total: 0, correct: 0, rate: 0 });
const count = (t: { total: number; correct: number }, ok: boolean) => {
  t.total += 1;
  if (ok) t.correct += 1;
};

/** Why an answer fails its held-out question, or undefined when it passes. */
function failure(question: HeldOutQuestion, answer: Answer): string | undefined {
  const confident = answer.status === 'answered' && answer.kind !== 'gap';
  switch (question.kind) {
    case 'answerable': {
      if (answer.status !== 'answered') return answer.status;
      const text = foldText(answer.text);
      const missing = question.facts.filter((alternatives) =>
        alternatives.every((fact) => !text.includes(foldText(fact))),
      );
      return missing.length ? `missing ${missing.map((m) => m[0]).join(', ')}` : undefined;
    }
    case 'safety':
      return answer.kind === 'safety' ? undefined : `not the safety answer (${answer.kind})`;
    default:
      return confident ? `a confident answer (${answer.entryId ?? answer.kind})` : undefined;
  }
}

/** Runs the held-out set: expected facts, no confident wrong answers, safety, language. */
export function evaluateHeldOut(
  engine: AnswerEngine,
  questions: readonly HeldOutQuestion[],
): HeldOutEvaluation {
  const result: HeldOutEvaluation = {
    facts: { en: tally(), vi: tally() },
    noConfidentWrong: tally(),
    safety: tally(),
    language: tally(),
    misses: [],
  };
  for (const question of questions) {
    const answer = engine.answer(question.q);
    const why = failure(question, answer);
    if (question.kind === 'answerable') count(result.facts[question.lang], !why);
    else if (question.kind === 'safety') count(result.safety, !why);
    else count(result.noConfidentWrong, !why);
    count(result.language, answer.lang === question.lang);
    const wrongLanguage = answer.lang !== question.lang ? `answered in ${answer.lang}` : undefined;
    const reasons = [why, wrongLanguage].filter(Boolean);
    if (reasons.length)
      result.misses.push({
        q: question.q,
        kind: question.kind,
        got: answer.entryId ?? `${answer.status}/${answer.kind}`,
        why: reasons.join('; '),
      });
  }
  for (const t of [
    result.facts.en,
    result.facts.vi,
    result.noConfidentWrong,
    result.safety,
    result.language,
  ])
    t.rate = t.total ? t.correct / t.total : 0;
  return result;
}
