/**
 * Who may do what: the one place the bot's roles are defined and checked. Every command
 * and every CLI action asks `can`; a table test holds each action × role.
 */
export const ROLES = ['member', 'focal-point', 'coordinator', 'admin'] as const;

/** A person's role in a network, from least to most: each role may do what those before it may. */
export type Role = (typeof ROLES)[number];

/** What a role may do. */
export type Action =
  /** Ask questions, take assessments, see and export one's own results, delete one's data. */
  | 'use'
  /** See the results of one's own centre. */
  | 'see-centre-results'
  /** See every submission, the network summary, export everything, the unanswered questions. */
  | 'see-network'
  /** Create invite codes for one's own centre (as member). */
  | 'invite-to-own-centre'
  /** Create invite codes for any centre, as member or focal point. */
  | 'invite-to-any-centre'
  /** Grant or revoke a role, up to coordinator. */
  | 'manage-members'
  /** Make coordinators and admins. */
  | 'manage-coordinators';

const LEAST: Readonly<Record<Action, Role>> = {
  use: 'member',
  'see-centre-results': 'focal-point',
  'invite-to-own-centre': 'focal-point',
  'see-network': 'coordinator',
  'invite-to-any-centre': 'coordinator',
  'manage-members': 'coordinator',
  'manage-coordinators': 'admin',
};

const rank = (role: Role) => ROLES.indexOf(role);

/** Whether a role may do an action. */
export const can = (role: Role, action: Action): boolean => rank(role) >= rank(LEAST[action]);

/** Whether a text names a role. */
export const isRole = (value: string): value is Role =>
  (ROLES as readonly string[]).includes(value);

/**
 * Whether `role` may hand out `given` for `centreId`: a focal point invites members to their
 * own centre; a coordinator invites members and focal points anywhere; only an admin makes
 * coordinators and admins.
 */
export function mayGive(
  giver: { role: Role; centreId?: string | undefined },
  given: Role,
  centreId: string | undefined,
): boolean {
  if (given === 'coordinator' || given === 'admin') return can(giver.role, 'manage-coordinators');
  if (can(giver.role, 'invite-to-any-centre')) return true;
  return (
    given === 'member' &&
    can(giver.role, 'invite-to-own-centre') &&
    centreId !== undefined &&
    centreId === giver.centreId
  );
}
