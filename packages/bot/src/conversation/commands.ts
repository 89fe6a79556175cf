import { foldText, YES_NO_WORDS } from '@resonet/core';
import { z } from 'zod';

// Card fields are read leniently: a field of the wrong type counts as missing, so a tampered
// card gets the same answer as an empty one instead of a different path through the engine.
const optionalText = (max: number) => z.string().max(max).optional().catch(undefined);
const id = optionalText(200);
const itemId = { itemId: id };

/**
 * Where a command is handled: `anywhere` commands answer at once and then remind an
 * answering member where they are; `flow` commands mean something to the step the member
 * is at (an assessment, a confirmation, a choice).
 */
type Scope = 'anywhere' | 'flow';

interface CommandSpec {
  /** Typed forms, folded (lower case, no diacritics): "Ngôn ngữ" and "ngon ngu" both match. */
  words: { en: readonly string[]; vi: readonly string[] };
  scope: Scope;
  /**
   * The stored results the command reads: the member's own, their centre's (focal points),
   * or every one (coordinators).
   */
  results?: 'mine' | 'centre' | 'all' | 'figures' | 'page';
  /** The fields its card submit carries beside `action`. */
  data: z.ZodRawShape;
  /** It reads the unanswered-questions log (coordinators only). */
  unanswered?: true;
}

/**
 * Every command, once: its words in English and Vietnamese, where it is handled, the results
 * it needs and its card data. The card action of a command is its name.
 */
export const COMMANDS = {
  language: {
    words: {
      en: ['language', 'english'],
      vi: ['ngon ngu', 'doi ngon ngu', 'tieng viet', 'tieng anh'],
    },
    scope: 'anywhere',
    // A page or button may name the language; otherwise it toggles.
    data: { lang: z.enum(['en', 'vi']).optional().catch(undefined) },
  },
  help: {
    words: { en: ['help'], vi: ['tro giup', 'huong dan', 'giup toi', 'giup'] },
    scope: 'anywhere',
    data: {},
  },
  ask: { words: { en: [], vi: [] }, scope: 'flow', data: { question: optionalText(4000) } },
  start: {
    words: {
      en: ['start', 'start an assessment', 'start assessment', 'new assessment'],
      vi: ['bat dau', 'bat dau danh gia', 'danh gia moi'],
    },
    scope: 'flow',
    data: {},
  },
  continue: {
    words: { en: ['continue', 'resume', 'continue my assessment'], vi: ['tiep tuc', 'lam tiep'] },
    scope: 'flow',
    data: {},
  },
  'start-over': { words: { en: [], vi: [] }, scope: 'flow', data: {} },
  back: {
    words: { en: ['back', 'previous'], vi: ['quay lai', 'tro lai', 'cau truoc'] },
    scope: 'flow',
    data: itemId,
  },
  skip: { words: { en: ['skip'], vi: ['bo qua'] }, scope: 'flow', data: itemId },
  pause: {
    words: { en: ['pause', 'continue later', 'later'], vi: ['tam dung', 'tiep tuc sau', 'de sau'] },
    scope: 'flow',
    data: {},
  },
  cancel: { words: { en: ['cancel'], vi: ['huy', 'huy bo'] }, scope: 'flow', data: {} },
  // The words that answer a yes/no question, and the confirmation buttons' titles.
  yes: {
    words: {
      en: [...YES_NO_WORDS.en.yes, 'yes cancel it'],
      vi: [...YES_NO_WORDS.vi.yes, 'co huy bai'],
    },
    scope: 'flow',
    data: {},
  },
  no: {
    words: {
      en: [...YES_NO_WORDS.en.no, 'no continue'],
      vi: [...YES_NO_WORDS.vi.no, 'khong lam tiep'],
    },
    scope: 'flow',
    data: {},
  },
  submit: { words: { en: ['submit'], vi: ['nop', 'nop bai'] }, scope: 'flow', data: itemId },
  answer: {
    words: { en: [], vi: [] },
    scope: 'flow',
    // Choice sets send strings ("a,b" for several), inputs text; the item's parser decides.
    data: { ...itemId, answer: z.unknown().optional() },
  },
  instrument: { words: { en: [], vi: [] }, scope: 'flow', data: { id } },
  centre: {
    words: { en: [], vi: [] },
    scope: 'flow',
    data: { id, centreName: optionalText(4000) },
  },
  'my-results': {
    words: { en: ['my results', 'results'], vi: ['ket qua', 'ket qua cua toi'] },
    scope: 'anywhere',
    results: 'mine',
    data: {},
  },
  'show-result': { words: { en: [], vi: [] }, scope: 'anywhere', results: 'mine', data: { id } },
  export: {
    words: { en: [], vi: [] },
    scope: 'anywhere',
    results: 'mine',
    data: { id, format: z.enum(['csv', 'md']).optional().catch(undefined) },
  },
  'my-data': {
    words: { en: ['my data', 'export my data'], vi: ['du lieu cua toi', 'xuat du lieu cua toi'] },
    scope: 'anywhere',
    results: 'mine',
    data: {},
  },
  'forget-me': {
    words: { en: ['delete my data', 'forget me'], vi: ['xoa du lieu cua toi', 'xoa du lieu'] },
    scope: 'flow',
    data: {},
  },
  submissions: {
    words: { en: ['submissions'], vi: ['bai nop', 'cac bai nop', 'danh sach bai nop'] },
    scope: 'anywhere',
    results: 'page',
    // Where the page starts: "YYYY-MM-DD|result id" of the last one shown.
    data: { before: optionalText(260) },
  },
  summary: {
    words: { en: ['summary', 'network summary'], vi: ['tong hop', 'tong hop mang luoi'] },
    scope: 'anywhere',
    results: 'figures',
    data: {},
  },
  unanswered: {
    words: {
      en: ['unanswered', 'unanswered questions'],
      vi: ['chua tra loi', 'cau hoi chua tra loi'],
    },
    scope: 'anywhere',
    unanswered: true,
    data: {},
  },
  join: {
    words: {
      en: ['join', 'join a centre', 'join my centre'],
      vi: ['tham gia', 'tham gia trung tam'],
    },
    scope: 'anywhere',
    // An invite code, or (where the pack allows open joining) a centre chosen from the list.
    data: { code: optionalText(40), centre: id },
  },
  'centre-results': {
    words: {
      en: ['centre results', 'our results', 'my centre results'],
      vi: ['ket qua trung tam', 'ket qua cua trung tam'],
    },
    scope: 'anywhere',
    results: 'centre',
    data: {},
  },
  'change-centre': {
    words: {
      en: ['change my centre', 'change centre', 'move to another centre'],
      vi: ['doi trung tam', 'doi trung tam cua toi', 'chuyen trung tam'],
    },
    scope: 'anywhere',
    data: { centre: id },
  },
  'centre-requests': {
    words: { en: ['centre requests', 'requests'], vi: ['yeu cau doi trung tam', 'cac yeu cau'] },
    scope: 'anywhere',
    data: {},
  },
  'approve-centre': { words: { en: [], vi: [] }, scope: 'anywhere', data: { user: id } },
  invite: {
    words: {
      en: ['invite', 'invite someone', 'create an invite'],
      vi: ['moi', 'moi thanh vien', 'tao ma moi'],
    },
    scope: 'anywhere',
    data: { role: optionalText(20), centre: id },
  },
  'export-all': {
    words: { en: ['export all', 'export all results'], vi: ['xuat tat ca', 'xuat tat ca ket qua'] },
    scope: 'anywhere',
    results: 'all',
    data: {},
  },
} as const satisfies Record<string, CommandSpec>;

/** What a member can ask the bot to do, by button or by typing the words. */
export type Command = keyof typeof COMMANDS;

/** The commands handled wherever the member is. */
export type AnywhereCommand = {
  [K in Command]: (typeof COMMANDS)[K]['scope'] extends 'anywhere' ? K : never;
}[Command];

/** Every field of a card submit may be missing (a client can always drop one). */
type Fields<S extends z.ZodRawShape> = { [F in keyof S]?: z.output<S[F]> };

/** The data of a card submit, one shape per command. */
export type CardData = {
  [K in Command]: { action: K } & Fields<(typeof COMMANDS)[K]['data']>;
}[Command];

/** The card data of one command. */
export type CardDataOf<K extends Command> = Extract<CardData, { action: K }>;

const commandNames = Object.keys(COMMANDS) as Command[];

const variants = commandNames.map((name) =>
  z.object({ action: z.literal(name), ...COMMANDS[name].data }),
);

/** Card submit data, checked: a discriminated union on `action`. */
export const CardDataSchema = z.discriminatedUnion(
  'action',
  variants as unknown as [(typeof variants)[number], ...(typeof variants)[number][]],
) as unknown as z.ZodType<CardData>;

export const isCommand = (name: unknown): name is Command =>
  typeof name === 'string' && Object.hasOwn(COMMANDS, name);

const BY_WORD = new Map<string, Command>(
  commandNames.flatMap((name) =>
    [...COMMANDS[name].words.en, ...COMMANDS[name].words.vi].map((w) => [w, name] as const),
  ),
);

/**
 * The command typed as a whole message, in English or Vietnamese: a question that contains
 * "back" is a question.
 */
export function typedCommand(text: string): Command | undefined {
  const folded = foldText(text);
  if (!folded || folded.length > 40) return undefined;
  return BY_WORD.get(folded);
}
