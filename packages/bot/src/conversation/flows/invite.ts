import { localize } from '@resonet/core';
import { type AdaptiveCard, card, submit, text } from '../../cards/adaptiveCard';
import { type Lang, t } from '../../i18n/catalog';
import { inviteCodeFrom } from '../../members/inviteCode';
import { can, isRole, mayGive, type Role } from '../../members/roles';
import { centreLabel, type EngineContext, type Flow } from '../flow';
import { dataOf } from '../incoming';

const DAY_MS = 24 * 60 * 60 * 1000;
const VALID_DAYS = 14;

/** The person inviting: their role (a bootstrap coordinator is an admin) and centre. */
function giverOf(ctx: EngineContext): { role: Role; centreId?: string } | undefined {
  if (ctx.membership) return ctx.membership;
  return ctx.isCoordinator ? { role: 'admin' } : undefined;
}

/** The roles and centres this person may hand out, as a card to choose from. */
function inviteCard(
  lang: Lang,
  ctx: EngineContext,
  giver: { role: Role; centreId?: string },
): AdaptiveCard {
  const roles = (['member', 'focal-point', 'coordinator'] as const).filter((r) =>
    mayGive(giver, r, r === 'coordinator' ? undefined : (giver.centreId ?? ctx.centres[0]?.id)),
  );
  const centres = can(giver.role, 'invite-to-any-centre')
    ? ctx.centres
    : ctx.centres.filter((c) => c.id === giver.centreId);
  return card([
    text(t(lang, 'inviteChoose'), { weight: 'Bolder' }),
    {
      type: 'Input.ChoiceSet',
      id: 'role',
      label: t(lang, 'inviteRoleLabel'),
      style: 'expanded',
      value: 'member',
      choices: roles.map((r) => ({ title: t(lang, `roleTitle-${r}`), value: r })),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'centre',
      label: t(lang, 'inviteCentreLabel'),
      style: 'compact',
      ...(centres[0] ? { value: centres[0].id } : {}),
      choices: centres.map((c) => ({ title: localize(c.name, lang), value: c.id })),
    },
    {
      type: 'ActionSet',
      id: 'primary',
      actions: [submit(t(lang, 'inviteCreate'), { action: 'invite' }, true)],
    },
  ]);
}

/**
 * "Invite": a focal point invites members to their centre; a coordinator members and focal
 * points anywhere (an admin coordinators too). The code is shown once, and stored hashed.
 */
export const invite: Flow = (outcome, message, ctx) => {
  const lang = outcome.lang;
  const giver = giverOf(ctx);
  if (!giver || !can(giver.role, 'invite-to-own-centre'))
    return outcome.say(t(lang, 'inviteNotAllowed'));
  const data = dataOf(message, 'invite');
  if (!data?.role) return outcome.say('', inviteCard(lang, ctx, giver));
  const role = data.role;
  const centreId = role === 'coordinator' || role === 'admin' ? undefined : data.centre;
  const known = centreId === undefined || ctx.centres.some((c) => c.id === centreId);
  if (
    !isRole(role) ||
    !known ||
    (role !== 'coordinator' && role !== 'admin' && !centreId) ||
    !mayGive(giver, role, centreId)
  )
    return outcome.say(t(lang, 'inviteNotAllowed'), inviteCard(lang, ctx, giver));
  const code = inviteCodeFrom(ctx.newId());
  const expiresAt = new Date(
    Date.parse(`${ctx.asOf}T23:59:59Z`) + VALID_DAYS * DAY_MS,
  ).toISOString();
  const networkId = ctx.networks[0]?.id ?? 'network';
  return outcome
    .effect({
      type: 'invite',
      code,
      invite: {
        networkId,
        ...(centreId ? { centreId } : {}),
        role,
        createdBy: ctx.userId,
        expiresAt,
      },
    })
    .say(
      t(lang, 'inviteMade', {
        code,
        role: t(lang, `role-${role}`),
        where: centreId
          ? centreLabel(ctx, centreId, lang)
          : localize(ctx.networks[0]?.name ?? { en: networkId }, lang),
        expires: expiresAt.slice(0, 10),
      }),
    );
};
