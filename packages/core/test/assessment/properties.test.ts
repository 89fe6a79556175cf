import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerCurrent,
  type Condition,
  changeAnswer,
  goBack,
  type Instrument,
  type Item,
  parseInstrument,
  progress,
  recommend,
  type Session,
  scoreAnswers,
  skipCurrent,
  startSession,
  visibleItems,
} from '../../src/index';

// Random valid instruments: items of every scorable type, conditions that look back at
// earlier items, scales of every method.
const itemKinds = ['likert', 'single', 'yes-no', 'number', 'multiple', 'text'] as const;

const instrumentArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...itemKinds),
      required: fc.boolean(),
      reverse: fc.boolean(),
      conditionOn: fc.option(fc.nat(), { nil: undefined }),
      threshold: fc.integer({ min: 1, max: 5 }),
      scale: fc.constantFrom('mean', 'sum', 'x10', 'none'),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((specs): Instrument => {
    const items: Item[] = [];
    specs.forEach((spec, index) => {
      const id = `q${index + 1}`;
      const base = { id, text: { en: `Question ${index + 1}` }, required: spec.required };
      let condition: Condition | undefined;
      if (spec.conditionOn !== undefined && index > 0) {
        const target = items[spec.conditionOn % index]!;
        condition =
          target.type === 'likert' || target.type === 'number'
            ? { op: 'gte', item: target.id, value: spec.threshold }
            : target.type === 'yes-no'
              ? { op: 'equals', item: target.id, value: true }
              : target.type === 'multiple'
                ? { op: 'count-selected', item: target.id, compare: 'gte', value: 1 }
                : { op: 'answered', item: target.id };
      }
      const extra = condition ? { visibleWhen: condition } : {};
      const scales =
        spec.scale === 'none' || spec.kind === 'text' || spec.kind === 'multiple'
          ? {}
          : { scales: [spec.scale === 'x10' && spec.kind !== 'likert' ? 'mean' : spec.scale] };
      const options = ['a', 'b', 'c'].map((value, i) => ({
        value,
        label: { en: value.toUpperCase() },
        score: i,
      }));
      switch (spec.kind) {
        case 'likert':
          items.push({
            ...base,
            ...extra,
            ...scales,
            type: 'likert',
            likertScale: 'l5',
            ...(spec.reverse ? { reverse: true as const } : {}),
          });
          break;
        case 'single':
          items.push({
            ...base,
            ...extra,
            ...scales,
            type: 'single',
            options: [
              ...options,
              { value: 'na', label: { en: 'N/A' }, notApplicable: true as const },
            ],
          });
          break;
        case 'multiple':
          items.push({ ...base, ...extra, type: 'multiple', options, maxSelected: 2 });
          break;
        case 'number':
          items.push({ ...base, ...extra, ...scales, type: 'number', min: 0, max: 10 });
          break;
        case 'text':
          items.push({ ...base, ...extra, type: 'text', maxLength: 20 });
          break;
        default:
          items.push({ ...base, ...extra, ...scales, type: 'yes-no' });
      }
    });
    const used = new Set(items.flatMap((i) => i.scales ?? []));
    const method = { mean: 'mean', sum: 'sum', x10: 'mean-x10' } as const;
    return {
      id: 'random',
      version: '1.0.0',
      status: 'draft',
      title: { en: 'Random' },
      description: { en: 'Generated' },
      audience: { en: 'Tests' },
      estimatedMinutes: 1,
      basis: [{ document: 'generated', section: 'property tests' }],
      likertScales: [
        {
          id: 'l5',
          points: [1, 2, 3, 4, 5].map((value) => ({ value, label: { en: String(value) } })),
        },
      ],
      sections: [{ id: 's', title: { en: 'S' }, items }],
      scales: [...used].map((id) => ({
        id,
        name: { en: id },
        method: method[id as keyof typeof method],
        minAnswered: 1,
        direction: 'higher-is-better' as const,
        target: 3,
        needThresholds: { high: 1, moderate: 2 },
      })),
      recommendations: [...used].map((id) => ({
        id: `r-${id}`,
        priority: 2 as const,
        when: { kind: 'scale-below' as const, scale: id, value: 100 },
        resources: [{ network: 'treatnet', kind: 'tool' as const, id: 'treatnet-asi' }],
        reason: { en: 'Because' },
      })),
    };
  });

const stepArb = fc.oneof(
  fc.record({
    kind: fc.constant('answer' as const),
    raw: fc.oneof(
      fc.integer({ min: -2, max: 12 }),
      fc.constantFrom('yes', 'không', 'a', 'B, c', '3', 'N/A', ''),
      fc.string({ maxLength: 30 }),
      fc.boolean(),
    ),
  }),
  fc.record({ kind: fc.constant('skip' as const) }),
  fc.record({ kind: fc.constant('back' as const) }),
  fc.record({
    kind: fc.constant('change' as const),
    index: fc.nat(),
    raw: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom('yes', 'no', 'a')),
  }),
);

describe('assessment properties', () => {
  it('random instruments and answer sequences: never throw, stay consistent, survive JSON', () => {
    fc.assert(
      fc.property(
        instrumentArb,
        fc.array(stepArb, { maxLength: 40 }),
        fc.constantFrom('en', 'vi'),
        (instrument, steps, locale) => {
          expect(parseInstrument(instrument).ok).toBe(true);
          let session: Session = startSession(instrument, {
            respondentId: 'r',
            centreId: 'c',
            asOf: '2026-01-01',
          });
          for (const step of steps) {
            session = JSON.parse(JSON.stringify(session)) as Session;
            if (step.kind === 'back') session = goBack(instrument, session);
            else {
              const result =
                step.kind === 'skip'
                  ? skipCurrent(instrument, session, locale)
                  : step.kind === 'answer'
                    ? answerCurrent(instrument, session, step.raw, locale)
                    : changeAnswer(
                        instrument,
                        session,
                        `q${(step.index % 14) + 1}`,
                        step.raw,
                        locale,
                      );
              if (result.ok) session = result.value;
              else expect(result.error.message.length).toBeGreaterThan(0);
            }
            const p = progress(instrument, session);
            expect(p.percent).toBeGreaterThanOrEqual(0);
            expect(p.percent).toBeLessThanOrEqual(100);
            expect(p.answered).toBeLessThanOrEqual(p.visible);

            const shown = new Set(
              visibleItems(instrument, session.answers).map(({ item }) => item.id),
            );
            const scores = scoreAnswers(instrument, session.answers);
            for (const score of scores) {
              if (score.value === null) continue;
              expect(score.value).toBeGreaterThanOrEqual(score.min);
              expect(score.value).toBeLessThanOrEqual(score.max);
            }
            // Hidden items never score: scoring only the shown answers gives the same result.
            const onlyShown = Object.fromEntries(
              Object.entries(session.answers).filter(([id]) => shown.has(id)),
            );
            expect(scoreAnswers(instrument, onlyShown)).toEqual(scores);
            recommend(instrument, session.answers, scores);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('malformed instruments', () => {
  it('parseInstrument returns errors, never throws, for anything', () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom('en', 'vi'), (input, locale) => {
        const result = parseInstrument(input, { locale });
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('survives mutated valid instruments and 10 MB text', () => {
    fc.assert(
      fc.property(instrumentArb, fc.nat(), fc.anything(), (instrument, pick, junk) => {
        const copy = JSON.parse(JSON.stringify(instrument)) as {
          sections: { items: Record<string, unknown>[] }[];
        };
        const items = copy.sections[0]!.items;
        const target = items[pick % items.length]!;
        const keys = Object.keys(target);
        target[keys[pick % keys.length]!] = junk;
        const result = parseInstrument(copy);
        if (!result.ok)
          for (const issue of result.error) expect(issue.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
    const huge = { en: 'x'.repeat(10 * 1024 * 1024) };
    expect(parseInstrument({ id: 'x', title: huge }).ok).toBe(false);
  });
});
