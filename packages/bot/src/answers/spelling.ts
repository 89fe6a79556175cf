import { keywords } from '@resonet/core';

// Every folded Vietnamese syllable has this shape (initial consonant, one to three vowels, a
// final consonant). Typed without diacritics, a short Vietnamese word one letter away from
// another is usually just another real syllable ("gia", "giai"), never a typo to correct.
const VIETNAMESE_SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|nh|ng|[cmnpt])?$/;

/** Whether a folded word could be a Vietnamese syllable ("nha", "cung", "cap"). */
export const isVietnameseSyllable = (word: string) => VIETNAMESE_SYLLABLE.test(word);

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit (insertion, deletion, substitution, swap) away from a word. */
export function oneEditAway(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      out.add(head + letter + tail);
      if (tail) out.add(head + letter + tail.slice(1));
    }
  }
  out.delete(word);
  return out;
}

/**
 * Corrects typos in short words, which the index's fuzzy search leaves alone (from five
 * letters on it allows one edit itself). A short word the knowledge base does not use, and
 * that cannot be a Vietnamese syllable, becomes the network name one edit away ("itc" →
 * "ittc"), else is dropped when it is a misspelt question word ("wat"), else becomes the one
 * known word one edit away. Anything less certain is left as typed.
 */
export class Speller {
  private readonly vocabulary: ReadonlySet<string>;

  /**
   * `byLanguage`: the known words of each language. A word is corrected into one of its own
   * question's language: "taxi" in an English question is no typo of the syllable "tai".
   */
  constructor(
    private readonly byLanguage: Readonly<Record<string, ReadonlySet<string>>>,
    private readonly names: ReadonlySet<string>,
  ) {
    this.vocabulary = new Set(Object.values(byLanguage).flatMap((words) => [...words]));
  }

  /** The word corrected, or undefined when it was a misspelt word that carries no meaning. */
  correct(word: string, lang?: string): string | undefined {
    if (word.length < 3 || word.length > 4 || /\d/.test(word)) return word;
    if (this.vocabulary.has(word) || VIETNAMESE_SYLLABLE.test(word)) return word;
    const vocabulary = (lang && this.byLanguage[lang]) || this.vocabulary;
    const near = [...oneEditAway(word)];
    const name = near.find((w) => this.names.has(w));
    if (name) return name;
    // A question word typed with a letter missing or wrong ("wat", "whe"); dropping a letter
    // would reach too many short words ("won" → "on").
    if (near.some((w) => w.length >= word.length && keywords(w).length === 0)) return undefined;
    const known = near.filter((w) => vocabulary.has(w));
    return known.length === 1 ? known[0] : word;
  }
}
