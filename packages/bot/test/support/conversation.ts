import type { AssessmentResult, Instrument, Item } from '@resonet/core';
import { loadContent } from '../../src/content';
import {
  type EngineContext,
  type Incoming,
  parseIncoming,
  submittedResult,
  type TurnOutcome,
  type TurnState,
  turn,
} from '../../src/conversation/engine';
import { replyText } from '../../src/conversation/reply';
import { initialConversationState, initialMemberState } from '../../src/conversation/state';

/** The shipped content, with the example centres (the sources name no real centre). */
const content = loadContent({ exampleCentres: true });
export const answers = content.answers;
export const centres = content.centres;

export function context(overrides: Partial<EngineContext> = {}): EngineContext {
  let n = 0;
  return {
    ...content,
    userId: 'example-user-1',
    isCoordinator: false,
    asOf: '2026-11-23',
    newId: () => `example-id-${++n}`,
    ...overrides,
  };
}

/**
 * A conversation driven through the pure engine, with its state stored as JSON between
 * turns as a real store would (so nothing survives that JSON would not).
 */
export class Chat {
  state: TurnState = { conversation: initialConversationState(), member: initialMemberState() };
  submitted: AssessmentResult[] = [];
  last!: TurnOutcome;
  constructor(
    public ctx: EngineContext = context(),
    public locale?: string,
  ) {}

  send(text: string): TurnOutcome {
    return this.deliver({ type: 'message', text, locale: this.locale });
  }
  click(value: Record<string, unknown>): TurnOutcome {
    return this.deliver({ type: 'message', value, locale: this.locale });
  }
  deliver(incoming: Incoming): TurnOutcome {
    // As a store gives them: every result, and the newest page of them for submissions.
    const newest = [...this.submitted].sort(
      (a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.id.localeCompare(a.id),
    );
    this.last = turn(JSON.parse(JSON.stringify(this.state)), parseIncoming(incoming), {
      ...this.ctx,
      results: this.submitted,
      page: { results: newest.slice(0, 30), total: newest.length },
    });
    this.state = JSON.parse(
      JSON.stringify({ conversation: this.last.conversation, member: this.last.member }),
    );
    const result = submittedResult(this.last);
    if (result) this.submitted.push(result);
    return this.last;
  }
  /** Everything the bot said in the last turn, as text. */
  get said(): string {
    return this.last.replies.map(replyText).join('\n');
  }
  /** The Adaptive Card of the last reply that has one. */
  get card() {
    return [...this.last.replies].reverse().find((r) => r.card)?.card;
  }
}

export const instrument = (id: string): Instrument => {
  const found = content.instruments.find((i) => i.id === id);
  if (!found) throw new Error(`no instrument ${id}`);
  return found;
};

/** A valid typed answer for an item, as a member would type it. */
export function typedAnswer(item: Item, lang: 'en' | 'vi'): string {
  switch (item.type) {
    case 'likert':
      return '2';
    case 'single':
      return '1';
    case 'multiple':
      return '1, 2';
    case 'yes-no':
      return lang === 'vi' ? 'có' : 'yes';
    case 'number':
      return String(item.min ?? 1);
    case 'date':
      return '2026-01-15';
    case 'text':
      return lang === 'vi'
        ? 'Ví dụ: cần thêm giám sát lâm sàng'
        : 'Example: more clinical supervision';
  }
}
