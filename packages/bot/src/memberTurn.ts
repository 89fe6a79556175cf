import type { Storage } from 'botbuilder';
import {
  type EngineContext,
  type Incoming,
  resultsNeeded,
  type TurnOutcome,
  turn,
} from './conversation/engine';
import { type ConversationState, readMemberState } from './conversation/state';
import type { ResultStore } from './storage/results';
import { isETagConflict } from './storage/sqlStorage';

/** How often a turn is run again when another turn changed the member's state meanwhile. */
const ATTEMPTS = 5;

export interface MemberTurn {
  state: Storage;
  results: ResultStore;
  /** The member's state key in `state`. */
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
 * the pure engine, store a submitted result, then write the state only if the eTag is still
 * current — otherwise run the turn again on the newer state. See docs/deployment.md.
 */
export async function runMemberTurn(
  turnOf: MemberTurn,
): Promise<{ outcome: TurnOutcome; attempts: number }> {
  const { state, results, key, userId } = turnOf;
  for (let attempts = 1; ; attempts++) {
    const item = (await state.read([key]))[key] as { member?: unknown; eTag?: string } | undefined;
    const stored = readMemberState(item?.member);
    const notice = stored.ok ? undefined : turnOf.unreadable();
    const member = stored.ok ? stored.value : { step: 'idle' as const };
    const needs = resultsNeeded(turnOf.incoming, turnOf.isCoordinator);
    const found = needs
      ? await results.query(needs === 'mine' ? { respondentId: userId } : {})
      : undefined;
    const outcome = turn({ conversation: turnOf.conversation, member }, turnOf.incoming, {
      ...turnOf.context,
      userId,
      isCoordinator: turnOf.isCoordinator,
      ...(found ? { results: found } : {}),
    });
    // The result goes first, under the session's id: if the state write then fails or
    // conflicts, the retried submit finds it stored and stores nothing twice.
    if (outcome.submitted) await results.save(outcome.submitted);
    try {
      if (outcome.forget) {
        await results.deleteByRespondent(userId);
        await state.delete([key]);
      } else {
        await state.write({ [key]: { member: outcome.member, eTag: item?.eTag ?? '*' } });
      }
    } catch (error) {
      if (isETagConflict(error) && attempts < ATTEMPTS) continue;
      throw error;
    }
    if (notice) outcome.replies.unshift({ text: notice });
    return { outcome, attempts };
  }
}
