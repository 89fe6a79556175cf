import {
  type AnswerTally,
  type CentreScaleScore,
  formatAnswer,
  type Instrument,
  instrumentItems,
  localize,
  minRespondents,
  type NetworkSummary,
  needLevelOf,
  numberText,
  scaleBounds,
} from '@resonet/core';
import type { UnansweredGroup } from '../answers/unanswered';
import { type Lang, t } from '../i18n/catalog';
import { type AdaptiveCard, card, submit, text } from './adaptiveCard';

/**
 * Who submitted what, without answers or respondents: centre, assessment and date, newest
 * first, with the total; `older` (where the next page starts) adds a button to it.
 */
export function submissionsCard(
  rows: readonly { title: string; centre: string; date: string }[],
  total: number,
  lang: Lang,
  older?: string,
): AdaptiveCard {
  return card([
    text(t(lang, 'submissions', { count: total }), { weight: 'Bolder' }),
    {
      type: 'FactSet',
      facts: rows.map((r) => ({ title: r.date, value: `${r.title} · ${r.centre}` })),
    },
    ...(older
      ? [
          {
            type: 'ActionSet' as const,
            actions: [
              submit(t(lang, 'olderSubmissions'), { action: 'submissions', before: older }),
            ],
          },
        ]
      : []),
  ]);
}

const NEED_KEYS = { high: 'needHigh', moderate: 'needModerate', low: 'needLow' } as const;

/** Each centre's respondents, and whether its combined figures are shown yet. */
function centreRows(
  instrument: Instrument,
  combined: readonly CentreScaleScore[],
  centreName: (id: string) => string,
  lang: Lang,
) {
  const byCentre = new Map<string, { n: number; shown: boolean }>();
  for (const c of combined) {
    const seen = byCentre.get(c.centreId) ?? { n: 0, shown: false };
    byCentre.set(c.centreId, { n: Math.max(seen.n, c.n), shown: seen.shown || c.shown });
  }
  const min = minRespondents(instrument);
  return [...byCentre.entries()].map(([id, c]) => ({
    title: centreName(id),
    value: t(lang, c.shown ? 'centreShown' : 'centreWithheld', { n: c.n, min }),
  }));
}

/** One question's answers in a line: "Yes 3 · No 1", "mean 11.5 (8–15)", "2 answers". */
function tallyLine(instrument: Instrument, tally: AnswerTally, lang: Lang): string {
  const item = instrumentItems(instrument).find((i) => i.item.id === tally.itemId)?.item;
  if (!item || !tally.answered) return t(lang, 'tallyNone');
  if (tally.kind === 'numbers')
    return t(lang, 'tallyNumbers', {
      mean: numberText(tally.mean, lang),
      min: numberText(tally.min, lang),
      max: numberText(tally.max, lang),
      count: tally.answered,
    });
  if (tally.kind === 'answers') return t(lang, 'tallyAnswers', { count: tally.answered });
  const value = (c: string) =>
    item.type === 'yes-no' ? c === 'yes' : item.type === 'likert' ? Number(c) : c;
  return tally.counts
    .filter((c) => c.count > 0)
    .map((c) => `${formatAnswer(instrument, item, value(c.value), lang)}: ${c.count}`)
    .join(' · ');
}

/** A form without scales: each question's answers, counted (withheld below the minimum). */
function tallyFacts(instrument: Instrument, tallies: readonly AnswerTally[], lang: Lang) {
  const questions = new Map(instrumentItems(instrument).map(({ item }) => [item.id, item.text]));
  return {
    type: 'FactSet' as const,
    facts: tallies.map((tally) => ({
      title: localize(questions.get(tally.itemId) ?? { en: tally.itemId }, lang),
      value: tallyLine(instrument, tally, lang),
    })),
  };
}

/**
 * The network picture for one instrument, from the core aggregation; for a staff-level
 * instrument, each centre's number of staff answering and whether it counts yet. A form
 * without scales shows each question's answers counted instead (`tallies`).
 */
export function summaryCard(
  instrument: Instrument,
  summary: NetworkSummary,
  lang: Lang,
  centres?: {
    combined: readonly CentreScaleScore[];
    centreName: (id: string) => string;
    tallies?: readonly AnswerTally[];
    heading?: string;
  },
): AdaptiveCard {
  if (!instrument.scales.length) return answersCard(instrument, summary, lang, centres);
  const name = (id: string) => {
    const scale = instrument.scales.find((s) => s.id === id);
    return scale ? localize(scale.name, lang) : id;
  };
  // A mean is read against its scale's range and need level: "mean 30 of 50, moderate need".
  const line = (s: NetworkSummary['scales'][number]) => {
    const scale = instrument.scales.find((c) => c.id === s.scaleId);
    if (s.mean === null || !scale) return t(lang, 'summaryScaleNone');
    const level = needLevelOf(scale, s.mean);
    return t(lang, 'summaryScale', {
      mean: numberText(s.mean, lang),
      max: numberText(scaleBounds(instrument, scale).max, lang),
      level: level ? t(lang, NEED_KEYS[level]) : '—',
      share: Math.round(s.highNeedShare * 100),
    });
  };
  return card([
    text(centres?.heading ?? t(lang, 'summaryTitle', { title: localize(instrument.title, lang) }), {
      weight: 'Bolder',
    }),
    text(t(lang, 'summaryLine', { results: summary.results, centres: summary.centres }), {
      isSubtle: true,
    }),
    {
      type: 'FactSet',
      facts: summary.scales.map((s) => ({ title: name(s.scaleId), value: line(s) })),
    },
    ...(instrument.respondent?.kind === 'staff'
      ? [
          text(t(lang, 'summaryMinimum', { min: minRespondents(instrument) }), {
            isSubtle: true,
          }),
          ...(centres
            ? [
                {
                  type: 'FactSet' as const,
                  facts: centreRows(instrument, centres.combined, centres.centreName, lang),
                },
              ]
            : []),
        ]
      : []),
    text(
      t(lang, 'summaryRanking', {
        ranking: summary.ranking.slice(0, 3).map(name).join(' › '),
      }),
    ),
  ]);
}

/** The summary of a form without scales: its questions' answers, counted. */
function answersCard(
  instrument: Instrument,
  summary: NetworkSummary,
  lang: Lang,
  options?: { tallies?: readonly AnswerTally[]; heading?: string },
): AdaptiveCard {
  // Staff answer one by one: below the minimum, counts would show a person's own answers.
  const withheld =
    instrument.respondent?.kind === 'staff' && summary.results < minRespondents(instrument);
  return card([
    text(options?.heading ?? t(lang, 'summaryTitle', { title: localize(instrument.title, lang) }), {
      weight: 'Bolder',
    }),
    text(t(lang, 'summaryLine', { results: summary.results, centres: summary.centres }), {
      isSubtle: true,
    }),
    withheld
      ? text(t(lang, 'tallyWithheld', { min: minRespondents(instrument) }), { isSubtle: true })
      : tallyFacts(instrument, options?.tallies ?? [], lang),
  ]);
}

/**
 * The unanswered questions, grouped: what members asked (the commonest wording), how often,
 * in which languages, when last, and the entry it came closest to. Nobody is named: the log
 * keeps no ids.
 */
export function unansweredCard(
  groups: readonly UnansweredGroup[],
  days: number,
  lang: Lang,
): AdaptiveCard {
  return card([
    text(t(lang, 'unansweredTitle', { days, count: groups.length }), { weight: 'Bolder' }),
    {
      type: 'FactSet',
      facts: groups.map((g) => ({
        title: g.question,
        value: t(lang, 'unansweredLine', {
          count: g.count,
          langs: g.langs.join(', '),
          date: g.lastAsked.toISOString().slice(0, 10),
          nearest: g.nearest[0] ? t(lang, 'unansweredNearest', { entry: g.nearest[0] }) : '',
        }),
      })),
    },
  ]);
}
