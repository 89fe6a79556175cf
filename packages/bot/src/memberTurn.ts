import {
  type EngineContext,
  forgets,
  type Incoming,
  parseIncoming,
  resultsNeeded,
  submittedResult,
  type TurnOutcome,
  turn,
} from './conversation/engine';
import { type ConversationState, readMemberState } from './conversation/state';
import { isETagConflict, type MemberStore } from './storage/members';
import type { ResultStore } from './storage/results';

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
  conversation: ConversationState;
  incoming: Incoming;
  /** The content, today and id maker: everything else the engine needs. */
  context: Omit<EngineContext, 'userId' | 'isCoordinator' | 'results'>;
  /** Called when the stored state cannot be read; returns the notice for the member. */
  unreadable: () => string;
}

/**
 * One turn for one member, for every channel: read the member's state with its eTag, run
 * the pure engine, then write the new state together with any submitted result, only if
 * the eTag is still current — otherwise run the turn again on the newer state, so a result
 * is stored only from the state that won. See docs/deployment.md.
 */
export async function runMemberTurn(
  turnOf: MemberTurn,
): Promise<{ outcome: TurnOutcome; attempts: number }> {
  const { members, results, key, userId } = turnOf;
  const message = parseIncoming(turnOf.incoming);
  for (let attempts = 1; ; attempts++) {
    const item = await members.read(key);
    const stored = readMemberState(item?.member);
    const notice = stored.ok ? undefined : turnOf.unreadable();
    const member = stored.ok ? stored.value : { step: 'idle' as const };
    const needs = resultsNeeded(message, turnOf.isCoordinator);
    const found = needs
      ? await results.query(needs === 'mine' ? { respondentId: userId } : {})
      : undefined;
    const outcome = turn({ conversation: turnOf.conversation, member }, message, {
      ...turnOf.context,
      userId,
      isCoordinator: turnOf.isCoordinator,
      ...(found ? { results: found } : {}),
    });
    const submitted = submittedResult(outcome);
    try {
      await members.commit(
        key,
        item?.eTag,
        forgets(outcome)
          ? { forget: { respondentId: userId } }
          : { member: outcome.member, ...(submitted ? { submitted } : {}) },
      );
    } catch (error) {
      if (isETagConflict(error) && attempts < ATTEMPTS) continue;
      throw error;
    }
    if (notice) outcome.replies.unshift({ text: notice });
    return { outcome, attempts };
  }
}
