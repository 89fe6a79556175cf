import { foldText, type Network } from '@resonet/core';

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

const PHASE: Swap = {
  find: /\b(phase|giai đoạn|giai doan)\s+(one|two|1|2|ii|i|một|mot|hai)\b/i,
  is: /^(the )?(phase|giai doan)\s+(one|two|1|2|ii|i|mot|hai)( then| thi sao)?$/,
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The names a follow-up may name a network by: its acronym and names, and the acronym
 * without "Network" ("ITTC"), also after "mạng lưới"; as typed and folded.
 */
export function networkNames(networks: readonly Pick<Network, 'acronym' | 'name'>[]): string[] {
  const names = networks.flatMap((n) => {
    const short = n.acronym?.replace(/\s+network$/i, '');
    return [n.acronym, n.name.en, n.name.vi, short, short && `mạng lưới ${short}`];
  });
  const all = names.flatMap((name) => (name ? [name, foldText(name)] : []));
  // Longest first, so that "ITTC Network" is found before "ITTC".
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}

/** The swap for the networks' names, when there are any. */
function networkSwap(names: readonly string[]): Swap | undefined {
  if (!names.length) return undefined;
  const any = names.map(escapeRegExp).join('|');
  const folded = [...new Set(names.map(foldText))].map(escapeRegExp).join('|');
  return {
    find: new RegExp(`(?<![\\p{L}\\d])(the )?(${any})(?![\\p{L}\\d])`, 'iu'),
    is: new RegExp(`^(the )?(${folded})( then| thi sao)?$`),
  };
}

/**
 * The question a follow-up stands for, read against the previous question: "How long did
 * Phase I last?" then "and Phase II?" is "How long did Phase II last?". `undefined` when the
 * message is not a follow-up of that question (then it is a question of its own).
 */
export function resolveFollowUp(
  previous: string,
  message: string,
  names: readonly string[] = [],
): string | undefined {
  const folded = foldText(message);
  const lead = LEAD.exec(folded);
  if (!lead) return undefined;
  const rest = folded.slice(lead[0].length).trim();
  if (!rest || rest.split(' ').length > MAX_WORDS) return undefined;
  const network = networkSwap(names);
  const swap = [PHASE, ...(network ? [network] : [])].find((s) => s.is.test(rest));
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
