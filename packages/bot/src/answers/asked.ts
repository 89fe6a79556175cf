import { foldText } from '@resonet/core';

/**
 * The kind of fact a question asks for, when it asks for one an answer can be checked
 * against: a count, an amount of money, a date, or a named person. An entry that fits the
 * topic but holds no such fact does not answer the question.
 */
export type AskedFact = 'count' | 'amount' | 'date' | 'person';

const ASKS: [AskedFact, RegExp][] = [
  [
    'amount',
    /\b(how much (money|did|does|was|is)|cost|costs|price|budget|gia bao nhieu|chi phi|ngan sach|kinh phi|bao nhieu tien)\b/,
  ],
  ['count', /\b(how many|number of|bao nhieu|so luong)\b/],
  ['date', /\b(when|what year|which year|khi nao|bao gio|nam nao|luc nao)\b/],
  ['person', /\b(director|head of|chairman|chairperson|president|giam doc|truong ban|chu tich)\b/],
];

/** What in an answer's text holds each kind of fact. */
const HOLDS: Record<AskedFact, RegExp> = {
  amount: /\b(usd|us\$|dollars?|eur|euros?|\d{1,3}([.,]\d{3})+)\b/i,
  count:
    /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifteen|mot|hai|ba|bon|nam|muoi)\b/i,
  date: /\b(1[89]|20)\d{2}\b/,
  // The model records roles, never people: no answer names a director.
  person: /(?!)/,
};

/** The kind of fact asked for, if any. */
export function askedFact(question: string): AskedFact | undefined {
  const folded = foldText(question);
  return ASKS.find(([, pattern]) => pattern.test(folded))?.[0];
}

/** Whether an answer's text holds the kind of fact asked for. */
export const holdsFact = (fact: AskedFact, answer: string) =>
  HOLDS[fact].test(fact === 'count' ? foldText(answer) : answer);
