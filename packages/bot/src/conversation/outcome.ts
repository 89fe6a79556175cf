import type { AssessmentResult } from '@resonet/core';
import type { UnansweredQuestion } from '../answers/unanswered';
import type { AdaptiveCard } from '../cards/adaptiveCard';
import type { Lang } from '../i18n/catalog';
import type { Invite } from '../storage/memberships';
import type { Reply } from './reply';
import type { MemberState } from './state';

/** What a turn asks the edge to do besides storing the state and sending the replies. */
export type Effect =
  /** Store this result, in the same write as the state that closed its session. */
  | { type: 'submit'; result: AssessmentResult }
  /** "Delete my data": the member's state and every result they submitted. */
  | { type: 'forget' }
  /** A question the knowledge base could not answer well, for the network to learn from. */
  | { type: 'unanswered'; question: UnansweredQuestion }
  /** An invite code made in chat, to store (hashed) for the person it is given to. */
  | { type: 'invite'; code: string; invite: Invite }
  /** Open joining: the member takes a centre of the registry, as a member. */
  | { type: 'join-centre'; centreId: string }
  /** The member asks to move to another centre; a coordinator approves it. */
  | { type: 'centre-request'; centreId: string }
  /** A coordinator approves a member's move to the centre they asked for. */
  | { type: 'approve-centre'; userId: string };

/**
 * A turn's outcome as it is built: the member's next state, the language spoken, the
 * replies and the effects. Every method returns a new outcome; nothing is changed in place,
 * so a flow can be read top to bottom and the state it was given stays as it was.
 */
export class Outcome {
  private constructor(
    readonly member: MemberState,
    readonly lang: Lang,
    readonly replies: readonly Reply[],
    readonly effects: readonly Effect[],
  ) {}

  static of(member: MemberState, lang: Lang): Outcome {
    return new Outcome(member, lang, [], []);
  }

  say(text: string, card?: AdaptiveCard): Outcome {
    return this.send(card ? { text, card } : { text });
  }

  send(reply: Reply): Outcome {
    return new Outcome(this.member, this.lang, [...this.replies, reply], this.effects);
  }

  /** The member's state with `patch` applied (an `undefined` field is removed). */
  set(patch: Partial<{ [K in keyof MemberState]: MemberState[K] | undefined }>): Outcome {
    const member = { ...this.member, ...patch } as Record<string, unknown>;
    for (const key of Object.keys(patch)) if (member[key] === undefined) delete member[key];
    return new Outcome(member as MemberState, this.lang, this.replies, this.effects);
  }

  /** The member's state replaced as a whole. */
  replace(member: MemberState): Outcome {
    return new Outcome(member, this.lang, this.replies, this.effects);
  }

  /** Speak `lang` from now on, this turn and the next ones. */
  speak(lang: Lang): Outcome {
    return new Outcome({ ...this.member, lang }, lang, this.replies, this.effects);
  }

  effect(effect: Effect): Outcome {
    return new Outcome(this.member, this.lang, this.replies, [...this.effects, effect]);
  }
}
