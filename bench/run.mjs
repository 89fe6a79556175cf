// npm run bench: median timings of core queries over the built packages (what users get).
import { coverage, parseNetwork, phaseAt, timeline, whoIsResponsibleFor } from '@resonet/core';
import { exampleTreatnetCentres, treatnet, withExampleCentres } from '@resonet/fixtures';
import { Bench } from 'tinybench';

const demo = withExampleCentres(treatnet, exampleTreatnetCentres);
const json = JSON.stringify(treatnet);
const bench = new Bench({ time: 400 });
bench
  .add('parseNetwork(treatnet) from JSON', () => parseNetwork(JSON.parse(json)))
  .add('phaseAt(treatnet, date)', () => phaseAt(treatnet, '2008-06-01'))
  .add('coverage(demo, includeExamples)', () => coverage(demo, { includeExamples: true }))
  .add('timeline(treatnet)', () => timeline(treatnet))
  .add('whoIsResponsibleFor(keywords)', () =>
    whoIsResponsibleFor(treatnet, 'ai xac dinh cac trung tam nguon'),
  );
await bench.run();

console.log('benchmark'.padEnd(36), 'median µs'.padStart(12), 'ops/s'.padStart(12));
for (const task of bench.tasks) {
  const median = task.result?.latency?.p50 ?? Number.NaN;
  const hz = task.result?.throughput?.mean ?? Number.NaN;
  console.log(
    task.name.padEnd(36),
    (median * 1000).toFixed(1).padStart(12),
    hz.toFixed(0).padStart(12),
  );
}
