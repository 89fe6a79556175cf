import { foldText } from '@resonet/core';
import { namesIn } from './names';

/**
 * The kind of fact a question asks for, when it asks for one an answer can be checked
 * against: a count, an amount of money, a date, a named person, or a country. An entry that
 * fits the topic but holds no such fact does not answer the question.
 */
export type AskedFact =
  | 'count'
  | 'amount'
  | 'date'
  | 'person'
  | 'country'
  | 'finding'
  | 'names'
  | 'place';

// "Where does the funding come from?" asks for a source, not an amount ("trung tâm nguồn",
// a resource centre, is no source of money).
const ASKS_SOURCE = /\b(where|who|whom|tu dau|o dau|ai|(?<!trung tam )nguon)\b/;

const ASKS: [AskedFact, RegExp][] = [
  [
    'amount',
    /\b(how much (money|did|does|was|is)|cost|costs|price|budget|salary|salaries|wage|wages|paid|fee|fees|gia bao nhieu|chi phi|ngan sach|kinh phi|bao nhieu tien|(tien )?luong)\b/,
  ],
  ['count', /\b(how many|number of|bao nhieu|so luong)\b/],
  ['date', /\b(when|what year|which year|khi nao|bao gio|nam nao|luc nao)\b/],
  [
    'person',
    /\b(director|directs|who heads|head of|chief|chiefs|boss|manager|chairs?|chaired|chairman|chairperson|chairwoman|president|founder|who founded|giam doc|truong ban|truong phong|truong van phong|(nguoi )?dung dau|chu tich)\b/,
  ],
  // What an evaluation, a study or a document found or recommended: the documents say one
  // was done or written, never what it found.
  [
    'finding',
    /\b(what did|what does|what has)\b.*\b(evaluation|study|survey|review|assessment|research|asi|documents?|reports?|papers?)\b.*\b(find|found|conclude|concluded|show|showed|reveal|revealed|recommend|recommended)\b|\b(findings?|conclusions?|recommendations?|results?|outcomes?) of (the |a |its )?[\w -]*(evaluation|study|survey|review)\b|\bket (qua|luan) (cua )?[\w ]*(danh gia ngoai|danh gia giai doan|khao sat|nghien cuu)\b/,
  ],
  // The names of the members of a kind: "Which universities are ITTCs?", "name the centres".
  [
    'names',
    /\b((which|what) (\w+ ){0,2}(universities|centres|centers|institutions|members|organisations|organizations) (are|is|were|belong|take part)|names? of the (centres|centers|members|universities)|name the (centres|centers|members|universities)|(nhung|cac) (truong|truong dai hoc|trung tam|thanh vien) nao|ten (cua )?(cac|nhung) (trung tam|truong|thanh vien))\b/,
  ],
  // Where an office or a centre is: its address or city, not what kind of place it is.
  [
    'place',
    /\b(where (is|are) (the )?[\w -]*(office|offices|secretariat|headquarters|centre|center|centres|centers)( located| based)?|(address|location|headquarters) of|(dia chi|tru so) (cua|o)|(van phong|tru so)[\w ]* (o dau|tai dau|dat o dau))\b/,
  ],
  ['country', /\b((which|what) (country|countries|city|cities)|(nuoc|quoc gia|thanh pho) nao)\b/],
];

const NUMBER =
  /^(\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)$/;

// Words between "how many" and the thing counted: "how many of the additional providers".
const BEFORE_NOUN = new Set('the of additional more other cac nhung con cai'.split(' '));

// Where the thing counted ends: "how many patients did the centres treat" counts patients.
const AFTER_NOUN = new Set(
  'did do does are is were was have has had will can could took take participate joined in at co duoc da la tham'.split(
    ' ',
  ),
);

/**
 * The words naming what a count question counts ("how many resource centres joined…" →
 * "resource centres"), empty when it names nothing.
 */
export function countedPhrase(folded: string): string[] {
  const after = /\b(?:how many|number of|bao nhieu|so luong)\b(.*)$/.exec(folded)?.[1] ?? '';
  const words = after.split(' ').filter(Boolean);
  const start = words.findIndex((word) => !BEFORE_NOUN.has(word));
  if (start < 0) return [];
  const end = words.findIndex((word, i) => i > start && AFTER_NOUN.has(word));
  return words.slice(start, end < 0 ? undefined : end);
}

/** The word for what a count question counts ("how many people…" → "people"), if it names one. */
const countedWord = (folded: string): string | undefined => countedPhrase(folded)[0];

// "centres", "centre" and "centers" are the same thing counted. Whole words only: folded
// Vietnamese syllables share prefixes without sharing meaning ("nguoi", "nguon").
const singular = (word: string) => word.replace(/re(s?)$/, 'er$1').replace(/s$/, '');
const sameThing = (a: string, b: string) => singular(a) === singular(b);

/**
 * Whether an answer counts the thing asked for: a number followed, within a few words, by
 * the counted word ("20 resource centres", "two treatment staff"). With no counted word
 * named, any number does.
 */
function counts(question: string, answer: string): boolean {
  const words = foldText(answer).split(' ');
  const thing = countedWord(foldText(question));
  return words.some(
    (word, i) =>
      NUMBER.test(word) &&
      (thing === undefined || words.slice(i + 1, i + 5).some((next) => sameThing(next, thing))),
  );
}

let countryNames: Set<string> | undefined;

/** Every country's name in English and Vietnamese, folded (from the runtime's own data). */
function countries(): Set<string> {
  if (countryNames) return countryNames;
  const names = new Set<string>();
  const displays = ['en', 'vi'].map((lang) => new Intl.DisplayNames([lang], { type: 'region' }));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters)
    for (const b of letters)
      for (const display of displays) {
        const name = display.of(`${a}${b}`);
        if (name && name !== `${a}${b}`) names.add(foldText(name));
      }
  countryNames = names;
  return names;
}

/** Whether an answer names a country. */
function namesCountry(answer: string): boolean {
  const folded = ` ${foldText(answer)} `;
  for (const name of countries()) if (folded.includes(` ${name} `)) return true;
  return false;
}

/** What in an answer's text holds each kind of fact. */
const HOLDS: Record<AskedFact, (question: string, answer: string) => boolean> = {
  amount: (_, answer) => /\b(usd|us\$|dollars?|eur|euros?|\d{1,3}([.,]\d{3})+)\b/i.test(answer),
  count: counts,
  date: (_, answer) => /\b(1[89]|20)\d{2}\b/.test(answer),
  // The model records roles, never people: no answer names a director.
  person: () => false,
  // Nor does it record what any evaluation or study found.
  finding: () => false,
  // A country or city, or where a thing is based ("at universities and research centres").
  place: (_, answer) =>
    namesCountry(answer) ||
    /\b(based at|based in|located|headquartered|dat tai|dat tru so|tru so tai|o tai)\b/.test(
      foldText(answer),
    ),
  // Names other than the ones asked with: "ITTCs are based at universities" names none.
  names: (question, answer) => {
    const asked = new Set(namesIn(question).flat().map(foldText));
    const named = namesIn(answer).filter((name) => !name.every((w) => asked.has(foldText(w))));
    return named.length >= 2;
  },
  country: (_, answer) => namesCountry(answer),
};

/** The kind of fact asked for, if any. */
export function askedFact(question: string): AskedFact | undefined {
  const folded = foldText(question);
  const fact = ASKS.find(([, pattern]) => pattern.test(folded))?.[0];
  return fact === 'amount' && ASKS_SOURCE.test(folded) ? undefined : fact;
}

/** Whether an answer's text holds the kind of fact a question asks for. */
export const holdsFact = (fact: AskedFact, question: string, answer: string) =>
  HOLDS[fact](question, answer);
