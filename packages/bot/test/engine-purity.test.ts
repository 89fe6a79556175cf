import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Incoming,
  parseIncoming,
  submittedResult,
  type TurnState,
  turn,
} from '../src/conversation/engine';
import { initialConversationState, initialMemberState } from '../src/conversation/state';
import { buttons } from './support/client';
import { context } from './support/conversation';

// The engine is pure: it returns a new state and never changes what it was given. Every
// input is deep-frozen before each turn — the state with its open session, the
// instruments, the incoming activity — so that any mutation throws (modules are strict).
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

type Card = {
  body?: { id?: string; type?: string; choices?: { value: string }[] }[];
  actions?: { data?: Record<string, unknown> }[];
};

const TYPED = [
  'start',
  'bắt đầu',
  'back',
  'skip',
  'pause',
  'continue',
  'cancel',
  'yes',
  'no',
  'help',
  'my results',
  'my data',
  'summary',
  'submit',
  'What is Treatnet?',
  '3',
  '1, 2',
  'có',
  '2026-01-15',
  'Example centre',
  '',
];

/** The activity a step stands for: a click on the last card (inputs filled) or typed text. */
function incomingFor(
  step: [number, number],
  card: Card | undefined,
  locale: string,
  onwardBelow: number,
): Incoming {
  const [kind, pick] = step;
  const actions = buttons(card).filter((a) => a.data) as {
    data: Record<string, unknown>;
  }[];
  if (kind < Math.max(onwardBelow, 18) && actions.length) {
    const onward = actions.find((a) =>
      ['answer', 'submit', 'instrument', 'start', 'continue', 'centre', 'yes'].includes(
        String(a.data.action),
      ),
    );
    // Nothing on this card moves an assessment on: a member taking one says so.
    if (!onward && kind < onwardBelow)
      return { type: 'message', text: pick % 2 ? 'continue' : 'start', locale };
    const action =
      kind < onwardBelow && onward
        ? onward
        : (actions[pick % actions.length] as { data: Record<string, unknown> });
    const inputs: Record<string, unknown> = {};
    for (const element of card?.body ?? []) {
      if (!element.id) continue;
      const choices = element.choices ?? [];
      inputs[element.id] = choices.length
        ? (choices[pick % choices.length] as { value: string }).value
        : element.type === 'Input.Number'
          ? String(1 + (pick % 5))
          : element.type === 'Input.Date'
            ? '2026-01-15'
            : 'Example answer';
    }
    return { type: 'message', value: { ...inputs, ...action.data }, locale };
  }
  return { type: 'message', text: TYPED[pick % TYPED.length] as string, locale };
}

describe('the conversation engine', () => {
  it('never changes its inputs (state, session, instruments, incoming are deep-frozen)', () => {
    const ctx = context();
    deepFreeze(ctx.instruments);
    deepFreeze(ctx.centres);
    let turns = 0;
    let submitted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(19), fc.nat(99)), { minLength: 40, maxLength: 120 }),
        fc.constantFrom('en-US', 'vi-VN'),
        fc.boolean(),
        // How closely the member follows the cards: some finish, some wander.
        fc.constantFrom(20, 19, 16),
        (steps, locale, isCoordinator, onwardBelow) => {
          let state: TurnState = {
            conversation: initialConversationState(),
            member: initialMemberState(),
          };
          let card: Card | undefined;
          let results: NonNullable<Parameters<typeof turn>[2]['results']>[number][] = [];
          for (const step of steps) {
            deepFreeze(state);
            deepFreeze(results);
            const incoming = deepFreeze(incomingFor(step, card, locale, onwardBelow));
            // The stored results as a store hands them over: frozen too.
            const outcome = turn(state, parseIncoming(incoming), {
              ...ctx,
              isCoordinator,
              results,
            });
            turns++;
            // The outcome's state is the next turn's input, frozen as it is (no copy), so a
            // later turn that changed a part it kept from an earlier one would throw too.
            state = { conversation: outcome.conversation, member: outcome.member };
            const result = submittedResult(outcome);
            if (result) {
              results = [...results, result];
              submitted++;
            }
            card =
              ([...outcome.replies].reverse().find((r) => r.card)?.card as Card | undefined) ??
              card;
          }
        },
      ),
      { numRuns: 200, seed: 20261201 },
    );
    console.log(
      `[resonet] engine purity: ${turns} turns on frozen inputs, ${submitted} assessments submitted`,
    );
    // Enough turns, and assessments taken to the end, for the property to mean something.
    expect(turns).toBeGreaterThan(1000);
    expect(submitted).toBeGreaterThan(0);
  });
});
