import { foldText } from '@resonet/core';

// A follow-up leads with "and", "what about", "và", "còn" and names only what changes: a
// phase ("and Phase II?") or a network ("what about the ITTC Network?").
const LEAD = /^(and|what about|how about|and what about|va|con|the con|vay con)\s+/;
const MAX_WORDS = 6;

/** A phrase a follow-up can swap: the phase or the network the previous question named. */
interface Swap {
  /** Finds the phrase of this kind in a question as typed (any case, with or without diacritics). */
  find: RegExp;
  /** Whether the follow-up's remainder (folded) is a phrase of this kind. */
  is: RegExp;
}

const SWAPS: readonly Swap[] = [
  {
    find: /\b(phase|giai đoạn|giai doan)\s+(one|two|1|2|ii|i|một|mot|hai)\b/i,
    is: /^(the )?(phase|giai doan)\s+(one|two|1|2|ii|i|mot|hai)( then| thi sao)?$/,
  },
  {
    find: /\b(the )?(itt?c network|itt?c|treatnet|mạng lưới itt?c|mang luoi itt?c)\b/i,
    is: /^(the )?(itt?c network|itt?c|treatnet|mang luoi itt?c)( then| thi sao)?$/,
  },
];

/**
 * The question a follow-up stands for, read against the previous question: "How long did
 * Phase I last?" then "and Phase II?" is "How long did Phase II last?". `undefined` when the
 * message is not a follow-up of that question (then it is a question of its own).
 */
export function resolveFollowUp(previous: string, message: string): string | undefined {
  const folded = foldText(message);
  const lead = LEAD.exec(folded);
  if (!lead) return undefined;
  const rest = folded.slice(lead[0].length).trim();
  if (!rest || rest.split(' ').length > MAX_WORDS) return undefined;
  const swap = SWAPS.find((s) => s.is.test(rest));
  if (!swap?.find.test(previous)) return undefined;
  // The new phrase as typed, without the lead words and the question mark.
  const typed = message
    .trim()
    .replace(/[?？.!]+$/, '')
    .replace(/\s+(then|thì sao|thi sao)$/i, '')
    .split(/\s+/)
    .slice(lead[0].trim().split(' ').length)
    .join(' ');
  return previous.replace(swap.find, typed);
}
