// Part of npm run bench: index build time and answer latency over the whole knowledge base.
import { readFileSync } from 'node:fs';
import { knowledgeBase, networks, SOURCE_DOCUMENTS } from '@resonet/fixtures';
import { AnswerEngine } from '../answers/answer';
import type { DevQuestion } from '../answers/evaluate';

const { questions } = JSON.parse(
  readFileSync(new URL('../eval/dev-set.json', import.meta.url), 'utf8'),
) as {
  questions: DevQuestion[];
};
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const builds: number[] = [];
let engine = new AnswerEngine(knowledgeBase, networks, { documents: SOURCE_DOCUMENTS });
for (let i = 0; i < 30; i++) {
  const start = performance.now();
  engine = new AnswerEngine(knowledgeBase, networks, { documents: SOURCE_DOCUMENTS });
  builds.push(performance.now() - start);
}
for (const { q } of questions) engine.answer(q); // warm up
const latencies: number[] = [];
for (let round = 0; round < 20; round++) {
  for (const { q } of questions) {
    const start = performance.now();
    engine.answer(q);
    latencies.push(performance.now() - start);
  }
}
builds.sort((a, b) => a - b);
latencies.sort((a, b) => a - b);
console.log(
  `\nmember Q&A (${knowledgeBase.length} entries, ${questions.length} dev-set questions × 20)`,
);
console.log(`index build            median ${quantile(builds, 0.5).toFixed(2)} ms`);
console.log(
  `answer latency         median ${(quantile(latencies, 0.5) * 1000).toFixed(0)} µs   p99 ${(quantile(latencies, 0.99) * 1000).toFixed(0)} µs   (target p99 < 1000 µs)`,
);
