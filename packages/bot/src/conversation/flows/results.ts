import {
  dataDictionaryCsv,
  recommend,
  resolveResource,
  resultsToCsv,
  resultToMarkdown,
} from '@resonet/core';
import { resultCard, resultsListCard } from '../../cards/results';
import { t } from '../../i18n/catalog';
import { centreLabel, type Flow, instrumentOf, ownResults, titleOf } from '../flow';
import { dataOf } from '../incoming';

/** The member's own results, as a list to open. */
export const myResults: Flow = (outcome, _message, ctx) => {
  const lang = outcome.lang;
  const rows = ownResults(ctx).map((r) => ({
    id: r.id,
    title: titleOf(ctx, r.instrumentId, lang),
    centre: centreLabel(ctx, r.centreId, lang),
    date: r.submittedAt,
  }));
  return rows.length
    ? outcome.say('', resultsListCard(rows, lang))
    : outcome.say(t(lang, 'noResults'));
};

/** One of the member's results, with its scores and recommendations. */
export const showResult: Flow = (outcome, message, ctx) => {
  const lang = outcome.lang;
  const id = dataOf(message, 'show-result')?.id;
  const result = ownResults(ctx).find((r) => r.id === id);
  const instrument = result && instrumentOf(ctx, result.instrumentId);
  if (!result || !instrument) return outcome.say(t(lang, 'resultNotFound'));
  return outcome.say(
    '',
    resultCard(instrument, result, ctx.networks, centreLabel(ctx, result.centreId, lang), lang),
  );
};

/** One of the member's results as a CSV or Markdown file. */
export const exportResult: Flow = (outcome, message, ctx) => {
  const lang = outcome.lang;
  const data = dataOf(message, 'export');
  const result = ownResults(ctx).find((r) => r.id === data?.id);
  const instrument = result && instrumentOf(ctx, result.instrumentId);
  if (!result || !instrument) return outcome.say(t(lang, 'resultNotFound'));
  const markdown = data?.format === 'md';
  const name = `${instrument.id}-${result.submittedAt}.${markdown ? 'md' : 'csv'}`;
  const content = markdown
    ? resultToMarkdown(
        instrument,
        result,
        recommend(instrument, result.answers, result.scores),
        lang,
        (ref) => resolveResource(ctx.networks, ref)?.name,
        (id) => centreLabel(ctx, id, lang),
      )
    : resultsToCsv([result], {
        instruments: [instrument],
        locale: lang,
        centreName: (id) => centreLabel(ctx, id, lang),
        bom: true,
      });
  return outcome.send({
    text: t(lang, 'exported', { name }),
    files: [
      { name, contentType: markdown ? 'text/markdown' : 'text/csv', content },
      // A CSV is read with its dictionary: what each item and scale id means.
      ...(markdown
        ? []
        : [
            {
              name: `${instrument.id}-${instrument.version}-dictionary.csv`,
              contentType: 'text/csv' as const,
              content: dataDictionaryCsv([instrument], lang, { bom: true }),
            },
          ]),
    ],
  });
};

/** Everything stored about the member, as one JSON file. */
export const myData: Flow = (outcome, _message, ctx) => {
  const name = 'resonet-my-data.json';
  const data = {
    exportedOn: ctx.asOf,
    userId: ctx.userId,
    state: outcome.member,
    results: ownResults(ctx),
  };
  return outcome.send({
    text: t(outcome.lang, 'exported', { name }),
    files: [{ name, contentType: 'application/json', content: JSON.stringify(data, null, 2) }],
  });
};
