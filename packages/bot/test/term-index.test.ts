import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { TermIndex } from '../src/answers/termIndex';

// Documents with repeated, prefixed and near-miss words, so every scoring path is exercised.
const texts = [
  'training package developed by a consortium led by ucla',
  'train the trainers and service providers training',
  'capacity building contractor develops a capacity building plan',
  'who funds treatnet governments of canada germany',
  'treatnet network of resource centres in all regions',
  'the network shares training materials and online courses',
  '',
];
const tokens = (text: string) => text.split(' ').filter(Boolean);

describe('the term index', () => {
  const ours = new TermIndex(texts.map(tokens));
  const theirs = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize: tokens,
  });
  theirs.addAll(texts.map((text, id) => ({ id, text })));

  const queries = [
    ['training'],
    ['train', 'network'],
    ['capacity', 'capacity', 'plan'],
    ['treatnet', 'fund', 'canada'],
    ['traning', 'netwrk'],
    ['nothing', 'here'],
  ];
  for (const query of queries) {
    it(`scores "${query.join(' ')}" as MiniSearch does, typos and prefixes included`, () => {
      const options = {
        fuzzy: (term: string) => (term.length < 5 ? (false as const) : 1),
        prefix: (term: string) => term.length > 3,
      };
      const expected = theirs.search(query.join(' '), options);
      const got = ours.search(query, options).sort((a, b) => b.score - a.score);
      expect(got.map((hit) => hit.doc)).toEqual(expected.map((hit) => hit.id));
      got.forEach((hit, i) => {
        expect(hit.score).toBeCloseTo(expected[i]!.score, 10);
        expect([...hit.queryTerms].sort()).toEqual([...expected[i]!.queryTerms].sort());
        expect([...hit.terms].sort()).toEqual([...expected[i]!.terms].sort());
      });
    });
  }

  it('matches exact words only when no typo or prefix is allowed', () => {
    expect(ours.search(['train']).map((hit) => hit.doc)).toEqual([1]);
    expect(ours.search(['traning'])).toEqual([]);
  });
});
