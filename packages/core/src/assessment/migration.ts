import { parseAnswer } from './answers';
import type { AnswerValue } from './answerValue';
import { type Instrument, instrumentItems } from './instrument';
import type { Session } from './session';
import { advance } from './steps';
import { visibleItems } from './visibility';

/**
 * Moves a session to another version of its instrument: answers are kept by item id where
 * the item still exists and the answer is still valid; the rest are dropped and reported.
 *
 * @example
 * ```ts
 * const { session: moved, dropped } = migrateSession(session, newerInstrument);
 * dropped; // [{ itemId: 'q9', reason: 'removed' }]
 * ```
 */
export function migrateSession(
  session: Session,
  instrument: Instrument,
): { session: Session; dropped: { itemId: string; reason: 'removed' | 'invalid' }[] } {
  const items = new Map(instrumentItems(instrument).map(({ item }) => [item.id, item]));
  const answers: Record<string, AnswerValue> = {};
  const dropped: { itemId: string; reason: 'removed' | 'invalid' }[] = [];
  for (const [itemId, value] of Object.entries(session.answers)) {
    const item = items.get(itemId);
    if (!item) {
      dropped.push({ itemId, reason: 'removed' });
      continue;
    }
    const parsed = parseAnswer(instrument, item, value);
    if (parsed.ok) answers[itemId] = parsed.value;
    else dropped.push({ itemId, reason: 'invalid' });
  }
  const moved: Session = {
    ...session,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    answers,
    skipped: session.skipped.filter((id) => items.has(id)),
  };
  if (session.status === 'completed') return { session: moved, dropped };
  const current = moved.current !== null && items.has(moved.current) ? moved.current : null;
  const settled =
    current !== null && visibleItems(instrument, answers).some(({ item }) => item.id === current)
      ? { ...moved, current, status: 'in-progress' as const }
      : advance(instrument, { ...moved, current: null }, null);
  return { session: settled, dropped };
}
