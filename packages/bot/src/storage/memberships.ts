import { createHash, randomInt } from 'node:crypto';
import { CODE_ALPHABET, normaliseCode } from '../members/inviteCode';
import type { Role } from '../members/roles';
import type { Database, Queryable } from './database';

/** A person's place in a network: their role and, for members and focal points, their centre. */
export interface Membership {
  networkId: string;
  userId: string;
  role: Role;
  centreId?: string;
  grantedBy: string;
  grantedAt: string;
  /** The centre the member asked to move to, until a coordinator approves it. */
  requestedCentreId?: string;
}

/** An invite as stored: the code itself is never stored, only its hash. */
export interface Invite {
  networkId: string;
  centreId?: string;
  role: Role;
  createdBy: string;
  expiresAt: string;
}

/** Why an invite code did not work. */
export type InviteRefusal = 'unknown' | 'expired' | 'used';

/** A new invite code, "ABCD-2345". */
export function newInviteCode(): string {
  const letters = Array.from(
    { length: 8 },
    () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
  ).join('');
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}

export { normaliseCode };

const hashOf = (code: string) => createHash('sha256').update(code).digest('hex');

/** Members and their roles in each network, and the invites that bring them in. */
export interface MembershipStore {
  get(networkId: string, userId: string): Promise<Membership | undefined>;
  list(networkId: string): Promise<Membership[]>;
  /** Sets a person's role (and centre), replacing what they had. */
  grant(membership: Membership): Promise<void>;
  /** Removes a person's role; whether they had one. */
  revoke(networkId: string, userId: string): Promise<boolean>;
  /** Records a member's request to move to another centre (replacing an earlier one). */
  requestCentre(networkId: string, userId: string, centreId: string, at: string): Promise<boolean>;
  /** Moves the member to the centre they asked for; the membership as it now is, or none. */
  approveCentre(
    networkId: string,
    userId: string,
    by: string,
    at: string,
  ): Promise<Membership | undefined>;
  /** Stores an invite under the hash of its code. */
  createInvite(code: string, invite: Invite): Promise<void>;
  /**
   * Uses an invite once: the person gets its role and centre. Refused when the code is
   * unknown, expired (`now` past its expiry) or already used.
   */
  redeem(
    networkId: string,
    code: string,
    userId: string,
    now: string,
  ): Promise<{ ok: true; value: Membership } | { ok: false; error: InviteRefusal }>;
}

export class MemoryMembershipStore implements MembershipStore {
  private readonly members = new Map<string, Membership>();
  private readonly invites = new Map<string, Invite & { usedBy?: string }>();
  private readonly key = (networkId: string, userId: string) => `${networkId}\u0000${userId}`;

  async get(networkId: string, userId: string) {
    const found = this.members.get(this.key(networkId, userId));
    return found ? { ...found } : undefined;
  }

  async list(networkId: string) {
    return [...this.members.values()]
      .filter((m) => m.networkId === networkId)
      .sort((a, b) => (a.userId < b.userId ? -1 : 1));
  }

  async grant(membership: Membership) {
    this.members.set(this.key(membership.networkId, membership.userId), { ...membership });
  }

  async revoke(networkId: string, userId: string) {
    return this.members.delete(this.key(networkId, userId));
  }

  async requestCentre(networkId: string, userId: string, centreId: string) {
    const found = this.members.get(this.key(networkId, userId));
    if (!found) return false;
    found.requestedCentreId = centreId;
    return true;
  }

  async approveCentre(networkId: string, userId: string, by: string, at: string) {
    const found = this.members.get(this.key(networkId, userId));
    if (!found?.requestedCentreId) return undefined;
    const { requestedCentreId, ...rest } = found;
    const moved = { ...rest, centreId: requestedCentreId, grantedBy: by, grantedAt: at };
    this.members.set(this.key(networkId, userId), moved);
    return { ...moved };
  }

  async createInvite(code: string, invite: Invite) {
    this.invites.set(hashOf(code), { ...invite });
  }

  async redeem(networkId: string, code: string, userId: string, now: string) {
    const invite = this.invites.get(hashOf(code));
    if (!invite || invite.networkId !== networkId)
      return { ok: false as const, error: 'unknown' as const };
    if (invite.usedBy) return { ok: false as const, error: 'used' as const };
    if (now > invite.expiresAt) return { ok: false as const, error: 'expired' as const };
    invite.usedBy = userId;
    const membership: Membership = {
      networkId,
      userId,
      role: invite.role,
      ...(invite.centreId ? { centreId: invite.centreId } : {}),
      grantedBy: invite.createdBy,
      grantedAt: now,
    };
    await this.grant(membership);
    return { ok: true as const, value: membership };
  }
}

interface MemberRow {
  network_id: string;
  user_id: string;
  role: Role;
  centre_id: string | null;
  granted_by: string;
  granted_at: Date | string;
  requested_centre_id: string | null;
}

const fromRow = (r: MemberRow): Membership => ({
  networkId: r.network_id,
  userId: r.user_id,
  role: r.role,
  ...(r.centre_id ? { centreId: r.centre_id } : {}),
  grantedBy: r.granted_by,
  grantedAt: new Date(r.granted_at).toISOString(),
  ...(r.requested_centre_id ? { requestedCentreId: r.requested_centre_id } : {}),
});

export class SqlMembershipStore implements MembershipStore {
  constructor(private readonly db: Database) {}

  async get(networkId: string, userId: string) {
    const [row] = await this.db.query<MemberRow>(
      'select * from memberships where network_id = $1 and user_id = $2',
      [networkId, userId],
    );
    return row ? fromRow(row) : undefined;
  }

  async list(networkId: string) {
    const rows = await this.db.query<MemberRow>(
      'select * from memberships where network_id = $1 order by user_id',
      [networkId],
    );
    return rows.map(fromRow);
  }

  async grant(m: Membership, on: Queryable = this.db) {
    await on.query(
      `insert into memberships (network_id, user_id, role, centre_id, granted_by, granted_at)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (network_id, user_id) do update set role = excluded.role,
         centre_id = excluded.centre_id, granted_by = excluded.granted_by, granted_at = excluded.granted_at`,
      [m.networkId, m.userId, m.role, m.centreId ?? null, m.grantedBy, m.grantedAt],
    );
  }

  async revoke(networkId: string, userId: string) {
    const gone = await this.db.query(
      'delete from memberships where network_id = $1 and user_id = $2 returning user_id',
      [networkId, userId],
    );
    return gone.length > 0;
  }

  async requestCentre(networkId: string, userId: string, centreId: string, at: string) {
    const rows = await this.db.query(
      'update memberships set requested_centre_id = $3, requested_at = $4 where network_id = $1 and user_id = $2 returning user_id',
      [networkId, userId, centreId, at],
    );
    return rows.length > 0;
  }

  async approveCentre(networkId: string, userId: string, by: string, at: string) {
    const [row] = await this.db.query<MemberRow>(
      `update memberships set centre_id = requested_centre_id, requested_centre_id = null,
         requested_at = null, granted_by = $3, granted_at = $4
       where network_id = $1 and user_id = $2 and requested_centre_id is not null returning *`,
      [networkId, userId, by, at],
    );
    return row ? fromRow(row) : undefined;
  }

  async createInvite(code: string, invite: Invite) {
    await this.db.query(
      `insert into invites (code_hash, network_id, centre_id, role, created_by, expires_at)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        hashOf(code),
        invite.networkId,
        invite.centreId ?? null,
        invite.role,
        invite.createdBy,
        invite.expiresAt,
      ],
    );
  }

  async redeem(networkId: string, code: string, userId: string, now: string) {
    return this.db.transaction(async (tx) => {
      // Locked while it is used: two people typing one code at once cannot both join.
      const [invite] = await tx.query<{
        centre_id: string | null;
        role: Role;
        created_by: string;
        expires_at: Date | string;
        used_by: string | null;
      }>('select * from invites where code_hash = $1 and network_id = $2 for update', [
        hashOf(code),
        networkId,
      ]);
      if (!invite) return { ok: false as const, error: 'unknown' as const };
      if (invite.used_by) return { ok: false as const, error: 'used' as const };
      if (now > new Date(invite.expires_at).toISOString())
        return { ok: false as const, error: 'expired' as const };
      await tx.query('update invites set used_by = $1, used_at = $2 where code_hash = $3', [
        userId,
        now,
        hashOf(code),
      ]);
      const membership: Membership = {
        networkId,
        userId,
        role: invite.role,
        ...(invite.centre_id ? { centreId: invite.centre_id } : {}),
        grantedBy: invite.created_by,
        grantedAt: now,
      };
      await this.grant(membership, tx);
      return { ok: true as const, value: membership };
    });
  }
}
