import {
  type AnswerValue,
  type Instrument,
  type Item,
  localize,
  questionText,
  reviewList,
  type Section,
  type Session,
} from '@resonet/core';
import { type Lang, t } from '../i18n/catalog';
import {
  type AdaptiveCard,
  actionRows,
  type CardElement,
  card,
  submit,
  text,
} from './adaptiveCard';

/** An answer as a card input's value: "4", "yes", "a,b", a number, a date or text. */
function inputValue(answer: AnswerValue | undefined): string | number | undefined {
  if (answer === undefined) return undefined;
  if (typeof answer === 'boolean') return answer ? 'yes' : 'no';
  return Array.isArray(answer) ? answer.join(',') : answer;
}

function inputFor(
  instrument: Instrument,
  item: Item,
  lang: Lang,
  label: string,
  answer?: AnswerValue,
): CardElement {
  const given = inputValue(answer);
  const text = given === undefined ? {} : { value: String(given) };
  const expanded = (choices: { title: string; value: string }[], multi = false): CardElement => ({
    type: 'Input.ChoiceSet',
    id: 'answer',
    label,
    style: 'expanded',
    wrap: true,
    ...(multi ? { isMultiSelect: true } : {}),
    choices,
    ...text,
  });
  switch (item.type) {
    case 'likert': {
      const points = instrument.likertScales.find((s) => s.id === item.likertScale)?.points ?? [];
      return expanded(
        points.map((p) => ({
          title: `${p.value}. ${localize(p.label, lang)}`,
          value: String(p.value),
        })),
      );
    }
    case 'single':
    case 'multiple':
      return expanded(
        item.options.map((o, n) => ({
          title: `${n + 1}. ${localize(o.label, lang)}`,
          value: o.value,
        })),
        item.type === 'multiple',
      );
    case 'yes-no':
      return expanded([
        { title: lang === 'vi' ? '1. Có' : '1. Yes', value: 'yes' },
        { title: lang === 'vi' ? '2. Không' : '2. No', value: 'no' },
      ]);
    case 'number':
      return {
        type: 'Input.Number',
        id: 'answer',
        label,
        ...(item.min !== undefined ? { min: item.min } : {}),
        ...(item.max !== undefined ? { max: item.max } : {}),
        ...(typeof given === 'number' ? { value: given } : {}),
      };
    case 'date':
      return {
        type: 'Input.Date',
        id: 'answer',
        label,
        ...(item.min ? { min: item.min } : {}),
        ...(item.max ? { max: item.max } : {}),
        ...text,
      };
    case 'text':
      return {
        type: 'Input.Text',
        id: 'answer',
        label,
        maxLength: item.maxLength,
        isMultiline: item.maxLength > 200,
        ...text,
      };
  }
}

/**
 * One question as a card: section, "question 7 of 24", the question as its input's label,
 * its help, the input, Answer, and the ways out as a row (back, skip when optional,
 * continue later, cancel). Every button carries the item id so that a click on an old card
 * cannot answer the wrong question.
 */
export function questionCard(
  instrument: Instrument,
  question: { item: Item; section: Section; number: number; total: number },
  lang: Lang,
  answer?: AnswerValue,
): AdaptiveCard {
  const { item } = question;
  const itemId = item.id;
  return card([
    text(localize(question.section.title, lang), { weight: 'Bolder' }),
    text(t(lang, 'questionOf', { number: question.number, total: question.total }), {
      isSubtle: true,
      size: 'Small',
    }),
    // The whole question (the section's lead-in and the item read as one sentence) is the
    // input's label, so screen readers say it with each choice. Back shows the answer
    // given before, selected, to keep or change.
    inputFor(
      instrument,
      item,
      lang,
      `${questionText(question.section, item, lang)}${item.required ? '' : ` ${t(lang, 'optional')}`}`,
      answer,
    ),
    // Help under the field it explains, as a hint.
    ...(item.help ? [text(localize(item.help, lang), { isSubtle: true, size: 'Small' })] : []),
    ...actionRows(submit(t(lang, 'answer'), { action: 'answer', itemId }, true), [
      ...(question.number > 1 ? [submit(t(lang, 'back'), { action: 'back', itemId })] : []),
      ...(item.required ? [] : [submit(t(lang, 'skip'), { action: 'skip', itemId })]),
      submit(t(lang, 'pause'), { action: 'pause' }),
      submit(t(lang, 'cancel'), { action: 'cancel' }),
    ]),
  ]);
}

/** Every shown question with its answer, before the member submits. */
export function reviewCard(instrument: Instrument, session: Session, lang: Lang): AdaptiveCard {
  const facts = reviewList(instrument, session, lang).map((row) => {
    const question = questionText(row.section, row.item, lang);
    return {
      // A long question keeps its end, which tells it apart from its neighbours ("…support to
      // promote organisational development?"), not its lead-in, which they share.
      title: question.length > 100 ? `…${question.slice(-99).replace(/^\S*\s/, '')}` : question,
      value: row.display ?? (row.skipped ? t(lang, 'skipped') : t(lang, 'notAnswered')),
    };
  });
  return card([
    text(t(lang, 'review'), { weight: 'Bolder' }),
    { type: 'FactSet', facts },
    // With the review's id: a Submit from a review card the member has since left is stale.
    ...actionRows(submit(t(lang, 'submit'), { action: 'submit', itemId: 'review' }, true), [
      submit(t(lang, 'back'), { action: 'back', itemId: 'review' }),
      submit(t(lang, 'pause'), { action: 'pause' }),
      submit(t(lang, 'cancel'), { action: 'cancel' }),
    ]),
  ]);
}
