import {
  type AssessmentResult,
  centreScores,
  centreScoresFromTotals,
  dataDictionaryCsv,
  resultsToCsv,
  summarizeResults,
  summaryFromCentreScores,
  tallyAnswers,
} from '@resonet/core';
import { submissionsCard, summaryCard, unansweredCard } from '../../cards/coordinator';
import { t } from '../../i18n/catalog';
import {
  centreLabel,
  type EngineContext,
  type Flow,
  SUBMISSIONS_PAGE,
  titleOf,
  UNANSWERED_DAYS,
} from '../flow';
import type { Message } from '../incoming';
import type { Outcome } from '../outcome';

type View = (outcome: Outcome, all: readonly AssessmentResult[], ctx: EngineContext) => Outcome;

/** A coordinator's view of every result; members are told it is for coordinators. */
const coordinatorView =
  (view: View): ((outcome: Outcome, message: Message, ctx: EngineContext) => Outcome) =>
  (outcome, _message, ctx) => {
    if (!ctx.isCoordinator) return outcome.say(t(outcome.lang, 'notCoordinator'));
    const all = [...(ctx.results ?? [])].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    return all.length ? view(outcome, all, ctx) : outcome.say(t(outcome.lang, 'noSubmissions'));
  };

/** The latest submissions, newest first, a page at a time (older ones a button away). */
export const submissions: Flow = (outcome, _message, ctx) => {
  const lang = outcome.lang;
  if (!ctx.isCoordinator) return outcome.say(t(lang, 'notCoordinator'));
  const page = ctx.page ?? { results: [], total: 0 };
  if (!page.results.length) return outcome.say(t(lang, 'noSubmissions'));
  const rows = page.results.map((r) => ({
    title: titleOf(ctx, r.instrumentId, lang),
    centre: centreLabel(ctx, r.centreId, lang),
    date: r.submittedAt,
  }));
  const last = page.results.at(-1);
  const older =
    last && page.results.length >= SUBMISSIONS_PAGE ? `${last.submittedAt}|${last.id}` : undefined;
  return outcome.say('', submissionsCard(rows, page.total, lang, older));
};

/**
 * The network's summary: one card per instrument that has results. A scored instrument's
 * figures come summed from the store (`ctx.figures`); a form without scales is counted
 * from its results.
 */
export const summary: Flow = (outcome, _message, ctx) => {
  const lang = outcome.lang;
  if (!ctx.isCoordinator) return outcome.say(t(lang, 'notCoordinator'));
  const centreName = (id: string) => centreLabel(ctx, id, lang);
  const cards = ctx.instruments.flatMap((instrument) => {
    const figures = ctx.figures?.[instrument.id];
    if (figures?.results) {
      const combined = centreScoresFromTotals(instrument, figures.centres, figures.totals);
      const counts = { results: figures.results, centres: figures.centres.length };
      const network = {
        instrumentId: instrument.id,
        ...summaryFromCentreScores(instrument, combined, counts),
      };
      return [summaryCard(instrument, network, lang, { combined, centreName })];
    }
    const own = (ctx.results ?? []).filter((r) => r.instrumentId === instrument.id);
    if (!own.length) return [];
    return [
      summaryCard(instrument, summarizeResults(instrument, own), lang, {
        combined: centreScores(instrument, own),
        centreName,
        tallies: tallyAnswers(instrument, own),
      }),
    ];
  });
  if (!cards.length) return outcome.say(t(lang, 'noSubmissions'));
  return cards.reduce((next, card) => next.say('', card), outcome);
};

/** Every result as one CSV file, with the data dictionary of their instruments. */
export const exportAll: Flow = coordinatorView((outcome, all, ctx) => {
  const name = `resonet-results-${ctx.asOf}.csv`;
  return outcome.send({
    text: t(outcome.lang, 'exported', { name }),
    files: [
      {
        name,
        contentType: 'text/csv',
        content: resultsToCsv(all, {
          instruments: ctx.instruments,
          locale: outcome.lang,
          centreName: (id) => centreLabel(ctx, id, outcome.lang),
          bom: true,
        }),
      },
      {
        name: `resonet-dictionary-${ctx.asOf}.csv`,
        contentType: 'text/csv' as const,
        content: dataDictionaryCsv(
          ctx.instruments.filter((i) => all.some((r) => r.instrumentId === i.id)),
          outcome.lang,
          { bom: true },
        ),
      },
    ],
  });
});

/** The questions members asked that the knowledge base could not answer well, top first. */
export const unanswered: Flow = (outcome, _message, ctx) => {
  const lang = outcome.lang;
  if (!ctx.isCoordinator) return outcome.say(t(lang, 'notCoordinator'));
  if (!ctx.unanswered) return outcome.say(t(lang, 'unansweredOff'));
  if (!ctx.unanswered.length)
    return outcome.say(t(lang, 'noUnanswered', { days: UNANSWERED_DAYS }));
  return outcome.say('', unansweredCard(ctx.unanswered.slice(0, 10), UNANSWERED_DAYS, lang));
};
