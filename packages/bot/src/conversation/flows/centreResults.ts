import { centreScores, localize, summarizeResults, tallyAnswers } from '@resonet/core';
import { summaryCard } from '../../cards/coordinator';
import { t } from '../../i18n/catalog';
import { can } from '../../members/roles';
import { centreLabel, type Flow } from '../flow';

/**
 * A focal point's view of their own centre: the summary of each instrument its staff have
 * answered (the shell loads only that centre's results, and only for its focal point).
 */
export const centreResults: Flow = (outcome, _message, ctx) => {
  const lang = outcome.lang;
  const centreId = ctx.membership?.centreId;
  if (!centreId || !ctx.membership || !can(ctx.membership.role, 'see-centre-results'))
    return outcome.say(t(lang, 'notFocalPoint'));
  const own = (ctx.results ?? []).filter((r) => r.centreId === centreId);
  if (!own.length) return outcome.say(t(lang, 'noCentreResults'));
  return ctx.instruments.reduce((next, instrument) => {
    const results = own.filter((r) => r.instrumentId === instrument.id);
    return results.length
      ? next.say(
          '',
          summaryCard(instrument, summarizeResults(instrument, results), lang, {
            combined: centreScores(instrument, results),
            centreName: (id) => centreLabel(ctx, id, lang),
            tallies: tallyAnswers(instrument, results),
            heading: t(lang, 'centreResultsTitle', {
              centre: centreLabel(ctx, centreId, lang),
              title: localize(instrument.title, lang),
            }),
          }),
        )
      : next;
  }, outcome);
};
