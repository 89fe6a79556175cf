import { isValid, parseISO } from 'date-fns';
import { foldText } from '../matching';
import type { Result } from '../result';
import { fill, type Template } from '../template';
import { localize } from '../text';
import type { AnswerValue } from './answerValue';
import type { ChoiceOption, Instrument, Item } from './instrument';

/**
 * Why an answer was refused, with a message for the respondent in their language that says
 * which values are allowed.
 *
 * @example
 * ```ts
 * const e: AnswerError = { code: 'not-an-option', message: 'Choose one of: 1 = Never, 2 = Sometimes' };
 * ```
 */
export interface AnswerError {
  code:
    | 'empty'
    | 'too-long'
    | 'not-an-option'
    | 'not-a-number'
    | 'not-an-integer'
    | 'out-of-range'
    | 'too-few'
    | 'too-many'
    | 'not-yes-no'
    | 'not-a-date'
    | 'wrong-type';
  message: string;
}

const T = {
  empty: { en: 'Please give an answer.', vi: 'Vui lòng trả lời.' },
  tooLong: {
    en: 'That answer is too long: at most {max} characters.',
    vi: 'Câu trả lời quá dài: tối đa {max} ký tự.',
  },
  chooseOne: { en: 'Choose one of: {options}.', vi: 'Hãy chọn một trong: {options}.' },
  chooseSome: {
    en: 'Choose from: {options} (separate several with commas).',
    vi: 'Hãy chọn trong: {options} (ngăn cách bằng dấu phẩy nếu chọn nhiều).',
  },
  tooFew: { en: 'Choose at least {min}.', vi: 'Hãy chọn ít nhất {min}.' },
  tooMany: { en: 'Choose at most {max}.', vi: 'Chỉ chọn tối đa {max}.' },
  yesNo: { en: 'Answer yes or no.', vi: 'Hãy trả lời có hoặc không.' },
  number: { en: 'Enter a number{range}.', vi: 'Hãy nhập một số{range}.' },
  integer: { en: 'Enter a whole number{range}.', vi: 'Hãy nhập một số nguyên{range}.' },
  between: { en: ' from {min} to {max}', vi: ' từ {min} đến {max}' },
  atLeast: { en: ' of at least {min}', vi: ' không nhỏ hơn {min}' },
  atMost: { en: ' of at most {max}', vi: ' không lớn hơn {max}' },
  date: {
    en: 'Enter a date as YYYY-MM-DD{range}.',
    vi: 'Hãy nhập ngày theo dạng YYYY-MM-DD{range}.',
  },
  dateBetween: { en: ' between {min} and {max}', vi: ' trong khoảng {min} đến {max}' },
  dateFrom: { en: ' on or after {min}', vi: ' từ ngày {min} trở đi' },
  dateTo: { en: ' on or before {max}', vi: ' đến hết ngày {max}' },
} satisfies Record<string, Template>;

// Anything longer is refused before any parsing, so hostile input costs nothing.
const MAX_RAW = 10_000;

/**
 * The words that answer yes or no, folded (lower case, no diacritics): "Có", "có" and "co"
 * are one word. Yes/no questions accept them, and so can a chat's confirmations.
 *
 * @example
 * ```ts
 * YES_NO_WORDS.vi.yes.includes(foldText('Đồng ý')); // true
 * ```
 */
export const YES_NO_WORDS = {
  en: { yes: ['yes', 'y', 'true', 'ok'], no: ['no', 'n', 'false'] },
  vi: { yes: ['co', 'dong y', 'dung', 'phai', 'vang', 'u'], no: ['khong', 'ko', 'k', 'sai'] },
} as const;

const YES = new Set<string>([...YES_NO_WORDS.en.yes, ...YES_NO_WORDS.vi.yes]);
const NO = new Set<string>([...YES_NO_WORDS.en.no, ...YES_NO_WORDS.vi.no]);

const fail = (code: AnswerError['code'], message: string): Result<never, AnswerError> => ({
  ok: false,
  error: { code, message },
});

interface Choice {
  value: string | number;
  label: string;
  labels: string[];
}

function choicesOf(instrument: Pick<Instrument, 'likertScales'>, item: Item): Choice[] {
  if (item.type === 'likert') {
    const scale = instrument.likertScales.find((s) => s.id === item.likertScale);
    return (scale?.points ?? []).map((p) => ({
      value: p.value,
      label: p.label.en,
      labels: Object.values(p.label).filter((l): l is string => typeof l === 'string'),
    }));
  }
  if (item.type === 'single' || item.type === 'multiple') {
    return item.options.map((o: ChoiceOption) => ({
      value: o.value,
      label: o.label.en,
      labels: Object.values(o.label).filter((l): l is string => typeof l === 'string'),
    }));
  }
  return [];
}

function listChoices(
  instrument: Pick<Instrument, 'likertScales'>,
  item: Item,
  locale: string,
): string {
  if (item.type === 'likert') {
    const scale = instrument.likertScales.find((s) => s.id === item.likertScale);
    return (scale?.points ?? []).map((p) => `${p.value} = ${localize(p.label, locale)}`).join(', ');
  }
  if (item.type === 'single' || item.type === 'multiple') {
    return item.options.map((o, i) => `${i + 1} = ${localize(o.label, locale)}`).join(', ');
  }
  return '';
}

// A choice given as its value, its position (for options), or any of its labels, folded so
// "khong ap dung" finds "Không áp dụng".
function findChoice(item: Item, choices: Choice[], raw: string | number): Choice | undefined {
  if (typeof raw === 'number') {
    if (item.type === 'likert') return choices.find((c) => c.value === raw);
    return Number.isInteger(raw) ? choices[raw - 1] : undefined;
  }
  const text = raw.trim();
  if (/^\d+$/.test(text)) return findChoice(item, choices, Number(text));
  const exact = choices.find((c) => c.value === text);
  if (exact) return exact;
  const folded = foldText(text);
  if (!folded) return undefined;
  return choices.find((c) => c.labels.some((label) => foldText(label) === folded));
}

function numberRange(min: number | undefined, max: number | undefined, locale: string): string {
  if (min !== undefined && max !== undefined) return fill(T.between, locale, { min, max });
  if (min !== undefined) return fill(T.atLeast, locale, { min });
  if (max !== undefined) return fill(T.atMost, locale, { max });
  return '';
}

function parseNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  let text = raw.trim().replace(/\s/g, '');
  // "3,5" is how Vietnamese writes 3.5; a lone comma with no dot is a decimal comma.
  if (!text.includes('.') && /^-?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Turns what a respondent gave — a typed value or raw text — into the answer an item
 * stores, or says in their language what is allowed. Text accepted: "3"; an option's
 * number or its label in English or Vietnamese (with or without diacritics);
 * "yes"/"có"/"no"/"không"; numbers with a decimal point or comma; ISO dates; several
 * choices separated by commas.
 *
 * @example
 * ```ts
 * parseAnswer(instrument, likertItem, 'Đồng ý', 'vi'); // { ok: true, value: 4 }
 * parseAnswer(instrument, yesNoItem, 'không', 'vi'); // { ok: true, value: false }
 * ```
 */
export function parseAnswer(
  instrument: Pick<Instrument, 'likertScales'>,
  item: Item,
  raw: unknown,
  locale = 'en',
): Result<AnswerValue, AnswerError> {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return fail('empty', fill(T.empty, locale));
  }
  const limit = item.type === 'text' ? item.maxLength : MAX_RAW;
  if (typeof raw === 'string' && raw.length > Math.max(limit * 4, MAX_RAW)) {
    return fail('too-long', fill(T.tooLong, locale, { max: limit }));
  }
  const parser = PARSERS[item.type] as Parser<Item>;
  return parser(instrument, item, raw, locale);
}

type Parsed = Result<AnswerValue, AnswerError>;

/** How one item type reads a given value (already known not to be empty or huge). */
type Parser<I extends Item> = (
  instrument: Pick<Instrument, 'likertScales'>,
  item: I,
  raw: unknown,
  locale: string,
) => Parsed;

const oneChoice: Parser<Extract<Item, { type: 'likert' | 'single' }>> = (
  instrument,
  item,
  raw,
  locale,
) => {
  const hit = isChoiceInput(raw) ? findChoice(item, choicesOf(instrument, item), raw) : undefined;
  if (!hit)
    return fail(
      'not-an-option',
      fill(T.chooseOne, locale, { options: listChoices(instrument, item, locale) }),
    );
  return { ok: true, value: hit.value };
};

const isChoiceInput = (value: unknown): value is string | number =>
  typeof value === 'string' || typeof value === 'number';

/** "a, b", "a; b", "a and b" / "a và b", or an array of them. */
const partsOf = (raw: unknown): unknown[] => {
  if (Array.isArray(raw)) return raw;
  if (typeof raw !== 'string') return [raw];
  return raw.split(/\s*[,;/]\s*|\s+(?:and|và|va)\s+/i).filter((p) => p.trim() !== '');
};

const severalChoices: Parser<Extract<Item, { type: 'multiple' }>> = (
  instrument,
  item,
  raw,
  locale,
) => {
  const choices = choicesOf(instrument, item);
  const values: string[] = [];
  for (const part of partsOf(raw)) {
    const hit = isChoiceInput(part) ? findChoice(item, choices, part) : undefined;
    if (!hit)
      return fail(
        'not-an-option',
        fill(T.chooseSome, locale, { options: listChoices(instrument, item, locale) }),
      );
    if (!values.includes(String(hit.value))) values.push(String(hit.value));
  }
  if (item.minSelected !== undefined && values.length < item.minSelected)
    return fail('too-few', fill(T.tooFew, locale, { min: item.minSelected }));
  if (item.maxSelected !== undefined && values.length > item.maxSelected)
    return fail('too-many', fill(T.tooMany, locale, { max: item.maxSelected }));
  // Stored in the instrument's option order so the same choice is always the same value.
  const order = choices.map((c) => String(c.value));
  return { ok: true, value: values.sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
};

const yesNo: Parser<Extract<Item, { type: 'yes-no' }>> = (_instrument, _item, raw, locale) => {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const folded = typeof raw === 'string' ? foldText(raw) : String(raw);
  if (YES.has(folded) || folded === '1') return { ok: true, value: true };
  if (NO.has(folded) || folded === '0') return { ok: true, value: false };
  return fail('not-yes-no', fill(T.yesNo, locale));
};

const number: Parser<Extract<Item, { type: 'number' }>> = (_instrument, item, raw, locale) => {
  const range = numberRange(item.min, item.max, locale);
  const message = fill(item.integer ? T.integer : T.number, locale, { range });
  const value = parseNumber(raw);
  if (value === undefined) return fail('not-a-number', message);
  if (item.integer && !Number.isInteger(value)) return fail('not-an-integer', message);
  const below = item.min !== undefined && value < item.min;
  const above = item.max !== undefined && value > item.max;
  return below || above ? fail('out-of-range', message) : { ok: true, value };
};

const text: Parser<Extract<Item, { type: 'text' }>> = (_instrument, item, raw, locale) => {
  if (typeof raw !== 'string') return fail('wrong-type', fill(T.empty, locale));
  const value = raw.normalize('NFC').trim();
  if ([...value].length > item.maxLength)
    return fail('too-long', fill(T.tooLong, locale, { max: item.maxLength }));
  return { ok: true, value };
};

/** " from 2026-01-01 to 2026-12-31", " from …", " until …", or nothing. */
function dateRange(min: string | undefined, max: string | undefined, locale: string): string {
  if (min && max) return fill(T.dateBetween, locale, { min, max });
  if (min) return fill(T.dateFrom, locale, { min });
  return max ? fill(T.dateTo, locale, { max }) : '';
}

const date: Parser<Extract<Item, { type: 'date' }>> = (_instrument, item, raw, locale) => {
  const message = fill(T.date, locale, { range: dateRange(item.min, item.max, locale) });
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValid(parseISO(value)))
    return fail('not-a-date', message);
  if ((item.min && value < item.min) || (item.max && value > item.max))
    return fail('out-of-range', message);
  return { ok: true, value };
};

/** One parser per item type: a new item type adds its parser here (the type requires it). */
const PARSERS: { [K in Item['type']]: Parser<Extract<Item, { type: K }>> } = {
  likert: oneChoice,
  single: oneChoice,
  multiple: severalChoices,
  'yes-no': yesNo,
  number,
  text,
  date,
};
