// Assessment benchmarks: a 100-item instrument end to end, aggregation of 10,000 results,
// and the size of a stored session. Targets (issue 3): < 2 ms, < 100 ms, < 4 KB.
import {
  answerCurrent,
  parseInstrument,
  scoreAnswers,
  startSession,
  summarizeResults,
} from '@resonet/core';
import { Bench } from 'tinybench';

const points = [1, 2, 3, 4, 5].map((value) => ({
  value,
  label: { en: String(value), vi: String(value) },
}));
const items = Array.from({ length: 100 }, (_, i) => ({
  id: `q${String(i + 1).padStart(3, '0')}`,
  type: 'likert',
  likertScale: 'agree-5',
  required: true,
  scales: [`s${i % 10}`],
  ...(i % 7 === 3 ? { reverse: true } : {}),
  ...(i > 0 && i % 10 === 0
    ? { visibleWhen: { op: 'gte', item: `q${String(i).padStart(3, '0')}`, value: 1 } }
    : {}),
  text: { en: `Statement ${i + 1}`, vi: `Nhận định ${i + 1}` },
}));
const definition = {
  id: 'bench-100',
  version: '1.0.0',
  status: 'published',
  title: { en: 'Benchmark (example)' },
  description: { en: 'Example data' },
  audience: { en: 'Benchmarks' },
  estimatedMinutes: 30,
  basis: [{ document: 'example', section: 'benchmark' }],
  likertScales: [{ id: 'agree-5', points }],
  sections: [{ id: 'all', title: { en: 'All' }, items }],
  scales: Array.from({ length: 10 }, (_, i) => ({
    id: `s${i}`,
    name: { en: `Scale ${i}` },
    method: 'mean-x10',
    minAnswered: 3,
    direction: 'higher-is-better',
    target: 40,
    needThresholds: { high: 30, moderate: 35 },
  })),
  recommendations: [],
};
const json = JSON.stringify(definition);

function runOnce() {
  const parsed = parseInstrument(JSON.parse(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const instrument = parsed.value;
  let session = startSession(instrument, {
    respondentId: 'respondent-0001',
    centreId: 'example-centre',
    asOf: '2026-11-23',
  });
  for (let i = 0; i < 100; i++) {
    const step = answerCurrent(instrument, session, (i % 5) + 1);
    if (!step.ok) throw new Error(step.error.message);
    session = step.value;
  }
  return { instrument, session, scores: scoreAnswers(instrument, session.answers) };
}

const { instrument, session } = runOnce();
const centres = 500;
const results = Array.from({ length: 10_000 }, (_, n) => ({
  id: `r${n}`,
  instrumentId: instrument.id,
  instrumentVersion: '1.0.0',
  centreId: `centre-${n % centres}`,
  respondentId: `respondent-${n}`,
  startedAt: '2026-01-01',
  submittedAt: '2026-01-02',
  answers: {},
  scores: instrument.scales.map((scale, i) => {
    const value = 10 + ((n * 7 + i * 13) % 41);
    return {
      scaleId: scale.id,
      status: 'scored',
      value,
      answered: 10,
      minAnswered: 3,
      min: 10,
      max: 50,
      direction: 'higher-is-better',
      needLevel: value < 30 ? 'high' : value < 35 ? 'moderate' : 'low',
      target: 40,
      gap: 40 - value,
    };
  }),
}));

const bench = new Bench({ time: 1000 });
bench
  .add('load + answer all + score, 100 items', runOnce)
  .add('summarizeResults, 10,000 results', () => summarizeResults(instrument, results));
await bench.run();

const median = (name) => bench.tasks.find((t) => t.name === name).result.latency.p50;
const sessionBytes = Buffer.byteLength(JSON.stringify(session));
const rows = [
  [
    'load + answer all + score a 100-item instrument',
    `${(median('load + answer all + score, 100 items') * 1000).toFixed(0)} µs`,
    '< 2000 µs',
  ],
  [
    'aggregate 10,000 results',
    `${median('summarizeResults, 10,000 results').toFixed(1)} ms`,
    '< 100 ms',
  ],
  ['serialized session, 100 answers', `${sessionBytes} bytes`, '< 4096 bytes'],
];
console.log('\nassessment'.padEnd(52), 'median'.padStart(14), 'target'.padStart(14));
for (const [name, value, target] of rows)
  console.log(name.padEnd(51), value.padStart(14), target.padStart(14));
