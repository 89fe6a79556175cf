import { type Result, SessionSchema } from '@resonet/core';
import { z } from 'zod';

/**
 * Where a member is in the conversation. An open assessment lives in `session`; with
 * `step: 'idle'` it is paused.
 */
export const MemberStateSchema = z.object({
  lang: z.enum(['en', 'vi']).optional(),
  step: z.enum([
    'idle',
    'choose-instrument',
    'choose-centre',
    'answering',
    'confirm-cancel',
    'confirm-restart',
    'confirm-forget',
  ]),
  /** The instrument chosen before the centre is known. */
  instrumentId: z.string().max(200).optional(),
  /** The centre answered for last time, offered first next time (`named:…` when typed). */
  centreId: z.string().max(400).optional(),
  session: SessionSchema.optional(),
  /** The open session's id, which becomes its result's id: a repeated submit stores once. */
  sessionId: z.string().max(200).optional(),
  /**
   * The last question asked, for a follow-up ("and Phase II?") to be read against; it is
   * forgotten after a few turns or when another question takes its place.
   */
  context: z
    .object({ question: z.string().max(4000), turnsLeft: z.number().int().min(0).max(10) })
    .optional(),
});

/** A member's state: kept per user, so an assessment follows the member, not the chat. */
export type MemberState = z.infer<typeof MemberStateSchema>;

/** A conversation's state: kept per conversation (Teams sends its install event once). */
export interface ConversationState {
  welcomed: boolean;
}

export const initialMemberState = (): MemberState => ({ step: 'idle' });

/** A stored conversation state; anything unreadable counts as a conversation not welcomed. */
export function readConversationState(stored: unknown): ConversationState {
  const welcomed =
    typeof stored === 'object' && stored !== null && Reflect.get(stored, 'welcomed') === true;
  return { welcomed };
}
export const initialConversationState = (): ConversationState => ({ welcomed: false });

/**
 * Reads a stored member state. Stored data can be old or damaged; instead of failing every
 * turn, an unreadable state is reported so the edge can log it and start afresh.
 */
export function readMemberState(stored: unknown): Result<MemberState, 'unreadable'> {
  if (stored === undefined || stored === null) return { ok: true, value: initialMemberState() };
  const parsed = MemberStateSchema.safeParse(stored);
  if (!parsed.success) return { ok: false, error: 'unreadable' };
  const value = parsed.data;
  // A session is needed by every step past choosing the centre.
  if (['answering', 'confirm-cancel', 'confirm-restart'].includes(value.step) && !value.session)
    return { ok: false, error: 'unreadable' };
  return { ok: true, value };
}
