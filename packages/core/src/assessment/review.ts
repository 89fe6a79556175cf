import { type DateInput, toDay } from '../period';
import type { Result } from '../result';
import { fill } from '../template';
import { localize } from '../text';
import type { AnswerValue } from './answerValue';
import type { Instrument, Item, Section } from './instrument';
import { isoDay, refuseChange, type Session, type SessionError, T } from './session';
import { visibleItems } from './visibility';

/**
 * An answer written for people: "4 – Agree", option labels, "Yes"/"Có".
 *
 * @example
 * ```ts
 * formatAnswer(instrument, item, true, 'vi'); // 'Có'
 * ```
 */
export function formatAnswer(
  instrument: Pick<Instrument, 'likertScales'>,
  item: Item,
  value: AnswerValue,
  locale = 'en',
): string {
  switch (item.type) {
    case 'likert': {
      const point = instrument.likertScales
        .find((s) => s.id === item.likertScale)
        ?.points.find((p) => p.value === value);
      return point ? `${point.value} – ${localize(point.label, locale)}` : String(value);
    }
    case 'single':
    case 'multiple': {
      const values = Array.isArray(value) ? value : [String(value)];
      return values
        .map((v) => {
          const option = item.options.find((o) => o.value === v);
          return option ? localize(option.label, locale) : v;
        })
        .join(', ');
    }
    case 'yes-no':
      return fill(value ? T.yes : T.no, locale);
    default:
      return String(value);
  }
}

/**
 * The review list before submitting: every question shown, its answer written for people,
 * and whether it was skipped or is required.
 *
 * @example
 * ```ts
 * reviewList(instrument, session, 'vi').filter((row) => row.required && row.answer === undefined);
 * ```
 */
export function reviewList(
  instrument: Instrument,
  session: Session,
  locale = 'en',
): {
  item: Item;
  section: Section;
  answer?: AnswerValue;
  display?: string;
  skipped: boolean;
  required: boolean;
}[] {
  return visibleItems(instrument, session.answers).map(({ item, section }) => {
    const answer = session.answers[item.id];
    return {
      item,
      section,
      ...(answer !== undefined
        ? { answer, display: formatAnswer(instrument, item, answer, locale) }
        : {}),
      skipped: session.skipped.includes(item.id),
      required: item.required,
    };
  });
}

/**
 * Submits a session once every required question shown has an answer; otherwise says how
 * many are missing and which. `asOf` is the submission date.
 *
 * @example
 * ```ts
 * const done = completeSession(instrument, session, '2026-11-23', 'vi');
 * ```
 */
export function completeSession(
  instrument: Instrument,
  session: Session,
  asOf: DateInput,
  locale = 'en',
): Result<Session, SessionError> {
  const refused = refuseChange(instrument, session, locale);
  if (refused) return refused;
  const missing = visibleItems(instrument, session.answers)
    .filter(({ item }) => item.required && session.answers[item.id] === undefined)
    .map(({ item }) => item.id);
  if (missing.length > 0) {
    return {
      ok: false,
      error: {
        code: 'missing-required',
        message: fill(T.missing, locale, { count: missing.length }),
        itemIds: missing,
      },
    };
  }
  return {
    ok: true,
    value: { ...session, current: null, status: 'completed', completedAt: isoDay(toDay(asOf)) },
  };
}
