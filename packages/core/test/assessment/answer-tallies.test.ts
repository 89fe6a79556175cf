import { describe, expect, it } from 'vitest';
import { type AssessmentResult, tallyAnswers } from '../../src/index';
import { example } from './example-instrument';

const result = (id: string, answers: AssessmentResult['answers']): AssessmentResult => ({
  id,
  instrumentId: example.id,
  instrumentVersion: example.version,
  centreId: 'example-centre',
  respondentId: 'example-respondent',
  startedAt: '2026-12-01',
  submittedAt: '2026-12-01',
  answers,
  scores: [],
  example: true,
});

describe('tallyAnswers', () => {
  const results = [
    result('example-1', {
      'offices-adequate': 4,
      'had-training': true,
      'staff-count': 8,
      formats: ['online', 'workshop'],
      'consent-procedure': 'fully',
      comments: 'Example comment',
    }),
    result('example-2', {
      'offices-adequate': 4,
      'had-training': false,
      'staff-count': 15,
      formats: ['online'],
      'consent-procedure': 'na',
    }),
    { ...result('example-3', { 'staff-count': 999 }), instrumentId: 'another-form' },
  ];
  const tallies = tallyAnswers(example, results);
  const of = (id: string) => tallies.find((t) => t.itemId === id);

  it('counts each option in the instrument’s order, zeros included', () => {
    expect(of('formats')).toEqual({
      itemId: 'formats',
      answered: 2,
      kind: 'choices',
      counts: [
        { value: 'online', count: 2 },
        { value: 'workshop', count: 1 },
        { value: 'coaching', count: 0 },
      ],
    });
    expect(of('had-training')).toMatchObject({
      counts: [
        { value: 'yes', count: 1 },
        { value: 'no', count: 1 },
      ],
    });
    expect(of('offices-adequate')).toMatchObject({ answered: 2, kind: 'choices' });
    expect(of('offices-adequate')?.kind === 'choices' && of('offices-adequate')).toMatchObject({
      counts: expect.arrayContaining([
        { value: '4', count: 2 },
        { value: '1', count: 0 },
      ]),
    });
    expect(of('consent-procedure')).toMatchObject({
      counts: expect.arrayContaining([
        { value: 'na', count: 1 },
        { value: 'fully', count: 1 },
      ]),
    });
  });

  it('gives numbers their mean and range, and only counts text and dates', () => {
    // The other form's result is not counted.
    expect(of('staff-count')).toEqual({
      itemId: 'staff-count',
      answered: 2,
      kind: 'numbers',
      mean: 11.5,
      min: 8,
      max: 15,
    });
    expect(of('comments')).toEqual({ itemId: 'comments', answered: 1, kind: 'answers' });
    expect(of('last-training')).toEqual({ itemId: 'last-training', answered: 0, kind: 'answers' });
    expect(tallies).toHaveLength(10);
  });
});
