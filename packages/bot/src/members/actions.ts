import type { MemberTurn } from '../memberTurn';
import type { MembershipStore } from '../storage/memberships';

/** What a turn may do with memberships: use an invite, store one, take an open centre. */
export function membershipActions(
  memberships: MembershipStore,
  networkId: string,
  userId: string,
): { join: NonNullable<MemberTurn['join']>; invites: NonNullable<MemberTurn['invites']> } {
  const now = () => new Date().toISOString();
  return {
    join: (code) => memberships.redeem(networkId, code, userId, now()),
    invites: {
      create: (code, invite) => memberships.createInvite(code, invite),
      joinOpen: (centreId) =>
        memberships.grant({
          networkId,
          userId,
          role: 'member',
          centreId,
          grantedBy: 'open-joining',
          grantedAt: now(),
        }),
      requestCentre: async (centreId) => {
        await memberships.requestCentre(networkId, userId, centreId, now());
      },
      approveCentre: async (member) => {
        await memberships.approveCentre(networkId, member, userId, now());
      },
      centreRequests: async () =>
        (await memberships.list(networkId)).flatMap((m) =>
          m.requestedCentreId
            ? [
                {
                  userId: m.userId,
                  requestedCentreId: m.requestedCentreId,
                  ...(m.centreId ? { centreId: m.centreId } : {}),
                },
              ]
            : [],
        ),
    },
  };
}
