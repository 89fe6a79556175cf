import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS, type Command } from '../src/conversation/commands';
import { replyText } from '../src/conversation/reply';
import { CATALOGS } from '../src/i18n/catalog';
import { membershipActions } from '../src/members/actions';
import { JoinAttempts } from '../src/members/joinAttempts';
import { type Action, can, mayGive, ROLES, type Role } from '../src/members/roles';
import { type MemberTurn, runMemberTurn } from '../src/memberTurn';
import { openEmbedded } from '../src/storage/embedded';
import { MemoryMemberStore } from '../src/storage/members';
import {
  type MembershipStore,
  MemoryMembershipStore,
  newInviteCode,
  normaliseCode,
  SqlMembershipStore,
} from '../src/storage/memberships';
import { migrate } from '../src/storage/migrations';
import { openPostgres } from '../src/storage/postgres';
import { MemoryResultStore } from '../src/storage/results';
import { talk } from './support/client';
import { context } from './support/conversation';
import { freshDataDir, freshPostgres, postgresSkipReason } from './support/databases';
import { assertBuilt, runCli, startBot } from './support/processes';

const en = CATALOGS.en;

describe('what each role may do (the one policy)', () => {
  const TABLE: Record<Action, Record<Role, boolean>> = {
    use: { member: true, 'focal-point': true, coordinator: true, admin: true },
    'see-centre-results': { member: false, 'focal-point': true, coordinator: true, admin: true },
    'invite-to-own-centre': { member: false, 'focal-point': true, coordinator: true, admin: true },
    'see-network': { member: false, 'focal-point': false, coordinator: true, admin: true },
    'invite-to-any-centre': { member: false, 'focal-point': false, coordinator: true, admin: true },
    'manage-members': { member: false, 'focal-point': false, coordinator: true, admin: true },
    'manage-coordinators': { member: false, 'focal-point': false, coordinator: false, admin: true },
  };
  it.each(Object.entries(TABLE))('%s', (action, expected) => {
    for (const role of ROLES) expect(can(role, action as Action), role).toBe(expected[role]);
  });

  it('lets a focal point invite members to their own centre only, and only admins make coordinators', () => {
    const focal = { role: 'focal-point' as const, centreId: 'example-a' };
    expect(mayGive(focal, 'member', 'example-a')).toBe(true);
    expect(mayGive(focal, 'member', 'example-b')).toBe(false);
    expect(mayGive(focal, 'focal-point', 'example-a')).toBe(false);
    expect(mayGive({ role: 'coordinator' }, 'focal-point', 'example-b')).toBe(true);
    expect(mayGive({ role: 'coordinator' }, 'coordinator', undefined)).toBe(false);
    expect(mayGive({ role: 'admin' }, 'coordinator', undefined)).toBe(true);
    expect(mayGive({ role: 'member', centreId: 'example-a' }, 'member', 'example-a')).toBe(false);
  });
});

/** One turn for a person with a role, through the shell every channel uses. */
function turnAs(who: Partial<MemberTurn>, incoming: MemberTurn['incoming']) {
  const results = who.results ?? new MemoryResultStore();
  return runMemberTurn({
    members: new MemoryMemberStore(results),
    results,
    key: `example/${who.userId ?? 'user'}`,
    userId: 'example-user',
    isCoordinator: false,
    conversation: { state: { welcomed: true } },
    incoming,
    context: context(),
    unreadable: () => 'unreadable',
    ...who,
  });
}

/** One typed turn, and what the person read. */
async function say(text: string, who: Partial<MemberTurn>) {
  const { outcome } = await turnAs(who, { type: 'message', text });
  return { text: outcome.replies.map(replyText).join('\n'), outcome };
}

/** What a person read after pressing a button. */
async function press(value: Record<string, unknown>, who: Partial<MemberTurn>) {
  const { outcome } = await turnAs(who, { type: 'message', value });
  return { text: outcome.replies.map(replyText).join('\n'), outcome };
}

const COORDINATOR_COMMANDS: Command[] = [
  'submissions',
  'summary',
  'export-all',
  'unanswered',
  'centre-requests',
];

describe('every command × role', () => {
  const typed = (Object.keys(COMMANDS) as Command[]).filter((c) => COMMANDS[c].words.en.length);
  it.each(ROLES)('%s', async (role) => {
    for (const command of typed) {
      const { text } = await say(COMMANDS[command].words.en[0] ?? command, {
        membership: { role, centreId: 'example-resource-centre-vn' },
      });
      const refused = text.includes(en.notCoordinator) || text.includes(en.notFocalPoint);
      const allowed =
        command === 'centre-results'
          ? can(role, 'see-centre-results')
          : !COORDINATOR_COMMANDS.includes(command) || can(role, 'see-network');
      expect(refused, `${role} × ${command}: ${text.slice(0, 80)}`).toBe(!allowed);
    }
  });

  it('shows people with a role its actions as buttons, and others the way to join', async () => {
    const titles = async (who: Partial<MemberTurn>) => {
      const { outcome } = await say('help', who);
      const card = outcome.replies.find((r) => r.card)?.card as { actions?: { title: string }[] };
      return JSON.stringify(card);
    };
    const coordinator = await titles({ membership: { role: 'coordinator' } });
    expect(coordinator).toContain(en.summaryButton);
    expect(coordinator).not.toContain(en.joinButton);
    const member = await titles({
      membership: { role: 'member', centreId: 'example-resource-centre-vn' },
    });
    expect(member).not.toContain(en.summaryButton);
    const stranger = await titles({});
    expect(stranger).toContain(en.joinButton);
  });
});

describe('a member cannot read another member’s or centre’s results', () => {
  it('finds no result of someone else by its id', async () => {
    const { text } = await say('hi', {
      membership: { role: 'focal-point', centreId: 'example-a' },
    });
    expect(text).toBeDefined();
    const shown = await press(
      { action: 'show-result', id: 'someone-elses-result' },
      { membership: { role: 'focal-point', centreId: 'example-a' } },
    );
    expect(shown.text).toContain(en.resultNotFound);
  });
});

function inviteContract(
  name: string,
  open: () => Promise<{ store: MembershipStore; close: () => Promise<void> }>,
) {
  describe(`${name} invites`, () => {
    it('work once, until they expire, and only in their network', async () => {
      const { store, close } = await open();
      try {
        const code = newInviteCode();
        await store.createInvite(code, {
          networkId: 'example-net',
          centreId: 'example-a',
          role: 'member',
          createdBy: 'example-admin',
          expiresAt: '2026-12-18T00:00:00.000Z',
        });
        expect(
          await store.redeem('other-net', code, 'example-u1', '2026-12-05T00:00:00.000Z'),
        ).toEqual({ ok: false, error: 'unknown' });
        const used = await store.redeem(
          'example-net',
          code,
          'example-u1',
          '2026-12-05T00:00:00.000Z',
        );
        expect(used).toMatchObject({
          ok: true,
          value: { role: 'member', centreId: 'example-a', grantedBy: 'example-admin' },
        });
        expect(
          await store.redeem('example-net', code, 'example-u2', '2026-12-05T00:00:00.000Z'),
        ).toEqual({ ok: false, error: 'used' });
        expect(await store.get('example-net', 'example-u1')).toMatchObject({
          role: 'member',
          centreId: 'example-a',
        });
        const late = newInviteCode();
        await store.createInvite(late, {
          networkId: 'example-net',
          role: 'coordinator',
          createdBy: 'example-admin',
          expiresAt: '2026-12-01T00:00:00.000Z',
        });
        expect(
          await store.redeem('example-net', late, 'example-u3', '2026-12-05T00:00:00.000Z'),
        ).toEqual({ ok: false, error: 'expired' });
        expect(
          await store.redeem('example-net', 'ZZZZ-ZZZZ', 'example-u3', '2026-12-05T00:00:00.000Z'),
        ).toEqual({ ok: false, error: 'unknown' });
        await store.grant({
          networkId: 'example-net',
          userId: 'example-u4',
          role: 'focal-point',
          centreId: 'example-b',
          grantedBy: 'cli',
          grantedAt: '2026-12-05T00:00:00.000Z',
        });
        expect((await store.list('example-net')).map((m) => [m.userId, m.role])).toEqual([
          ['example-u1', 'member'],
          ['example-u4', 'focal-point'],
        ]);
        expect(await store.revoke('example-net', 'example-u4')).toBe(true);
        expect(await store.revoke('example-net', 'example-u4')).toBe(false);
      } finally {
        await close();
      }
    });

    if (name !== 'memory')
      it('lets only one of two people typing one code at once join', async () => {
        const { store, close } = await open();
        try {
          const code = newInviteCode();
          await store.createInvite(code, {
            networkId: 'example-net',
            centreId: 'example-a',
            role: 'member',
            createdBy: 'example-admin',
            expiresAt: '2027-01-01T00:00:00.000Z',
          });
          const both = await Promise.all(
            ['example-a1', 'example-a2'].map((u) =>
              store.redeem('example-net', code, u, '2026-12-05T00:00:00.000Z'),
            ),
          );
          expect(both.filter((r) => r.ok)).toHaveLength(1);
        } finally {
          await close();
        }
      });
  });
}

inviteContract('memory', async () => ({
  store: new MemoryMembershipStore(),
  close: async () => {},
}));
inviteContract('embedded', async () => {
  const data = freshDataDir();
  const db = await openEmbedded(data.dir);
  await migrate(db);
  return {
    store: new SqlMembershipStore(db),
    close: async () => {
      await db.close();
      data.remove();
    },
  };
});
describe.skipIf(Boolean(postgresSkipReason))('PostgreSQL', () => {
  inviteContract('postgres', async () => {
    const fresh = await freshPostgres();
    const db = await openPostgres(fresh.url);
    await migrate(db);
    return {
      store: new SqlMembershipStore(db),
      close: async () => {
        await db.close();
        await fresh.drop();
      },
    };
  });
});

/** A code inviting a member to the example centre, stored in `memberships`. */
async function memberInvite(memberships: MembershipStore) {
  const code = newInviteCode();
  await memberships.createInvite(code, {
    networkId: 'treatnet',
    role: 'member',
    centreId: 'example-resource-centre-vn',
    createdBy: 'example-admin',
    expiresAt: '2999-01-01T00:00:00.000Z',
  });
  return code;
}

describe('joining in chat with an invite code', () => {
  it('gives the role and the centre, which assessments then use without asking', async () => {
    const memberships = new MemoryMembershipStore();
    const code = await memberInvite(memberships);
    const join = (userId: string) => (typed: string) =>
      memberships.redeem('treatnet', typed, userId, '2026-12-05T00:00:00.000Z');
    const joined = await say(`join ${code.toLowerCase().replace('-', ' ')}`, {
      userId: 'example-u1',
      join: join('example-u1'),
    });
    expect(joined.text).toContain('You are now a member at');
    const membership = await memberships.get('treatnet', 'example-u1');
    expect(membership).toMatchObject({ role: 'member', centreId: 'example-resource-centre-vn' });
    // Starting an assessment goes straight to its first question: the centre is known.
    const joinedMember: Partial<MemberTurn> = {
      userId: 'example-u1',
      membership: { role: 'member', centreId: 'example-resource-centre-vn' },
      members: new MemoryMemberStore(new MemoryResultStore()),
    };
    await say('start', joinedMember);
    const chosen = await say('1', joinedMember);
    expect(chosen.text).not.toContain(en.chooseCentre);
    expect(chosen.outcome.member.session?.centreId).toBe('example-resource-centre-vn');
    // The same code again, for someone else: used.
    expect(
      (await say(`join ${code}`, { userId: 'example-u2', join: join('example-u2') })).text,
    ).toContain(en.joinUsed);
  });

  it('says what is wrong with a code, in Vietnamese too', async () => {
    expect(
      (await say('join', { join: async () => ({ ok: false, error: 'unknown' }) })).text,
    ).toContain(en.joinHint);
    expect(
      (await say('join 12', { join: async () => ({ ok: false, error: 'unknown' }) })).text,
    ).toBe(
      // Too short to be a code: not read as a join at all, so it is a question.
      (await say('join 12', {})).text,
    );
    expect(
      (await say('join ABCD-EFG1', { join: async () => ({ ok: false, error: 'unknown' }) })).text,
    ).toContain(en.joinMalformed);
    expect(
      (await say('tham gia ABCD-EFGH', { join: async () => ({ ok: false, error: 'expired' }) }))
        .text,
    ).toContain(CATALOGS.vi.joinExpired);
    expect(normaliseCode('abcd efgh')).toBe('ABCD-EFGH');
    expect(normaliseCode('ABCD-EFG0')).toBeUndefined();
  });
});

describe('guessing invite codes', () => {
  it('stops a person after five wrong codes, even a right one next, until a quarter of an hour has passed', async () => {
    let clock = 0;
    const attempts = new JoinAttempts(undefined, () => clock);
    const memberships = new MemoryMembershipStore();
    const code = await memberInvite(memberships);
    const guesser = {
      userId: 'example-guesser',
      joinAttempts: attempts,
      join: (typed: string) =>
        memberships.redeem('treatnet', typed, 'example-guesser', '2026-12-05T00:00:00.000Z'),
    };
    for (const guess of ['AAAA-AAAA', 'BBBB-BBBB', 'CCCC-CCCC', 'DDDD-DDDD', 'EEEE-EEEE'])
      expect((await say(`join ${guess}`, guesser)).text).toContain(en.joinUnknown);
    expect((await say(`join ${code}`, guesser)).text).toContain(en.joinTooMany);
    expect((await say(`tham gia ${code}`, guesser)).text).toContain(CATALOGS.vi.joinTooMany);
    // Someone else is not held up by one guesser; the guesser may try again later.
    expect(attempts.allowed('example-someone-else')).toBe(true);
    clock = 15 * 60_000;
    expect((await say(`join ${code}`, guesser)).text).toContain('You are now a member at');
  });

  it('bounds wrong codes across everyone, so changing user ids does not help', () => {
    let clock = 0;
    const attempts = new JoinAttempts(undefined, () => clock);
    for (let i = 0; i < 60; i++) attempts.failed(`example-user-${i}`);
    expect(attempts.allowed('example-fresh-id')).toBe(false);
    clock = 60_000;
    expect(attempts.allowed('example-fresh-id')).toBe(true);
  });
});

describe('an invite from the command line, used in chat against the served bot', () => {
  it('makes a coordinator whose buttons and commands then work; the code cannot be used twice', async () => {
    assertBuilt();
    const data = freshDataDir();
    const env = { RESONET_STORAGE: 'embedded', RESONET_DATA_DIR: data.dir };
    const example = fileURLToPath(new URL('../../../examples/highlands-network', import.meta.url));
    const invite = runCli(['invite', '--role', 'coordinator', '--pack', example], env);
    expect(invite.status, invite.stderr).toBe(0);
    expect(invite.stdout).toContain('a coordinator at Example Highlands Network, until');
    const code = /Invite code (\S+):/.exec(invite.stdout)?.[1];
    if (!code) throw new Error(invite.stdout);
    const memberInvite = runCli(
      ['invite', '--role', 'member', '--centre', 'example-highlands-north', '--pack', example],
      env,
    );
    expect(memberInvite.stdout).toContain('a member at Example Highlands Centre North');
    const bot = await startBot({ ...env, PORT: '0' }, ['--pack', example]);
    try {
      const who = { conversation: 'example-conv-1', user: 'example-coordinator' };
      const joined = await talk(bot.url, who, { text: `join ${code}` });
      expect(joined.map((a) => a.text ?? '').join('\n')).toContain(
        'You are now a coordinator of the network.',
      );
      const summary = await talk(bot.url, who, { value: { action: 'summary' } });
      expect(JSON.stringify(summary)).not.toContain(en.notCoordinator);
      const other = { conversation: 'example-conv-2', user: 'example-someone' };
      const again = await talk(bot.url, other, { text: `join ${code}` });
      expect(again.map((a) => a.text ?? '').join('\n')).toContain(en.joinUsed);
      const refused = await talk(bot.url, other, { text: 'summary' });
      expect(JSON.stringify(refused)).toContain(en.notCoordinator);
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
    const listed = runCli(['members', 'list', '--pack', example], env);
    expect(listed.stdout).toContain('example-coordinator  coordinator');
    data.remove();
  }, 60_000);
});

describe('invites made in chat', () => {
  const centre = 'example-resource-centre-vn';
  const memberships = () => new MemoryMembershipStore();
  const withStore = (store: MembershipStore, userId: string) => ({
    userId,
    ...membershipActions(store, 'treatnet', userId),
  });

  it('lets a focal point invite a member to their own centre, and the code works once', async () => {
    const store = memberships();
    const focal = {
      ...withStore(store, 'example-focal'),
      membership: { role: 'focal-point' as const, centreId: centre },
    };
    const offered = await say('invite', focal);
    const card = JSON.stringify(offered.outcome.replies.find((r) => r.card)?.card);
    expect(card).toContain(en.inviteChoose);
    expect(card).not.toContain('"value":"focal-point"');
    const made = await press(
      { action: 'invite', role: 'member', centre },
      {
        ...focal,
        // The code is redeemed against the wall clock, so it is made today.
        context: context({
          asOf: new Date().toISOString().slice(0, 10),
          newId: () => '5f0c9c9e-2a51-4c1e-9d1e-0b7c2f1a3d44',
        }),
      },
    );
    const code = /Invite code (\S+):/.exec(made.text)?.[1] ?? '';
    expect(normaliseCode(code)).toBe(code);
    const joined = await say(`join ${code}`, withStore(store, 'example-new-member'));
    expect(joined.text).toContain('You are now a member at');
    expect(await store.get('treatnet', 'example-new-member')).toMatchObject({
      role: 'member',
      centreId: centre,
      grantedBy: 'example-focal',
    });
  });

  it('refuses what the role may not give', async () => {
    const store = memberships();
    const focal = {
      ...withStore(store, 'example-focal'),
      membership: { role: 'focal-point' as const, centreId: centre },
    };
    const other = await press({ action: 'invite', role: 'focal-point', centre }, focal);
    expect(other.text).toContain(en.inviteNotAllowed);
    expect(other.outcome.effects.some((e) => e.type === 'invite')).toBe(false);
    const member = await say('invite', { membership: { role: 'member', centreId: centre } });
    expect(member.text).toContain(en.inviteNotAllowed);
  });
});

describe('open joining (a pack with openJoining: true)', () => {
  it('lets a member choose their centre from the registry, and stores it as theirs', async () => {
    const taken: string[] = [];
    const ctx = context();
    const open = { ...ctx, branding: { ...ctx.branding, openJoining: true } };
    const joiner: Partial<MemberTurn> = {
      userId: 'example-open',
      context: open,
      invites: {
        ...membershipActions(new MemoryMembershipStore(), 'treatnet', 'example-open').invites,
        joinOpen: async (centreId: string) => void taken.push(centreId),
      },
    };
    const offered = await say('join', joiner);
    expect(JSON.stringify(offered.outcome.replies)).toContain(en.joinChooseCentre);
    const chosen = await press({ action: 'join', centre: 'example-resource-centre-vn' }, joiner);
    expect(chosen.text).toContain('You are now a member at');
    expect(taken).toEqual(['example-resource-centre-vn']);
    const unknown = await press({ action: 'join', centre: 'no-such-centre' }, joiner);
    expect(unknown.text).toContain(en.joinUnknownCentre);
  });
});

describe('changing “my centre”, with a coordinator’s approval', () => {
  it('records the request, shows it to coordinators, and moves the member when approved', async () => {
    const store = new MemoryMembershipStore();
    const from = 'example-resource-centre-vn';
    await store.grant({
      networkId: 'treatnet',
      userId: 'example-mover',
      role: 'member',
      centreId: from,
      grantedBy: 'cli',
      grantedAt: '2026-11-01T00:00:00.000Z',
    });
    await store.grant({
      networkId: 'treatnet',
      userId: 'example-coord',
      role: 'coordinator',
      grantedBy: 'cli',
      grantedAt: '2026-11-01T00:00:00.000Z',
    });
    const other = context().centres.find((c) => c.id !== from)?.id ?? '';
    const mover = {
      ...membershipActions(store, 'treatnet', 'example-mover'),
      userId: 'example-mover',
      membership: { role: 'member' as const, centreId: from },
    };
    const asked = await press({ action: 'change-centre', centre: other }, mover);
    expect(asked.text).toContain('a coordinator will approve your move');
    expect((await store.get('treatnet', 'example-mover'))?.requestedCentreId).toBe(other);
    // A member cannot approve it; a coordinator sees it and approves it.
    expect((await say('centre requests', { ...mover })).text).toContain(en.notCoordinator);
    const coord = {
      ...membershipActions(store, 'treatnet', 'example-coord'),
      userId: 'example-coord',
      membership: { role: 'coordinator' as const },
    };
    const listed = await say('centre requests', coord);
    expect(JSON.stringify(listed.outcome.replies)).toContain('example-mover');
    const approved = await press({ action: 'approve-centre', user: 'example-mover' }, coord);
    expect(approved.text).toContain('Approved: example-mover');
    expect(await store.get('treatnet', 'example-mover')).toMatchObject({
      centreId: other,
      grantedBy: 'example-coord',
    });
    expect((await store.get('treatnet', 'example-mover'))?.requestedCentreId).toBeUndefined();
  });
});

describe('a focal point’s view of their own centre', () => {
  it('summarises their centre’s results only, and refuses members', async () => {
    const results = new MemoryResultStore();
    const mine = 'example-resource-centre-vn';
    const base = {
      instrumentId: 'centre-training-needs',
      instrumentVersion: '1.1.0',
      startedAt: '2026-11-01',
      submittedAt: '2026-11-02',
      answers: {},
      scores: [],
      example: true as const,
    };
    await results.save({
      ...base,
      id: 'example-r1',
      centreId: mine,
      respondentId: 'example-staff-1',
    });
    await results.save({
      ...base,
      id: 'example-r2',
      centreId: 'example-other-centre',
      respondentId: 'example-staff-2',
    });
    const view = (role: Role) =>
      say('centre results', {
        results,
        userId: `example-${role}`,
        membership: { role, centreId: mine },
      });
    const focal = await view('focal-point');
    const shown = JSON.stringify(focal.outcome.replies);
    expect(shown).not.toContain(en.notFocalPoint);
    expect(shown).not.toContain(en.noCentreResults);
    expect(shown).toContain('"type":"AdaptiveCard"');
    expect((await view('member')).text).toContain(en.notFocalPoint);
  });
});
