import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  answerCurrent,
  type Instrument,
  parseInstrument,
  recommend,
  startSession,
} from '../packages/core/src/index';

// The instrument example in docs/assessments.md must stay valid and working.
describe('docs/assessments.md', () => {
  const doc = readFileSync(new URL('../docs/assessments.md', import.meta.url), 'utf8');
  const json = /```json\n([\s\S]*?)```/.exec(doc)?.[1];

  it('has an example instrument that validates and runs', () => {
    expect(json).toBeDefined();
    const parsed = parseInstrument(JSON.parse(json!));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const instrument: Instrument = parsed.value;
    let session = startSession(instrument, {
      respondentId: 'r',
      centreId: 'c',
      asOf: '2026-11-23',
    });
    for (const raw of ['1', 'hoàn toàn đồng ý', 'có']) {
      const step = answerCurrent(instrument, session, raw, 'vi');
      expect(step.ok).toBe(true);
      if (step.ok) session = step.value;
    }
    expect(session.status).toBe('review');
    expect(recommend(instrument, session.answers).map((r) => r.ruleId)).toEqual([
      'workload-support',
    ]);
  });
});
