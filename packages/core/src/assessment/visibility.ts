import type { AnswerValue } from './answerValue';
import { conditionItems, evaluateCondition } from './conditions';
import { type Instrument, type Item, instrumentItems, type Section } from './instrument';

/**
 * The items shown for a set of answers, in order. An item's condition sees only answers to
 * earlier items that are themselves shown, so an answer left behind by a hidden item never
 * counts.
 *
 * @example
 * ```ts
 * visibleItems(instrument, session.answers).map(({ item }) => item.id);
 * ```
 */
export function visibleItems(
  instrument: Instrument,
  answers: Readonly<Record<string, AnswerValue>>,
): readonly { item: Item; section: Section }[] {
  // Sessions never mutate their answers object, so the list is cached per answers object.
  const hit = shownCache.get(answers);
  if (hit?.instrument === instrument) return hit.shown;
  const shown = computeVisible(instrument, answers);
  shownCache.set(answers, { instrument, shown });
  return shown;
}

const shownCache = new WeakMap<
  object,
  { instrument: Instrument; shown: { item: Item; section: Section }[] }
>();
const targetCache = new WeakMap<object, Set<string>>();

/** Item ids that some condition looks at: only answers to these can change what is shown. */
function conditionTargets(instrument: Instrument): Set<string> {
  let targets = targetCache.get(instrument.sections);
  if (!targets) {
    targets = new Set(
      instrumentItems(instrument).flatMap(({ item }) =>
        item.visibleWhen ? conditionItems(item.visibleWhen) : [],
      ),
    );
    targetCache.set(instrument.sections, targets);
  }
  return targets;
}

function computeVisible(
  instrument: Instrument,
  answers: Readonly<Record<string, AnswerValue>>,
): { item: Item; section: Section }[] {
  // Until an item is hidden, conditions can read the answers as they are; after that they
  // read a copy without the hidden items' answers.
  let seen: Record<string, AnswerValue> | undefined;
  const shown: { item: Item; section: Section }[] = [];
  for (const entry of instrumentItems(instrument)) {
    const { item } = entry;
    if (item.visibleWhen && !evaluateCondition(item.visibleWhen, seen ?? answers)) {
      if (!seen) {
        seen = {};
        for (const { item: earlier } of shown) {
          const answer = answers[earlier.id];
          if (answer !== undefined) seen[earlier.id] = answer;
        }
      }
      continue;
    }
    shown.push(entry);
    const answer = answers[item.id];
    if (seen && answer !== undefined) seen[item.id] = answer;
  }
  return shown;
}

/**
 * How many questions a member may be asked: those shown now, and those hidden only until a
 * question they depend on — shown, or itself still possible — is answered. Counted this way,
 * a total never grows as answers come in: "Question 3 of 30" becomes "of 27" when a
 * "no" drops three follow-ups, and never "of 26" that later turns into "of 27".
 *
 * @example
 * ```ts
 * possibleItemCount(instrument, session.answers); // 30 before any answer
 * ```
 */
export function possibleItemCount(
  instrument: Instrument,
  answers: Readonly<Record<string, AnswerValue>>,
): number {
  const possible = new Set(visibleItems(instrument, answers).map(({ item }) => item.id));
  for (const { item } of instrumentItems(instrument)) {
    if (possible.has(item.id) || !item.visibleWhen) continue;
    const undecided = conditionItems(item.visibleWhen).some(
      (id) => possible.has(id) && answers[id] === undefined,
    );
    if (undecided) possible.add(item.id);
  }
  return possible.size;
}

/**
 * The answers that count: those to items currently shown. Answers to items hidden by a later
 * change are kept in the session but left out here, and so never scored.
 *
 * @example
 * ```ts
 * visibleAnswers(instrument, session.answers);
 * ```
 */
export function visibleAnswers(
  instrument: Instrument,
  answers: Readonly<Record<string, AnswerValue>>,
): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const { item } of visibleItems(instrument, answers)) {
    const answer = answers[item.id];
    if (answer !== undefined) out[item.id] = answer;
  }
  return out;
}

/**
 * After a new answer to `itemId`, the items shown for `after` are those shown for `before`
 * when no condition reads that item: the cached list carries over instead of being
 * computed again.
 */
export function keepVisibility(
  instrument: Instrument,
  itemId: string,
  before: Readonly<Record<string, AnswerValue>>,
  after: Readonly<Record<string, AnswerValue>>,
): void {
  if (conditionTargets(instrument).has(itemId)) return;
  const known = shownCache.get(before);
  if (known?.instrument === instrument) shownCache.set(after, known);
}
