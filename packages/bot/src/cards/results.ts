import {
  type AnswerValue,
  type AssessmentResult,
  formatAnswer,
  type Instrument,
  instrumentItems,
  localize,
  minRespondents,
  type Network,
  numberText,
  questionText,
  recommend,
  resolveResource,
  resultChartAlt,
} from '@resonet/core';
import { type Lang, t } from '../i18n/catalog';
import { type AdaptiveCard, type CardElement, card, submit, text } from './adaptiveCard';
import { resultChartUrl } from './chartImage';
import { type NextStep, nextSteps } from './menus';

const needLabel = (lang: Lang, level: 'high' | 'moderate' | 'low') =>
  t(lang, level === 'high' ? 'needHigh' : level === 'moderate' ? 'needModerate' : 'needLow');

/** No recommendations is praise only when every scale could be scored. */
const noneSaid = (result: AssessmentResult) =>
  result.scores.every((s) => s.value !== null) ? 'noRecommendations' : 'noRecommendationsUnscored';

/** Each answered question of an unscored form, with its answer. */
function answerFacts(instrument: Instrument, result: AssessmentResult, lang: Lang) {
  return instrumentItems(instrument)
    .filter(({ item }) => result.answers[item.id] !== undefined)
    .map(({ item, section }) => ({
      title: questionText(section, item, lang),
      value: formatAnswer(instrument, item, result.answers[item.id] as AnswerValue, lang),
    }));
}

/**
 * A submitted result: the chart of its scales (need-level colours, targets), the same as a
 * table, the largest gaps, and the ranked recommendations naming the network resource and
 * why; with export buttons.
 */
export function resultCard(
  instrument: Instrument,
  result: AssessmentResult,
  networks: readonly Network[],
  centreName: string,
  lang: Lang,
  next: readonly NextStep[] = [],
): AdaptiveCard {
  const scaleName = (id: string) => {
    const scale = instrument.scales.find((s) => s.id === id);
    return scale ? localize(scale.name, lang) : id;
  };
  // The table is the chart's text: where images do not show, and for screen readers.
  const facts = result.scores.map((s) => ({
    title: scaleName(s.scaleId),
    value:
      s.value === null
        ? t(lang, 'insufficient')
        : `${numberText(s.value, lang)}/${numberText(s.max, lang)}${s.needLevel ? ` · ${needLabel(lang, s.needLevel)}` : ''}`,
  }));
  // A form without scales (a check-in, a census) shows its answers, not an empty chart.
  const scored = instrument.scales.length > 0;
  const chart = scored ? resultChartUrl(instrument, result, lang) : undefined;
  const picture: CardElement[] = chart
    ? [{ type: 'Image', url: chart, altText: resultChartAlt(instrument, result, lang) }]
    : [];
  const figures: CardElement = scored
    ? { type: 'FactSet', facts }
    : { type: 'FactSet', facts: answerFacts(instrument, result, lang) };
  const gaps = result.scores
    .filter((s) => s.gap !== null && s.gap > 0)
    .sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0))
    .slice(0, 3)
    .map((s) => `${scaleName(s.scaleId)} (${numberText(s.gap ?? 0, lang)})`);
  const recommendations = recommend(instrument, result.answers, result.scores)
    .slice(0, 5)
    .map((r, n) => {
      const names = r.resources.map((ref) => {
        const found = resolveResource(networks, ref);
        return found ? localize(found.name, lang) : ref.id;
      });
      return text(`${n + 1}. ${names.join('; ')} — ${localize(r.reason, lang)}`);
    });
  return card(
    [
      text(`${t(lang, 'results')}: ${localize(instrument.title, lang)}`, { weight: 'Bolder' }),
      text(`${t(lang, 'centre')}: ${centreName} · ${t(lang, 'date')}: ${result.submittedAt}`, {
        isSubtle: true,
        size: 'Small',
      }),
      ...picture,
      figures,
      ...(gaps.length ? [text(`${t(lang, 'topGaps')}: ${gaps.join(', ')}`)] : []),
      // A form with no recommendation rules has no recommendations to speak of.
      ...(instrument.recommendations.length
        ? [
            text(t(lang, 'recommendations'), { weight: 'Bolder' }),
            ...(recommendations.length ? recommendations : [text(t(lang, noneSaid(result)))]),
          ]
        : []),
      ...(instrument.respondent?.kind === 'staff'
        ? [text(t(lang, 'staffResult', { min: minRespondents(instrument) }), { isSubtle: true })]
        : []),
      // What the figures are worth: adapted, not validated, until piloted.
      ...(instrument.validation
        ? [text(localize(instrument.validation.note, lang), { isSubtle: true, size: 'Small' })]
        : []),
    ],
    [
      submit(t(lang, 'exportCsv'), { action: 'export', id: result.id, format: 'csv' }),
      submit(t(lang, 'exportMarkdown'), { action: 'export', id: result.id, format: 'md' }),
      // Just submitted: where to go next, on the same card so its exports stay in reach.
      ...nextSteps(lang, next),
    ],
  );
}

/** A member's own submitted results, newest first, each with a button to show it. */
export function resultsListCard(
  rows: readonly { id: string; title: string; centre: string; date: string }[],
  lang: Lang,
): AdaptiveCard {
  return card(
    [
      text(t(lang, 'yourResults'), { weight: 'Bolder' }),
      ...rows.map((r, n) => text(`${n + 1}. ${r.date} · ${r.title} · ${r.centre}`)),
    ],
    rows
      .slice(0, 5)
      .map((r, n) => submit(`${t(lang, 'show')} ${n + 1}`, { action: 'show-result', id: r.id })),
  );
}
