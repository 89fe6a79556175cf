import { readFileSync } from 'node:fs';
import { knowledgeBase, networks } from '@resonet/fixtures';
import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../src/answers/answer';
import { type DevQuestion, evaluate } from '../src/answers/evaluate';

// Quality floors on the dev set, so answering cannot silently regress (targets: 90 / 85 / 90).
const devSet = JSON.parse(
  readFileSync(new URL('../eval/dev-set.json', import.meta.url), 'utf8'),
) as {
  questions: DevQuestion[];
};

describe('dev set', () => {
  it('is large enough and covers both languages and out-of-scope questions', () => {
    const inScope = devSet.questions.filter((q) => q.expect !== null);
    expect(inScope.length).toBeGreaterThanOrEqual(150);
    expect(devSet.questions.filter((q) => q.expect === null).length).toBeGreaterThanOrEqual(30);
    expect(new Set(inScope.map((q) => q.lang))).toEqual(new Set(['en', 'vi']));
    const ids = new Set(knowledgeBase.map((e) => e.id));
    for (const q of inScope) {
      if (q.expect !== 'structured' && q.expect !== 'small-talk')
        expect(ids.has(q.expect!), q.expect!).toBe(true);
    }
  });

  it('meets the quality floors: ≥ 85 % en, ≥ 80 % vi, ≥ 85 % out-of-scope rejection', () => {
    const result = evaluate(new AnswerEngine(knowledgeBase, networks), devSet.questions);
    expect(result.accuracy.en.rate).toBeGreaterThanOrEqual(0.85);
    expect(result.accuracy.vi.rate).toBeGreaterThanOrEqual(0.8);
    expect(result.rejection.rate).toBeGreaterThanOrEqual(0.85);
  });
});
