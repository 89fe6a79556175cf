// A network's figures summed by the database equal core's definition (summarizeResults,
// centreScores) on random results: both stores, staff-level and key-informant instruments.

import {
  type AssessmentResult,
  centreScores,
  centreScoresFromTotals,
  type Instrument,
  summarizeResults,
  summaryFromCentreScores,
} from '@resonet/core';
import { centreTrainingNeeds, ittcTechnologyTransferNeeds } from '@resonet/fixtures';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardToText } from '../src/cards/adaptiveCard';
import { summaryCard } from '../src/cards/coordinator';
import { centreLabel } from '../src/conversation/flow';
import { runMemberTurn } from '../src/memberTurn';
import type { Database } from '../src/storage/database';
import { openEmbedded } from '../src/storage/embedded';
import { MemoryMemberStore } from '../src/storage/members';
import { MIGRATIONS, migrate } from '../src/storage/migrations';
import { openPostgres } from '../src/storage/postgres';
import { MemoryResultStore, type ResultStore, SqlResultStore } from '../src/storage/results';
import { context } from './support/conversation';
import { freshDataDir, freshPostgres, postgresSkipReason } from './support/databases';

const CENTRES = ['example-a', 'example-b', 'example-c', 'named:Example D'];
const DAYS = ['2026-01-10', '2026-03-01', '2026-03-02'];

/**
 * Random results of one instrument: few centres, respondents and days, so that repeated
 * answers and same-day ties happen. Scores are quarters, which add up exactly in any order:
 * the database and core then agree to the last digit, and any difference is a real one.
 */
function resultsOf(instrument: Instrument) {
  const score = fc.option(
    fc.integer({ min: 0, max: 400 }).map((q) => q / 4),
    { nil: null },
  );
  return fc
    .array(
      fc.record({
        centre: fc.constantFrom(...CENTRES),
        respondent: fc.integer({ min: 1, max: 5 }),
        day: fc.constantFrom(...DAYS),
        values: fc.array(score, {
          minLength: instrument.scales.length,
          maxLength: instrument.scales.length,
        }),
      }),
      { maxLength: 40 },
    )
    .map((rows) =>
      rows.map(
        (row, i): AssessmentResult => ({
          id: `${instrument.id}-${String(i).padStart(3, '0')}`,
          instrumentId: instrument.id,
          instrumentVersion: instrument.version,
          centreId: row.centre,
          respondentId: `example-respondent-${row.respondent}`,
          startedAt: row.day,
          submittedAt: row.day,
          answers: {},
          scores: instrument.scales.map((scale, s) => ({
            scaleId: scale.id,
            status: row.values[s] === null ? 'insufficient-data' : 'scored',
            value: row.values[s] ?? null,
            answered: 1,
            minAnswered: 1,
            min: 0,
            max: 100,
            direction: scale.direction,
            needLevel: null,
            gap: null,
          })),
          example: true,
        }),
      ),
    );
}

function contract(
  name: string,
  open: () => Promise<{ store: ResultStore; close: () => Promise<void> }>,
) {
  describe(`${name}: the figures summed where results are stored`, () => {
    let s: Awaited<ReturnType<typeof open>>;
    beforeAll(async () => {
      s = await open();
    }, 60_000);
    afterAll(async () => s?.close());

    it.each([
      ['a staff-level instrument (a centre counts from its minimum)', centreTrainingNeeds],
      ['a key-informant instrument', ittcTechnologyTransferNeeds],
    ])(
      'equal core’s summary for %s',
      async (_, base) => {
        let run = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.integer().chain(() => {
              run += 1;
              return resultsOf({ ...base, id: `example-figures-${base.id}-${run}` });
            }),
            async (results) => {
              const instrument = {
                ...base,
                id: results[0]?.instrumentId ?? `example-figures-${base.id}-none`,
              };
              // Stored in a shuffled order, one by one and in one batch (an import): the
              // figures depend on neither; a result already there stays as it was.
              const reversed = [...results].reverse();
              const half = Math.floor(reversed.length / 2);
              for (const r of reversed.slice(0, half)) await s.store.save(r);
              expect(await s.store.saveMany(reversed)).toEqual({
                stored: reversed.length - half,
                duplicate: half,
              });
              const figures = await s.store.figures(instrument.id);
              const combined = centreScoresFromTotals(instrument, figures.centres, figures.totals);
              expect(combined).toEqual(centreScores(instrument, results));
              expect({
                instrumentId: instrument.id,
                ...summaryFromCentreScores(instrument, combined, {
                  results: figures.results,
                  centres: figures.centres.length,
                }),
              }).toEqual(summarizeResults(instrument, results));
            },
          ),
          { numRuns: 25, seed: 20261208 },
        );
      },
      120_000,
    );

    it('gives the coordinator’s summary card the figures core computes from every result', async () => {
      const [results = []] = fc.sample(resultsOf(centreTrainingNeeds), { numRuns: 1, seed: 3 });
      const mine = results.map((r) => ({ ...r, id: `${r.id}-card` }));
      for (const r of mine) await s.store.save(r);
      const ctx = context();
      const { outcome } = await runMemberTurn({
        members: new MemoryMemberStore(new MemoryResultStore()),
        results: s.store,
        key: 'example/coordinator',
        userId: 'example-coordinator',
        isCoordinator: true,
        conversation: { state: { welcomed: true } },
        incoming: { type: 'message', text: 'summary' },
        context: { ...ctx, instruments: [centreTrainingNeeds] },
        unreadable: () => '',
      });
      const shown = outcome.replies.find((r) => r.card)?.card;
      const expected = summaryCard(
        centreTrainingNeeds,
        summarizeResults(centreTrainingNeeds, mine),
        'en',
        {
          combined: centreScores(centreTrainingNeeds, mine),
          centreName: (id) => centreLabel(ctx, id, 'en'),
        },
      );
      expect(mine.length).toBeGreaterThan(0);
      expect(shown && cardToText(shown)).toBe(cardToText(expected));
    });

    it('pages the newest results for the submissions list, the same however far back', async () => {
      const mark = `example-page-${name}`;
      const many = Array.from({ length: 70 }, (_, i) => ({
        ...(fc.sample(resultsOf({ ...centreTrainingNeeds, id: mark }), {
          numRuns: 1,
          seed: 5,
        })[0]?.[0] ?? ({} as AssessmentResult)),
        id: `${mark}-${String(i).padStart(2, '0')}`,
        instrumentId: mark,
        respondentId: `example-pager-${i}`,
        submittedAt: `2030-0${1 + (i % 3)}-01`,
      }));
      for (const r of many) await s.store.save(r);
      const expected = [...many]
        .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.id.localeCompare(a.id))
        .map((r) => r.id);
      const seen: string[] = [];
      let before: { submittedAt: string; id: string } | undefined;
      for (let n = 0; n < 3; n++) {
        const page = await s.store.page(30, before);
        expect(page.total).toBeGreaterThanOrEqual(70);
        seen.push(...page.results.map((r) => r.id));
        const last = page.results.at(-1);
        before = last ? { submittedAt: last.submittedAt, id: last.id } : undefined;
      }
      // Dated after every other result stored here, these come first, newest first.
      expect(seen.slice(0, 70)).toEqual(expected);
    });

    it('chooses the latest results again when a typed centre is mapped to a registry one', async () => {
      const instrument = { ...ittcTechnologyTransferNeeds, id: 'example-relabel' };
      const [results = []] = fc.sample(resultsOf(instrument), { numRuns: 1, seed: 17 });
      const mine = results.map((r) => ({ ...r, id: `${r.id}-relabel` }));
      for (const r of mine) await s.store.save(r);
      await s.store.relabelCentre('named:Example D', 'example-a');
      const moved = mine.map((r) =>
        r.centreId === 'named:Example D' ? { ...r, centreId: 'example-a' } : r,
      );
      expect(moved.some((r, i) => r.centreId !== mine[i]?.centreId)).toBe(true);
      const figures = await s.store.figures(instrument.id);
      expect(centreScoresFromTotals(instrument, figures.centres, figures.totals)).toEqual(
        centreScores(instrument, moved),
      );
    });

    it('forgets a member’s scores with their results', async () => {
      const [result] =
        fc.sample(resultsOf({ ...centreTrainingNeeds, id: 'example-forget' }), {
          numRuns: 1,
          seed: 7,
        })[0] ?? [];
      if (!result) return;
      await s.store.save({ ...result, respondentId: 'example-leaver' });
      await s.store.deleteByRespondent('example-leaver');
      expect(await s.store.figures('example-forget')).toEqual({
        results: 0,
        perCentre: {},
        centres: [],
        totals: [],
      });
    });
  });
}

describe('the migration that adds score rows', () => {
  it('fills them for the results stored before it, so their figures are complete', async () => {
    const data = freshDataDir();
    const db = await openEmbedded(data.dir);
    try {
      // The schema as it was before step 6, with results stored then.
      await db.exec(
        'create table resonet_migrations (version integer primary key, applied_at timestamptz not null default now())',
      );
      for (const step of MIGRATIONS.filter((m) => m.version < 6)) {
        await db.exec(step.sql);
        await db.query('insert into resonet_migrations (version) values ($1)', [step.version]);
      }
      const instrument = { ...centreTrainingNeeds, id: 'example-before-scores' };
      const results = fc
        .sample(resultsOf(instrument), { numRuns: 20, seed: 11 })
        .reduce((a, b) => (b.length > a.length ? b : a), []);
      expect(results.length).toBeGreaterThan(5);
      for (const r of results)
        await db.query(
          `insert into assessment_results
             (id, instrument_id, instrument_version, centre_id, respondent_id, started_at, submitted_at, doc)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            r.id,
            r.instrumentId,
            r.instrumentVersion,
            r.centreId,
            r.respondentId,
            r.startedAt,
            r.submittedAt,
            JSON.stringify(r),
          ],
        );
      expect(await migrate(db)).toEqual([6]);
      const figures = await new SqlResultStore(db).figures(instrument.id);
      expect(figures.results).toBe(results.length);
      expect(centreScoresFromTotals(instrument, figures.centres, figures.totals)).toEqual(
        centreScores(instrument, results),
      );
    } finally {
      await db.close();
      data.remove();
    }
  }, 60_000);
});

contract('memory', async () => {
  const store = new MemoryResultStore();
  return { store, close: () => store.close() };
});

contract('embedded', async () => {
  const data = freshDataDir();
  const db: Database = await openEmbedded(data.dir);
  await migrate(db);
  return {
    store: new SqlResultStore(db),
    close: async () => {
      await db.close();
      data.remove();
    },
  };
});

describe.skipIf(postgresSkipReason !== undefined)('PostgreSQL', () => {
  contract('postgres', async () => {
    const fresh = await freshPostgres();
    const db = await openPostgres(fresh.url);
    await migrate(db);
    return {
      store: new SqlResultStore(db),
      close: async () => {
        await db.close();
        await fresh.drop();
      },
    };
  });
});
