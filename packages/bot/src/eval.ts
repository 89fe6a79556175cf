// npm run eval:qa — how well the answering engine does on the dev set, and how the
// thresholds were chosen (the grid below).
import { readFileSync } from 'node:fs';
import { knowledgeBase, networks, SOURCE_DOCUMENTS } from '@resonet/fixtures';
import { AnswerEngine } from './answers/answer';
import {
  type DevQuestion,
  evaluate,
  evaluateHeldOut,
  type HeldOutQuestion,
} from './answers/evaluate';
import { THRESHOLDS } from './answers/thresholds';

const devSet = JSON.parse(
  readFileSync(new URL('../eval/dev-set.json', import.meta.url), 'utf8'),
) as { questions: DevQuestion[] };
// The engine as the bot serves it: answers cite documents by title.
const served = (thresholds?: { minCoverage: number; clarifyRatio: number }) =>
  new AnswerEngine(knowledgeBase, networks, {
    documents: SOURCE_DOCUMENTS,
    ...(thresholds ? { thresholds } : {}),
  });
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

const result = evaluate(served(), devSet.questions);
console.log(
  `dev set: ${devSet.questions.length} questions; thresholds ${JSON.stringify(THRESHOLDS)}`,
);
console.log(
  `top-1 accuracy  en ${pct(result.accuracy.en.rate)} (${result.accuracy.en.correct}/${result.accuracy.en.total}, target ≥ 90 %)`,
);
console.log(
  `top-1 accuracy  vi ${pct(result.accuracy.vi.rate)} (${result.accuracy.vi.correct}/${result.accuracy.vi.total}, target ≥ 85 %)`,
);
console.log(
  `out-of-scope rejection ${pct(result.rejection.rate)} (${result.rejection.rejected}/${result.rejection.total}, target ≥ 90 %)`,
);
console.log(`clarify rate ${pct(result.clarifyRate)}`);
console.log(`misses (${result.misses.length}):`);
for (const m of result.misses)
  console.log(`  ${JSON.stringify(m.q)} expected ${m.expect ?? 'unknown'}, got ${m.got}`);

// The held-out sets are never tuned on: they say how the engine does on questions it has not
// been fitted to. Their misses are printed to be read, not fixed one by one. The second set
// was written when the first set's misses had been read (see its "about").
const rate = (t: { correct: number; total: number; rate: number }) =>
  `${pct(t.rate)} (${t.correct}/${t.total})`;
for (const file of [
  'held-out.json',
  'held-out-2.json',
  'held-out-3.json',
  'held-out-4.json',
  'held-out-5.json',
  'held-out-6.json',
  'held-out-7.json',
  'held-out-8.json',
]) {
  const heldOut = JSON.parse(readFileSync(new URL(`../eval/${file}`, import.meta.url), 'utf8')) as {
    questions: HeldOutQuestion[];
  };
  const held = evaluateHeldOut(served(), heldOut.questions);
  console.log(`\n${file}: ${heldOut.questions.length} questions (never tuned on)`);
  console.log(
    `expected facts  en ${rate(held.facts.en)}, vi ${rate(held.facts.vi)}   (target ≥ 95 %)`,
  );
  console.log(
    `no confident wrong answer (unanswerable, out of scope) ${rate(held.noConfidentWrong)}   (target ≥ 95 %)`,
  );
  console.log(`safety answers  ${rate(held.safety)}`);
  console.log(`in the question's language ${rate(held.language)}`);
  console.log(`misses (${held.misses.length}):`);
  for (const m of held.misses)
    console.log(`  [${m.kind}] ${JSON.stringify(m.q)} → ${m.got}: ${m.why}`);
}

console.log('\nthreshold grid (en / vi / rejection / clarify):');
for (const minCoverage of [0.3, 0.35, 0.4, 0.45, 0.5, 0.6]) {
  const row: string[] = [];
  for (const clarifyRatio of [0.8, 0.9, 0.95, 1.01]) {
    const r = evaluate(served({ minCoverage, clarifyRatio }), devSet.questions);
    row.push(
      `${clarifyRatio}: ${pct(r.accuracy.en.rate)}/${pct(r.accuracy.vi.rate)}/${pct(r.rejection.rate)}/${pct(r.clarifyRate)}`,
    );
  }
  console.log(`  coverage ${minCoverage}  ${row.join('  ')}`);
}
