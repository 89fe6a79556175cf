import { treatnet } from '@resonet/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CentreSchema,
  checkReferences,
  type Network,
  PUBLISHED_SCHEMAS,
  parseNetwork,
  parseWith,
} from '../src/index';

const clone = (): Network => structuredClone(treatnet);

describe('parseNetwork', () => {
  it('accepts a partner’s minimal network, an id and a name, with every collection empty', () => {
    const result = parseNetwork({
      id: 'example-network',
      name: { en: 'Example Network', vi: 'Mạng lưới Ví dụ' },
      example: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ kind: 'other', centres: [], phases: [], sources: [] });
    expect(result.value.example).toBe(true);
    expect(result.value.acronym).toBeUndefined();
  });

  it('says which of the two required fields is missing, and nothing else', () => {
    const result = parseNetwork({ id: 'example-network' }, { locale: 'vi' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((e) => e.path)).toEqual(['name']);
    // Said as missing, not as zod's "expected object, received undefined".
    expect(result.error[0]).toMatchObject({
      code: 'required',
      message: 'Trường này là bắt buộc nhưng đang thiếu',
    });
    const en = parseNetwork({ name: { en: 'Example' } });
    expect(!en.ok && en.error).toEqual([
      { path: 'id', code: 'required', message: 'This field is required and is missing' },
    ]);
  });

  it('takes a centre’s participation in the network’s own words', () => {
    const centre = CentreSchema.safeParse({
      id: 'example-a',
      name: { en: 'Example A' },
      country: 'KE',
      participation: 'associate-member',
      example: true,
    });
    expect(centre.success).toBe(true);
    expect(centre.data?.roleIds).toEqual([]);
  });

  it('accepts the shipped network', () => {
    expect(parseNetwork(clone()).ok).toBe(true);
  });

  it('returns paths and messages for shape errors, never throwing', () => {
    const bad = clone() as unknown as Record<string, unknown>;
    (bad.phases as Record<string, unknown>[])[1]!.plans = [
      { start: '2007', end: '2008-12-31', precision: 'year', sources: [] },
    ];
    const result = parseNetwork(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual(
      expect.arrayContaining([
        {
          path: 'phases[1].plans[0].start',
          code: 'isoDate',
          message: 'Use a calendar date in the form YYYY-MM-DD, such as 2005-08-01',
        },
        {
          path: 'phases[1].plans[0].sources',
          code: 'citeSource',
          message: 'Cite at least one source',
        },
      ]),
    );
  });

  it('speaks Vietnamese when asked', () => {
    const result = parseNetwork({ ...clone(), id: 'Not Kebab' }, { locale: 'vi-VN' });
    expect(result).toEqual({
      ok: false,
      error: [{ path: 'id', code: 'kebabId', message: 'Dùng mã dạng kebab-case, ví dụ "phase-1"' }],
    });
    const typeError = parseNetwork({ ...clone(), phases: 'none' }, { locale: 'vi' });
    expect(typeError.ok).toBe(false);
    if (!typeError.ok)
      expect(typeError.error[0]).toMatchObject({
        code: 'invalid_type',
        message: expect.stringMatching(/không hợp lệ/),
      });
  });

  it('rejects unknown fields instead of silently dropping them', () => {
    const result = parseNetwork({ ...clone(), budget: 5 });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error[0]).toMatchObject({
        code: 'unrecognized_keys',
        message: expect.stringMatching(/budget/),
      });
  });

  it('reports broken cross-references', () => {
    const network = clone();
    network.activities[0]!.outputId = 'nope';
    network.keyPlayers[0]!.responsibilities[4]!.activityIds.push('ghost-activity');
    network.outputs.push({ ...network.outputs[0]! });
    network.goodPracticeDocuments[0]!.topicId = 'missing-topic';
    network.centres.push({
      id: 'example-x',
      name: { en: 'Example' },
      country: 'VN',
      region: '150',
      hostKind: 'university',
      participation: 'grant-resource-centre',
      roleIds: ['strategic'],
      workingGroupIds: ['wg-1'],
      example: true,
    });
    const result = parseNetwork(network);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'outputs[6].id',
        'activities[0].outputId',
        'keyPlayers[0].responsibilities[4].activityIds[3]',
        'goodPracticeDocuments[0].topicId',
        'centres[0].roleIds[0]',
        'centres[0].workingGroupIds[0]',
        'centres[0].region',
      ]),
    );
    expect(result.error.find((e) => e.path === 'centres[0].region')?.message).toBe(
      'Region "150" does not match the country VN, which is in region 142',
    );
    const vi = checkReferences(network, 'vi');
    expect(vi.find((e) => e.path === 'activities[0].outputId')?.message).toBe(
      'Không có mục nào trong outputs mang mã "nope"',
    );
  });

  it('reports a count given for a phase the network does not have', () => {
    const [first, ...rest] = treatnet.counts;
    const network = { ...treatnet, counts: [{ ...first!, phaseId: 'phase-9' }, ...rest] };
    expect(checkReferences(network, 'en')).toEqual([
      expect.objectContaining({ path: 'counts[0].phaseId', code: 'unknown' }),
    ]);
    expect(checkReferences(treatnet, 'en')).toEqual([]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parseNetwork(input);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('survives hostile input: huge strings, deep nesting, prototype keys', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    expect(parseNetwork({ ...clone(), id: huge }).ok).toBe(false);
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { nested: deep };
    expect(parseNetwork(deep).ok).toBe(false);
    const proto = JSON.parse('{"__proto__": {"polluted": true}, "id": "x"}');
    expect(parseNetwork(proto).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('centres', () => {
  it('keeps personal data out of focal points', () => {
    const result = parseWith(CentreSchema, {
      id: 'example-a',
      name: { en: 'Example A' },
      country: 'VN',
      hostKind: 'university',
      participation: 'technology-transfer-centre',
      roleIds: [],
      workingGroupIds: [],
      example: true,
      focalPoint: { role: { en: 'Coordinator' }, name: 'A Person', email: 'a@example.org' },
    });
    expect(result).toEqual({
      ok: false,
      error: [
        {
          path: 'focalPoint',
          code: 'noPersonalData',
          message:
            'A focal point is recorded as a role only: leave out names, e-mail addresses and phone numbers',
        },
      ],
    });
  });

  it('requires sources unless the centre is an example', () => {
    const real = {
      id: 'centre-a',
      name: { en: 'Centre A' },
      country: 'VN',
      hostKind: 'university',
      participation: 'technology-transfer-centre',
      roleIds: [],
      workingGroupIds: [],
    };
    expect(parseWith(CentreSchema, real)).toEqual({
      ok: false,
      error: [{ path: 'sources', code: 'citeSource', message: 'Cite at least one source' }],
    });
    expect(parseWith(CentreSchema, { ...real, example: true }).ok).toBe(true);
  });
});

describe('parseWith on every published schema', () => {
  it.each(Object.entries(PUBLISHED_SCHEMAS))('%s: errors as data, never a throw', (_, schema) => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom('en', 'vi'), (input, locale) => {
        const result = parseWith(schema, input, { locale });
        if (!result.ok) {
          for (const issue of result.error) {
            expect(typeof issue.path).toBe('string');
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
