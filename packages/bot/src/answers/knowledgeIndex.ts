import { foldText, type KnowledgeEntry, keywords } from '@resonet/core';
import MiniSearch from 'minisearch';
import { VIETNAMESE_MARKS } from './language';
import { isVietnameseSyllable, Speller } from './spelling';

interface Doc {
  id: string;
  entryId: string;
  lang: string;
  /** Folded phrasing: matches questions typed with or without diacritics. */
  text: string;
  /** Phrasing as written, lower-cased: an exact-diacritic match ranks higher. */
  exact: string;
  /** A line of the entry's answer rather than a way of asking it. */
  passage?: true;
}

// Words that say how a question is asked, not what it is about.
const FILLERS = new Set(
  'tell me please can could would you i my our we us want know explain define describe give show like there exactly have has had hay cho toi biet vay oi nhe muon xin minh chung ta'.split(
    ' ',
  ),
);

// A light English stemmer: safe for folded Vietnamese, whose syllables never end in these.
function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  if (word.endsWith('ically')) return word.slice(0, -4);
  if (word.endsWith('ly') && word.length > 6) return word.slice(0, -2);
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && !word.endsWith('eed')) return word.slice(0, -2);
  if (word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

// How a question asks, when it asks how many, how much or how long: one word each, whatever
// the language, so "bao nhiêu" is one shared word with a budget question, not two.
const ASKING: [RegExp, string][] = [
  [/\b(how many|how much|bao nhieu)\b/g, ' qxquantity '],
  [/\b(how long|bao lau)\b/g, ' qxduration '],
  [/\b(khi nao|bao gio|nhu the nao|the nao|tai sao|vi sao|o dau)\b/g, ' '],
];

/** Whether a term only says how a question asks (see ASKING). */
export const asksHow = (term: string) => term.startsWith('qx');

/** The folded words of a question that say what it is about, unstemmed. */
export function words(text: string): string[] {
  let folded = foldText(text);
  for (const [phrase, word] of ASKING) folded = folded.replace(phrase, word);
  // No real word is 40 letters long; longer tokens would only make fuzzy matching costly.
  return keywords(folded).filter(
    (word) => word.length <= 40 && !FILLERS.has(word) && !/^[a-z]$/.test(word),
  );
}

/** The folded, stemmed words of a question that say what it is about. */
export function terms(text: string): string[] {
  return words(text).map(stem);
}

/** Lower-cased words with their diacritics, for the exact-match bonus. */
function exactWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => terms(word).length > 0);
}

const UNSEEN_FREQUENCY = 3;

// A question worded like the answer ("Who tests the draft training package?") finds the
// entry through the line that says it, but a phrasing members ask outranks a line that
// merely shares the words.
const PASSAGE_WEIGHT = 0.5;

/** The lines and clauses of an answer: each says one thing a question may ask about. */
const passages = (answer: string) =>
  answer
    .split(/\n|;\s|(?<=[.:])\s/)
    .map((part) => part.replace(/^[•\s]+/, '').trim())
    .filter((part) => terms(part).length > 0);

/** A candidate entry for a question, with how much of the question it covers. */
export interface Candidate {
  entry: KnowledgeEntry;
  score: number;
  /** Share (0–1) of the question's meaningful words found in the entry's best phrasing. */
  coverage: number;
  /** Share (0–1) of that phrasing's meaningful words found in the question. */
  precision: number;
  /** The question's distinct meaningful words the entry matched. */
  matched: number;
  /** Of those, the ones matched by a way of asking the entry, not only by its answer. */
  phrased: number;
  /** The question's words it did not match that ways of asking other entries use. */
  missedKnown: number;
  /** The question's distinct meaningful words. */
  asked: number;
}

/**
 * The full-text index over every phrasing of every entry (MiniSearch), searched folded with
 * typo tolerance, plus a bonus for words matching with their diacritics.
 */
export class KnowledgeIndex {
  private readonly search: MiniSearch<Doc>;
  private readonly entries: Map<string, KnowledgeEntry>;
  private readonly lengths = new Map<string, number>();
  /** How many entries use each term: common words ("ITTC", "network") say little. */
  private readonly entryFrequency = new Map<string, number>();

  private readonly speller: Speller;
  /** Each Vietnamese answer line's folded words and adjacent pairs, built once (see `inOrder`). */
  private readonly sequences = new Map<string, { words: Set<string>; pairs: Set<string> }>();

  /** `names`: the folded words that name the networks, the likeliest words to mistype. */
  constructor(entries: readonly KnowledgeEntry[], names: Iterable<string> = []) {
    this.entries = new Map(entries.map((e) => [e.id, e]));
    this.search = new MiniSearch<Doc>({
      fields: ['text', 'exact'],
      storeFields: ['entryId', 'lang', 'passage'],
      tokenize: (text, field) => (field === 'exact' ? exactWords(text) : terms(text)),
      processTerm: (term) => term,
    });
    const docs: Doc[] = [];
    for (const entry of entries) {
      for (const [lang, questions] of Object.entries(entry.questions)) {
        questions?.forEach((question, i) => {
          const id = `${entry.id}#${lang}#${i}`;
          docs.push({ id, entryId: entry.id, lang, text: question, exact: question });
          this.lengths.set(id, new Set(terms(question)).size);
        });
      }
      for (const [lang, answer] of Object.entries(entry.answer)) {
        passages(answer ?? '').forEach((text, i) => {
          const id = `${entry.id}#${lang}#a${i}`;
          docs.push({ id, entryId: entry.id, lang, text, exact: text, passage: true });
          this.lengths.set(id, new Set(terms(text)).size);
          if (lang === 'vi') {
            const line = terms(text);
            const pairs = new Set(line.slice(1).map((word, k) => `${line[k]} ${word}`));
            this.sequences.set(id, { words: new Set(line), pairs });
          }
        });
      }
    }
    this.search.addAll(docs);
    const vocabulary = new Set<string>();
    for (const entry of entries) {
      for (const text of [...Object.values(entry.questions), ...Object.values(entry.answer)])
        for (const part of [text ?? []].flat())
          for (const word of words(part)) vocabulary.add(word);
    }
    this.speller = new Speller(vocabulary, new Set(names));
    for (const entry of entries) {
      const words = new Set(
        Object.values(entry.questions).flatMap((qs) => (qs ?? []).flatMap(terms)),
      );
      for (const word of words)
        this.entryFrequency.set(word, (this.entryFrequency.get(word) ?? 0) + 1);
    }
  }

  // Inverse entry frequency: a rare word weighs most, one every entry uses least. A word no
  // entry uses weighs like a fairly rare one: often it is just another way to ask.
  private weight(term: string): number {
    return Math.log(
      1 + this.entries.size / (1 + (this.entryFrequency.get(term) ?? UNSEEN_FREQUENCY)),
    );
  }

  /**
   * The question's words a Vietnamese answer line shares in order. Most Vietnamese words are
   * two syllables and folded syllables collide ("pho" is in "phổ biến" and "phở"), so a long
   * line shares a syllable with almost any question: it shares a word only when it has two
   * of the question's syllables side by side, or a word that is no Vietnamese syllable.
   */
  private inOrder(id: string, wanted: readonly string[]): string[] {
    const { words: line, pairs } = this.sequences.get(id) ?? { words: new Set(), pairs: new Set() };
    const shared = new Set<string>();
    wanted.forEach((word, i) => {
      const next = wanted[i + 1];
      if (next !== undefined && pairs.has(`${word} ${next}`)) shared.add(word).add(next);
      if (!isVietnameseSyllable(word) && line.has(word)) shared.add(word);
    });
    return [...shared];
  }

  /** The question's words an answer line really has: a long line matches near-misses of almost any word. */
  private lineTerms(
    hit: { id: string; lang?: unknown; queryTerms: string[]; terms: string[] },
    wanted: readonly string[],
  ): string[] {
    return hit.lang === 'vi'
      ? this.inOrder(hit.id, wanted)
      : hit.queryTerms.filter((t) => hit.terms.includes(t));
  }

  /** Entries that match a question, best first (one per entry). */
  find(question: string, limit = 5): Candidate[] {
    const wanted = words(question)
      .map((word) => this.speller.correct(word))
      .filter((word) => word !== undefined)
      .map(stem);
    if (wanted.length === 0) return [];
    // One typo allowed from five letters on: shorter words collide too often, and more edits
    // cost more time than they win answers.
    const fuzzy = (term: string) => (term.length < 5 || /\d/.test(term) ? false : 1);
    const folded = this.search.search(wanted.join(' '), {
      fields: ['text'],
      tokenize: (text) => text.split(' '),
      fuzzy,
      prefix: (term) => term.length > 3,
    });
    // Folded Vietnamese syllables collide ("thủ đô" and "thụ hưởng" both fold to "thu"), so a
    // question written with diacritics must match with its diacritics to count as covered.
    const accented = VIETNAMESE_MARKS.test(question);
    const exactWanted = accented ? new Set(exactWords(question)).size : 0;
    // Only a question typed with diacritics can match better with them than without.
    const exact = accented
      ? this.search.search(question, { fields: ['exact'], tokenize: exactWords })
      : [];
    const bonus = new Map<string, { score: number; coverage: number }>();
    for (const hit of exact) {
      bonus.set(hit.id, {
        score: hit.score,
        coverage: new Set(hit.queryTerms).size / Math.max(1, exactWanted),
      });
    }
    const totalWeight = [...new Set(wanted)].reduce((sum, t) => sum + this.weight(t), 0);
    // Numbers say which, not what ("1 + 1" is not about Phase 1), and how a question asks
    // says nothing of what it asks about: neither counts as a word matched or asked.
    const meaningful = (t: string) => !/^\d+$/.test(t) && !asksHow(t);
    const distinct = new Set(wanted.filter(meaningful)).size;
    const coverageOf = (matched: Iterable<string>) =>
      Math.min(1, [...new Set(matched)].reduce((sum, t) => sum + this.weight(t), 0) / totalWeight);
    // Entries are the unit: a question may use words from two phrasings of the same entry
    // ("governments" from one, "fund" from another), so coverage is over all its phrasings.
    const best = new Map<
      string,
      Omit<Candidate, 'matched' | 'phrased' | 'missedKnown' | 'asked'> & {
        folded: Set<string>;
        phrased: Set<string>;
        exact: number;
      }
    >();
    for (const hit of folded) {
      const entry = this.entries.get(hit.entryId as string);
      if (!entry) continue;
      if (hit.passage) {
        const shared = this.lineTerms(hit, wanted);
        if (shared.length === 0) continue;
        hit.score *= shared.length / hit.queryTerms.length;
        hit.queryTerms = shared;
        hit.terms = shared;
      }
      const precision = Math.min(
        1,
        new Set(hit.terms).size / Math.max(1, this.lengths.get(hit.id) ?? 1),
      );
      // A phrasing made mostly of the question's words beats a long one that shares one word.
      const score =
        (hit.score + 0.3 * (bonus.get(hit.id)?.score ?? 0)) *
        (0.5 + 0.5 * precision) *
        (hit.passage ? PASSAGE_WEIGHT : 1);
      const current = best.get(entry.id) ?? {
        entry,
        score,
        coverage: 0,
        precision,
        folded: new Set<string>(),
        phrased: new Set<string>(),
        exact: 0,
      };
      if (score >= current.score) {
        current.score = score;
        current.precision = precision;
      }
      for (const term of hit.queryTerms) {
        current.folded.add(term);
        if (!hit.passage) current.phrased.add(term);
      }
      current.exact = Math.max(current.exact, bonus.get(hit.id)?.coverage ?? 0);
      best.set(entry.id, current);
    }
    return [...best.values()]
      .map(({ entry, score, precision, folded: matched, phrased, exact: exactCoverage }) => {
        const foldedCoverage = coverageOf(matched);
        const coverage = accented ? Math.min(foldedCoverage, exactCoverage) : foldedCoverage;
        const shared = [...matched].filter(meaningful).length;
        return {
          entry,
          score,
          coverage,
          precision,
          matched: shared,
          phrased: [...phrased].filter(meaningful).length,
          missedKnown: [...new Set(wanted)].filter(
            (t) => meaningful(t) && !matched.has(t) && this.entryFrequency.has(t),
          ).length,
          asked: distinct,
        };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
