import { localize } from '@resonet/core';
import { card, submit, text } from '../../cards/adaptiveCard';
import { t } from '../../i18n/catalog';
import { can } from '../../members/roles';
import { centreLabel, type Flow } from '../flow';
import { dataOf } from '../incoming';

/** "Change my centre": the member chooses another centre; a coordinator approves the move. */
export const changeCentre: Flow = (outcome, message, ctx) => {
  const lang = outcome.lang;
  const current = ctx.membership?.centreId;
  if (!current) return outcome.say(t(lang, 'changeCentreNoCentre'));
  const chosen = dataOf(message, 'change-centre')?.centre;
  const others = ctx.centres.filter((c) => c.id !== current);
  if (!chosen)
    return outcome.say(
      '',
      card([
        text(t(lang, 'changeCentreChoose', { centre: centreLabel(ctx, current, lang) }), {
          weight: 'Bolder',
        }),
        {
          type: 'Input.ChoiceSet',
          id: 'centre',
          label: t(lang, 'centreListLabel'),
          style: 'compact',
          choices: others.map((c) => ({ title: localize(c.name, lang), value: c.id })),
        },
        {
          type: 'ActionSet',
          id: 'primary',
          actions: [submit(t(lang, 'changeCentreAsk'), { action: 'change-centre' }, true)],
        },
      ]),
    );
  if (!others.some((c) => c.id === chosen)) return outcome.say(t(lang, 'joinUnknownCentre'));
  return outcome
    .effect({ type: 'centre-request', centreId: chosen })
    .say(t(lang, 'changeCentreRequested', { centre: centreLabel(ctx, chosen, lang) }));
};

const approves = (ctx: Parameters<Flow>[2]) =>
  ctx.isCoordinator || (ctx.membership !== undefined && can(ctx.membership.role, 'manage-members'));

/** The members waiting to move centre, each with an Approve button (coordinators). */
export const centreRequests: Flow = (outcome, _message, ctx) => {
  const lang = outcome.lang;
  if (!approves(ctx)) return outcome.say(t(lang, 'notCoordinator'));
  const requests = ctx.centreRequests ?? [];
  if (!requests.length) return outcome.say(t(lang, 'changeCentreNone'));
  const line = (r: (typeof requests)[number]) =>
    t(lang, 'changeCentreLine', {
      user: r.userId,
      from: r.centreId ? centreLabel(ctx, r.centreId, lang) : '—',
      to: centreLabel(ctx, r.requestedCentreId, lang),
    });
  return outcome.say(
    '',
    card([
      text(t(lang, 'changeCentreList'), { weight: 'Bolder' }),
      ...requests.slice(0, 10).flatMap((r) => [
        text(line(r)),
        {
          type: 'ActionSet' as const,
          actions: [
            submit(t(lang, 'changeCentreApprove'), { action: 'approve-centre', user: r.userId }),
          ],
        },
      ]),
    ]),
  );
};

/** A coordinator approves a member's move. */
export const approveCentre: Flow = (outcome, message, ctx) => {
  const lang = outcome.lang;
  if (!approves(ctx)) return outcome.say(t(lang, 'notCoordinator'));
  const user = dataOf(message, 'approve-centre')?.user;
  if (!user) return outcome.say(t(lang, 'changeCentreNone'));
  return outcome
    .effect({ type: 'approve-centre', userId: user })
    .say(t(lang, 'changeCentreApproved', { user }));
};
