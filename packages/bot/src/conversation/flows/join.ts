import { localize } from '@resonet/core';
import { card, submit, text } from '../../cards/adaptiveCard';
import { welcomeCard } from '../../cards/menus';
import { t } from '../../i18n/catalog';
import { centreLabel, type Flow } from '../flow';
import { dataOf } from '../incoming';

const REFUSED = {
  'no-code': 'joinHint',
  malformed: 'joinMalformed',
  unknown: 'joinUnknown',
  expired: 'joinExpired',
  used: 'joinUsed',
  'too-many': 'joinTooMany',
} as const;

/**
 * "join ABCD-2345": the shell has used the invite code before the turn (ctx.joined); this
 * says what it gave, and the member's buttons now include their role's.
 */
export const join: Flow = (outcome, message, ctx) => {
  const lang = outcome.lang;
  // Where the pack allows it, a member without a role may take a centre of the registry.
  if (
    ctx.branding.openJoining &&
    !ctx.membership &&
    !ctx.isCoordinator &&
    !dataOf(message, 'join')?.code
  )
    return openJoin(outcome, message, ctx);
  const joined = ctx.joined ?? { ok: false as const, error: 'no-code' as const };
  if (!joined.ok) return outcome.say(t(lang, REFUSED[joined.error]));
  const role = t(lang, `role-${joined.role}`);
  const said = joined.centreId
    ? t(lang, 'joinedCentre', { role, centre: centreLabel(ctx, joined.centreId, lang) })
    : t(lang, 'joinedNetwork', { role });
  // The centre is the member's from now on: assessments no longer ask for it.
  return outcome.set(joined.centreId ? { centreId: joined.centreId } : {}).say(
    said,
    welcomeCard(lang, outcome.member.session !== undefined, ctx.branding.welcome, {
      ...ctx,
      membership: joined,
    }),
  );
};

/** Open joining: the list of the network's centres, then the member's choice taken. */
const openJoin: Flow = (outcome, message, ctx) => {
  const lang = outcome.lang;
  const chosen = dataOf(message, 'join')?.centre;
  if (!chosen)
    return outcome.say(
      '',
      card([
        text(t(lang, 'joinChooseCentre'), { weight: 'Bolder' }),
        {
          type: 'Input.ChoiceSet',
          id: 'centre',
          label: t(lang, 'centreListLabel'),
          style: 'compact',
          choices: ctx.centres.map((c) => ({ title: localize(c.name, lang), value: c.id })),
        },
        {
          type: 'ActionSet',
          id: 'primary',
          actions: [submit(t(lang, 'answer'), { action: 'join' }, true)],
        },
      ]),
    );
  if (!ctx.centres.some((c) => c.id === chosen)) return outcome.say(t(lang, 'joinUnknownCentre'));
  const membership = { role: 'member' as const, centreId: chosen };
  return outcome
    .set({ centreId: chosen })
    .effect({ type: 'join-centre', centreId: chosen })
    .say(
      t(lang, 'joinedCentre', {
        role: t(lang, 'role-member'),
        centre: centreLabel(ctx, chosen, lang),
      }),
      welcomeCard(lang, outcome.member.session !== undefined, ctx.branding.welcome, {
        ...ctx,
        membership,
      }),
    );
};
