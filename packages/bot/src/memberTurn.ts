import { groupUnanswered, type UnansweredGroup } from './answers/unanswered';
import {
  dataOf,
  type EngineContext,
  forgets,
  type Incoming,
  type Message,
  parseIncoming,
  resultsNeeded,
  submittedResult,
  type TurnOutcome,
  turn,
  unansweredNeeded,
} from './conversation/engine';
import { SUBMISSIONS_PAGE, UNANSWERED_DAYS } from './conversation/flow';
import {
  type ConversationState,
  readConversationState,
  readMemberState,
} from './conversation/state';
import type { JoinAttempts } from './members/joinAttempts';
import { can, type Role } from './members/roles';
import {
  isETagConflict,
  type MemberChange,
  type MemberStore,
  type StoredMember,
} from './storage/members';
import {
  type Invite,
  type InviteRefusal,
  type Membership,
  normaliseCode,
} from './storage/memberships';
import type { ResultStore } from './storage/results';
import type { RecordUnanswered, UnansweredLog } from './storage/unanswered';

/** How often a turn is run again when another turn changed the member's state meanwhile. */
const ATTEMPTS = 5;

export interface MemberTurn {
  members: MemberStore;
  /** Read for the views that need results (my results, the coordinator's). */
  results: ResultStore;
  /** The member's state key in `members`. */
  key: string;
  userId: string;
  isCoordinator: boolean;
  /** The member's role and centre in the network, when they have one. */
  membership?: { role: Role; centreId?: string };
  /** Stores the invites made in chat, and the centre an open-joining member takes. */
  invites?: {
    create: (code: string, invite: Invite) => Promise<void>;
    joinOpen: (centreId: string) => Promise<void>;
    /** The member's request to move to another centre. */
    requestCentre: (centreId: string) => Promise<void>;
    /** A coordinator's approval of a member's move. */
    approveCentre: (userId: string) => Promise<void>;
    /** Members waiting to move centre (for coordinators). */
    centreRequests: () => Promise<NonNullable<EngineContext['centreRequests']>>;
  };
  /** Uses an invite code for this member (a "join" turn); none: joining is not offered. */
  join?: (
    code: string,
  ) => Promise<{ ok: true; value: Membership } | { ok: false; error: InviteRefusal }>;
  /** Wrong codes counted, so that codes cannot be guessed by trying; none: not limited. */
  joinAttempts?: JoinAttempts;
  /**
   * The conversation's state: stored under `key` (read and written with the member's), or
   * kept by the channel (`state`, as the terminal does for one run).
   */
  conversation: { key: string } | { state: ConversationState };
  incoming: Incoming;
  /** The content, today and id maker: everything else the engine needs. */
  context: Omit<
    EngineContext,
    'userId' | 'isCoordinator' | 'results' | 'membership' | 'joined' | 'centreRequests'
  >;
  /**
   * The unanswered-questions log: questions the turn could not answer are recorded (no ids),
   * and coordinators read it. Absent where it is switched off.
   */
  unanswered?: { log: UnansweredLog; record: RecordUnanswered };
  /** Called when the stored state cannot be read; returns the notice for the member. */
  unreadable: () => string;
}

/**
 * One turn for one member, for every channel: read the member's and the conversation's
 * state (one read), run the pure engine, then write the new state together with any
 * submitted result and a changed conversation state (one commit), only if the member's eTag
 * is still current — otherwise run the turn again on the newer state, so a result is stored
 * only from the state that won. See docs/deployment.md.
 */
export async function runMemberTurn(
  turnOf: MemberTurn,
): Promise<{ outcome: TurnOutcome; attempts: number }> {
  const { members, key, userId } = turnOf;
  const message = parseIncoming(turnOf.incoming);
  // An invite code is used once, before the turn (retries of the turn do not use it again).
  const { joined, membership, isCoordinator } = await whoIsAsking(turnOf, message);
  const who = { ...turnOf, isCoordinator, ...(membership ? { membership } : {}) };
  for (let attempts = 1; ; attempts++) {
    const read = await readTurn(turnOf);
    const item = read.member;
    const stored = readMemberState(item?.member);
    const notice = stored.ok ? undefined : turnOf.unreadable();
    const member = stored.ok ? stored.value : { step: 'idle' as const };
    const outcome = turn({ conversation: read.conversation, member }, message, {
      ...turnOf.context,
      userId,
      isCoordinator,
      ...(membership ? { membership } : {}),
      ...(joined ? { joined } : {}),
      ...(await storedViews(who, message)),
    });
    try {
      await members.commit(key, item?.eTag, changeOf(turnOf, read.conversation, outcome));
    } catch (error) {
      if (isETagConflict(error) && attempts < ATTEMPTS) continue;
      throw error;
    }
    // Only the turn that counted records its questions (a retried turn does not count twice).
    await afterCommit(turnOf, outcome);
    if (notice) outcome.replies.unshift({ text: notice });
    return { outcome, attempts };
  }
}

/** The effects carried out once the turn has counted: records, invites, an open join. */
async function afterCommit(turnOf: MemberTurn, outcome: TurnOutcome) {
  for (const effect of outcome.effects) {
    if (effect.type === 'unanswered') await turnOf.unanswered?.record(effect.question);
    if (effect.type === 'invite') await turnOf.invites?.create(effect.code, effect.invite);
    if (effect.type === 'join-centre') await turnOf.invites?.joinOpen(effect.centreId);
    if (effect.type === 'centre-request') await turnOf.invites?.requestCentre(effect.centreId);
    if (effect.type === 'approve-centre') await turnOf.invites?.approveCentre(effect.userId);
  }
}

/** The member's role this turn: the one an invite just gave, else the stored one. */
async function whoIsAsking(turnOf: MemberTurn, message: Message) {
  const joined = message.command === 'join' ? await useInvite(turnOf, message) : undefined;
  const membership = joined?.ok ? joined : turnOf.membership;
  const isCoordinator =
    turnOf.isCoordinator || (membership !== undefined && can(membership.role, 'see-network'));
  return { joined, membership, isCoordinator };
}

/** The invite code typed or sent with "join", used: the role it gave, or why not. */
async function useInvite(turnOf: MemberTurn, message: Message): Promise<EngineContext['joined']> {
  const typed = dataOf(message, 'join')?.code;
  if (!typed) return { ok: false, error: 'no-code' };
  const attempts = turnOf.joinAttempts;
  if (attempts && !attempts.allowed(turnOf.userId)) return { ok: false, error: 'too-many' };
  const code = normaliseCode(typed);
  const used = code && turnOf.join ? await turnOf.join(code) : undefined;
  if (!used?.ok) {
    attempts?.failed(turnOf.userId);
    return used ?? { ok: false, error: code ? 'unknown' : 'malformed' };
  }
  return {
    ok: true,
    role: used.value.role,
    ...(used.value.centreId ? { centreId: used.value.centreId } : {}),
  };
}

/** The member's stored state and the conversation's, read together when both are stored. */
async function readTurn(
  turnOf: MemberTurn,
): Promise<{ member?: StoredMember; conversation: ConversationState }> {
  if (!('key' in turnOf.conversation)) {
    const member = await turnOf.members.read(turnOf.key);
    return { ...(member ? { member } : {}), conversation: turnOf.conversation.state };
  }
  const stored = await turnOf.members.readTurn(turnOf.key, turnOf.conversation.key);
  return {
    ...(stored.member ? { member: stored.member } : {}),
    conversation: readConversationState(stored.conversation),
  };
}

/** What the outcome changes: the member's state and result (or forgetting), the conversation's. */
function changeOf(
  turnOf: MemberTurn,
  before: ConversationState,
  outcome: TurnOutcome,
): MemberChange {
  const submitted = submittedResult(outcome);
  const member: MemberChange = forgets(outcome)
    ? { forget: { respondentId: turnOf.userId } }
    : { member: outcome.member, ...(submitted ? { submitted } : {}) };
  const stored = 'key' in turnOf.conversation ? turnOf.conversation.key : undefined;
  if (!stored || JSON.stringify(outcome.conversation) === JSON.stringify(before)) return member;
  return { ...member, conversation: { key: stored, state: outcome.conversation } };
}

/** "2026-06-01|result-id" as where a page of submissions starts; anything else: the start. */
function cursorOf(before: string | undefined) {
  const m = before ? /^(\d{4}-\d{2}-\d{2})\|(.{1,200})$/.exec(before) : null;
  return m?.[1] && m[2] ? { submittedAt: m[1], id: m[2] } : undefined;
}

/**
 * The network summary's reads: each scored instrument's figures, summed by the store
 * (O(centres × scales)); the results of forms without scales, whose answers are counted.
 */
async function summedViews(turnOf: MemberTurn) {
  const figures: Record<string, NonNullable<EngineContext['figures']>[string]> = {};
  const results = [];
  for (const instrument of turnOf.context.instruments)
    if (instrument.scales.length)
      figures[instrument.id] = await turnOf.results.figures(instrument.id);
    else results.push(...(await turnOf.results.query({ instrumentId: instrument.id })));
  return { figures, results };
}

/**
 * What the command reads from the stores, loaded before the engine runs: the member's or
 * their centre's results, a page of the newest (submissions), the summed figures (the
 * network summary), the last days' unanswered questions grouped, the centre requests.
 */
async function storedViews(
  turnOf: MemberTurn,
  message: Message,
): Promise<Pick<EngineContext, 'results' | 'figures' | 'page' | 'unanswered' | 'centreRequests'>> {
  const needs = resultsNeeded(message, turnOf.isCoordinator, turnOf.membership);
  const query =
    needs === 'mine'
      ? { respondentId: turnOf.userId }
      : needs === 'centre'
        ? { centreId: turnOf.membership?.centreId ?? '' }
        : {};
  const summed = needs === 'figures' ? await summedViews(turnOf) : undefined;
  const page =
    needs === 'page'
      ? await turnOf.results.page(
          SUBMISSIONS_PAGE,
          cursorOf(dataOf(message, 'submissions')?.before),
        )
      : undefined;
  const results = summed
    ? summed.results
    : needs && needs !== 'page'
      ? await turnOf.results.query(query)
      : undefined;
  let unanswered: UnansweredGroup[] | undefined;
  if (turnOf.unanswered && unansweredNeeded(message, turnOf.isCoordinator)) {
    const since = new Date(Date.now() - UNANSWERED_DAYS * 24 * 60 * 60 * 1000);
    unanswered = groupUnanswered(await turnOf.unanswered.log.list(since));
  }
  const centreRequests =
    message.command === 'centre-requests' && turnOf.isCoordinator
      ? await turnOf.invites?.centreRequests()
      : undefined;
  return {
    ...(results ? { results } : {}),
    ...(summed ? { figures: summed.figures } : {}),
    ...(page ? { page } : {}),
    ...(unanswered ? { unanswered } : {}),
    ...(centreRequests ? { centreRequests } : {}),
  };
}
