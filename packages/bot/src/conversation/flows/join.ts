import { welcomeCard } from '../../cards/menus';
import { t } from '../../i18n/catalog';
import { centreLabel, type Flow } from '../flow';

const REFUSED = {
  'no-code': 'joinHint',
  malformed: 'joinMalformed',
  unknown: 'joinUnknown',
  expired: 'joinExpired',
  used: 'joinUsed',
} as const;

/**
 * "join ABCD-2345": the shell has used the invite code before the turn (ctx.joined); this
 * says what it gave, and the member's buttons now include their role's.
 */
export const join: Flow = (outcome, _message, ctx) => {
  const lang = outcome.lang;
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
