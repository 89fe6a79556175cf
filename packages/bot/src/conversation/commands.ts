import { foldText } from '@resonet/core';

/** What a member can ask the bot to do, by button or by typing the words. */
export type Command =
  | 'language'
  | 'help'
  | 'ask'
  | 'start'
  | 'continue'
  | 'start-over'
  | 'back'
  | 'skip'
  | 'pause'
  | 'cancel'
  | 'yes'
  | 'no'
  | 'submit'
  | 'my-results'
  | 'show-result'
  | 'export'
  | 'submissions'
  | 'summary'
  | 'my-data'
  | 'forget-me'
  | 'export-all'
  | 'instrument'
  | 'centre'
  | 'answer';

// Typed forms, compared after folding (lower case, no diacritics), so "Ngôn ngữ" and
// "ngon ngu" both work. Whole messages only: a question that contains "back" is a question.
const WORDS: Partial<Record<Command, string[]>> = {
  language: ['language', 'ngon ngu', 'doi ngon ngu', 'tieng viet', 'english', 'tieng anh'],
  help: ['help', 'tro giup', 'huong dan', 'giup toi', 'giup'],
  start: [
    'start',
    'start an assessment',
    'start assessment',
    'new assessment',
    'bat dau',
    'bat dau danh gia',
    'danh gia moi',
  ],
  continue: ['continue', 'resume', 'continue my assessment', 'tiep tuc', 'lam tiep'],
  back: ['back', 'previous', 'quay lai', 'tro lai', 'cau truoc'],
  skip: ['skip', 'bo qua'],
  pause: ['pause', 'continue later', 'later', 'tam dung', 'tiep tuc sau', 'de sau'],
  cancel: ['cancel', 'huy', 'huy bo'],
  yes: ['yes', 'y', 'co', 'dong y', 'ok', 'yes cancel it', 'co huy bai'],
  no: ['no', 'n', 'khong', 'no continue', 'khong lam tiep'],
  submit: ['submit', 'nop', 'nop bai'],
  'my-results': ['my results', 'results', 'ket qua', 'ket qua cua toi'],
  submissions: ['submissions', 'bai nop', 'cac bai nop', 'danh sach bai nop'],
  summary: ['summary', 'network summary', 'tong hop', 'tong hop mang luoi'],
  'my-data': ['my data', 'export my data', 'du lieu cua toi', 'xuat du lieu cua toi'],
  'forget-me': ['delete my data', 'forget me', 'xoa du lieu cua toi', 'xoa du lieu'],
  'export-all': ['export all', 'export all results', 'xuat tat ca', 'xuat tat ca ket qua'],
};

const ACTIONS = new Set<string>([
  ...Object.keys(WORDS),
  'ask',
  'start-over',
  'show-result',
  'export',
  'instrument',
  'centre',
  'answer',
]);

/**
 * The command in a message: the `action` of a card submit, or the whole typed text when it
 * is one of the command words in English or Vietnamese (a leading "/" is allowed).
 */
export function commandOf(text: string | undefined, value: unknown): Command | undefined {
  const action =
    value && typeof value === 'object' ? (value as Record<string, unknown>).action : undefined;
  if (typeof action === 'string') return ACTIONS.has(action) ? (action as Command) : undefined;
  const folded = foldText(text ?? '');
  if (!folded || folded.length > 40) return undefined;
  for (const [command, words] of Object.entries(WORDS))
    if (words.includes(folded)) return command as Command;
  return undefined;
}
