import {
  type CentreScaleScore,
  type Instrument,
  localize,
  minRespondents,
  type NetworkSummary,
  needLevelOf,
  numberText,
  scaleBounds,
} from '@resonet/core';
import type { UnansweredGroup } from '../answers/unanswered';
import { type Lang, t } from '../i18n/catalog';
import { type AdaptiveCard, card, text } from './adaptiveCard';

/** Who submitted what, without answers or respondents: centre, assessment and date. */
export function submissionsCard(
  rows: readonly { title: string; centre: string; date: string }[],
  lang: Lang,
): AdaptiveCard {
  return card([
    text(t(lang, 'submissions', { count: rows.length }), { weight: 'Bolder' }),
    {
      type: 'FactSet',
      facts: rows.map((r) => ({ title: r.date, value: `${r.title} · ${r.centre}` })),
    },
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

/**
 * The network picture for one instrument, from the core aggregation; for a staff-level
 * instrument, each centre's number of staff answering and whether it counts yet.
 */
export function summaryCard(
  instrument: Instrument,
  summary: NetworkSummary,
  lang: Lang,
  centres?: { combined: readonly CentreScaleScore[]; centreName: (id: string) => string },
): AdaptiveCard {
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
    text(t(lang, 'summaryTitle', { title: localize(instrument.title, lang) }), {
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
