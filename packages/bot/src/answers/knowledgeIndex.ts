import { foldText, type KnowledgeEntry, keywords } from '@resonet/core';
import { VIETNAMESE_MARKS } from './language';
import { isVietnameseSyllable, oneEditAway, Speller } from './spelling';
import { synonymTable } from './synonyms';
import { TermIndex, type TermSearch } from './termIndex';

interface Doc {
  id: string;
  entryId: string;
  lang: string;
  /** A line of the entry's answer rather than a way of asking it. */
  passage?: true;
}

/** A searched document with what it matched (see `TermHit`). */
interface Hit {
  id: string;
  entryId: string;
  lang: string;
  passage: boolean;
  score: number;
  queryTerms: string[];
  terms: string[];
}

// Words that say how a question is asked, not what it is about ("whats", typed without its
// apostrophe; "what kinds of practices" asks about practices).
const FILLERS = new Set(
  'tell me please can could would you i my our we us want know explain define describe give show like there exactly have has had whats whos hows wheres kind kinds sort sorts hay cho toi biet vay oi nhe muon xin minh chung ta'.split(
    ' ',
  ),
);

// "disseminated" and "disseminating" are "disseminate", "produced" is "produce": the endings
// that lose an "e" before -ed and -ing get it back, so they meet the word as the documents
// write it.
const restoreE = (base: string) => (/(at|iz|is|uc|iv)$/.test(base) ? `${base}e` : base);

// A light English stemmer: safe for folded Vietnamese, whose syllables never end in these.
function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  if (word.endsWith('ically')) return word.slice(0, -4);
  if (word.endsWith('ly') && word.length > 6) return word.slice(0, -2);
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return restoreE(word.slice(0, -3));
  if (word.endsWith('ed') && !word.endsWith('eed')) return restoreE(word.slice(0, -2));
  if (word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

// How a question asks, when it asks how many, how much or how long: one word each, whatever
// the language, so "bao nhiêu" is one shared word with a budget question, not two.
const ASKING: [RegExp, string][] = [
  [/\b(how many|how much|bao nhieu)\b/g, ' qxquantity '],
  [/\b(how long|bao lau)\b/g, ' qxduration '],
  // What something leads to is its consequence ("lead" alone would be a leader).
  [/\b(lead|leads|led|leading) to\b|\b(result|results|resulted) in\b/g, ' consequence '],
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

/**
 * A Vietnamese line's words as search tokens. Most Vietnamese words are two syllables and
 * folded syllables collide ("pho" is in "phổ biến" and "phở"), so a long line shares a
 * syllable with almost any question: it is indexed by syllables side by side, and by words
 * that are no Vietnamese syllable ("UNODC", "2005").
 */
const syllablePairs = (words: readonly string[]): string[] => [
  ...words.slice(1).map((word, i) => `${words[i]}_${word}`),
  ...words.filter((word) => !isVietnameseSyllable(word)),
];

/** The words each language's ways of asking and answers use. */
function vocabularies(entries: readonly KnowledgeEntry[]): Record<string, Set<string>> {
  const byLanguage: Record<string, Set<string>> = {};
  for (const entry of entries)
    for (const texts of [Object.entries(entry.questions), Object.entries(entry.answer)])
      for (const [lang, text] of texts) {
        const known = byLanguage[lang] ?? new Set<string>();
        byLanguage[lang] = known;
        for (const part of [text ?? []].flat()) for (const word of words(part)) known.add(word);
      }
  return byLanguage;
}

/**
 * Documents searchable two ways: by folded words, which match questions typed with or
 * without diacritics, and by words as written, lower-cased, for an exact-diacritic bonus.
 */
class DocSet {
  private readonly folded: TermIndex;
  private readonly exact: TermIndex;
  /** Each syllable-pair token's words, split once. */
  private readonly paired = new Map<string, string[]>();

  /** `pairs`: documents indexed by syllable pairs (see `syllablePairs`), hits given as words. */
  constructor(
    private readonly docs: readonly Doc[],
    texts: readonly string[],
    private readonly pairs = false,
  ) {
    const tokens = pairs ? syllablePairs : (words: string[]) => words;
    this.folded = new TermIndex(texts.map((text) => tokens(terms(text))));
    this.exact = new TermIndex(texts.map((text) => tokens(exactWords(text))));
  }

  search(field: 'folded' | 'exact', query: readonly string[], options?: TermSearch): Hit[] {
    const tokens = this.pairs ? syllablePairs(query) : query;
    return this[field].search(tokens, options).map((hit) => {
      const { id, entryId, lang, passage } = this.docs[hit.doc]!;
      const matched = this.pairs ? this.unpair(hit.queryTerms) : hit.queryTerms;
      const terms = this.pairs ? matched : hit.terms;
      return {
        id,
        entryId,
        lang,
        passage: passage === true,
        score: hit.score,
        queryTerms: matched,
        terms,
      };
    });
  }

  /** The words behind matched syllable-pair tokens. */
  private unpair(tokens: readonly string[]): string[] {
    const words = new Set<string>();
    for (const token of tokens) {
      const split = this.paired.get(token) ?? token.split('_');
      this.paired.set(token, split);
      for (const word of split) words.add(word);
    }
    return [...words];
  }
}

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
  /** Of those, the ones a way of asking has as typed, not one typo or a prefix away. */
  phrasedExactly: number;
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
  /** Ways of asking each entry, searched with typo tolerance and prefixes. */
  private readonly phrasings: DocSet;
  /** English answer lines, searched for exact words only: a line must really say them. */
  private readonly lines: DocSet;
  /** Vietnamese answer lines, by syllable pairs (see `syllablePairs`). */
  private readonly viLines: DocSet;
  private readonly entries: Map<string, KnowledgeEntry>;
  private readonly lengths = new Map<string, number>();
  /** How many entries use each term: common words ("ITTC", "network") say little. */
  private readonly entryFrequency = new Map<string, number>();

  private readonly speller: Speller;
  /** Other words for a question's word (see `synonyms.ts`). */
  private readonly synonyms = synonymTable((word) => terms(word)[0]);
  /** Every folded word the entries use, and the words `known` adds (see `knows`). */
  private readonly vocabulary = new Set<string>();
  /** Each entry's texts folded, and the `known` texts, for phrases (see `mentions`). */
  private readonly said = new Map<string, string>();
  private readonly knownText: string;

  /**
   * `names`: the folded words that name the networks, the likeliest words to mistype.
   * `known`: other texts whose words a question may use (the networks' model).
   */
  constructor(
    entries: readonly KnowledgeEntry[],
    names: Iterable<string> = [],
    known: readonly string[] = [],
  ) {
    this.entries = new Map(entries.map((e) => [e.id, e]));
    const docs: Doc[] = [];
    const lineDocs: Doc[] = [];
    const viLineDocs: Doc[] = [];
    const texts = new Map<Doc, string>();
    for (const entry of entries) {
      for (const [lang, questions] of Object.entries(entry.questions)) {
        questions?.forEach((question, i) => {
          const id = `${entry.id}#${lang}#${i}`;
          const doc: Doc = { id, entryId: entry.id, lang };
          docs.push(doc);
          texts.set(doc, question);
          this.lengths.set(id, new Set(terms(question)).size);
        });
      }
      for (const [lang, answer] of Object.entries(entry.answer)) {
        passages(answer ?? '').forEach((text, i) => {
          const id = `${entry.id}#${lang}#a${i}`;
          const doc: Doc = { id, entryId: entry.id, lang, passage: true };
          (lang === 'vi' ? viLineDocs : lineDocs).push(doc);
          texts.set(doc, text);
          this.lengths.set(id, new Set(terms(text)).size);
        });
      }
    }
    const textsOf = (list: Doc[]) => list.map((doc) => texts.get(doc) ?? '');
    this.phrasings = new DocSet(docs, textsOf(docs));
    this.lines = new DocSet(lineDocs, textsOf(lineDocs));
    this.viLines = new DocSet(viLineDocs, textsOf(viLineDocs), true);
    const byLanguage = vocabularies(entries);
    this.speller = new Speller(byLanguage, new Set(names));
    for (const words of Object.values(byLanguage))
      for (const word of words) this.vocabulary.add(word).add(stem(word));
    for (const word of known.flatMap(words)) this.vocabulary.add(word).add(stem(word));
    const fold = (texts: readonly (string | undefined)[]) =>
      texts.map((text) => ` ${foldText(text ?? '')} `).join('\n');
    for (const e of entries)
      this.said.set(e.id, fold([...Object.values(e.questions).flat(), ...Object.values(e.answer)]));
    this.knownText = fold(known);
    for (const entry of entries) {
      const words = new Set(
        Object.values(entry.questions).flatMap((qs) => (qs ?? []).flatMap(terms)),
      );
      for (const word of words)
        this.entryFrequency.set(word, (this.entryFrequency.get(word) ?? 0) + 1);
    }
  }

  /**
   * Whether the knowledge base uses a word, as typed or one typo away (from five letters
   * on). Words that say nothing (stop words, fillers) count as known.
   */
  knows(word: string): boolean {
    const [folded] = words(word);
    if (folded === undefined || this.vocabulary.has(folded) || this.vocabulary.has(stem(folded)))
      return true;
    if (folded.length < 5) return false;
    for (const near of oneEditAway(folded)) if (this.vocabulary.has(near)) return true;
    return false;
  }

  private readonly synonymsOf = (term: string) => this.synonyms.get(term) ?? [];

  /**
   * Whether a phrase is used, folded, as whole words: by the entry given, else by any entry
   * or `known` text.
   */
  mentions(phrase: string, entryId?: string): boolean {
    const wanted = ` ${foldText(phrase)} `;
    if (entryId !== undefined) return this.said.get(entryId)?.includes(wanted) ?? false;
    return (
      this.knownText.includes(wanted) || [...this.said.values()].some((t) => t.includes(wanted))
    );
  }

  // Inverse entry frequency: a rare word weighs most, one every entry uses least. A word no
  // entry uses weighs like a fairly rare one: often it is just another way to ask.
  private weight(term: string): number {
    return Math.log(
      1 + this.entries.size / (1 + (this.entryFrequency.get(term) ?? UNSEEN_FREQUENCY)),
    );
  }

  /**
   * Entries that match a question, best first (one per entry). `lang`: the question's
   * language; in a Vietnamese question a syllable is a whole word, matched as typed.
   */
  find(question: string, limit = 5, lang?: string): Candidate[] {
    const wanted = words(question)
      .map((word) => this.speller.correct(word, lang))
      .filter((word) => word !== undefined)
      .map(stem);
    if (wanted.length === 0) return [];
    // One typo allowed from five letters on: shorter words collide too often, and more edits
    // cost more time than they win answers.
    const whole = (term: string) => lang === 'vi' && isVietnameseSyllable(term);
    const fuzzy = (term: string) => (term.length < 5 || /\d/.test(term) || whole(term) ? false : 1);
    const folded = [
      ...this.phrasings.search('folded', wanted, {
        fuzzy,
        prefix: (term) => term.length > 3 && !whole(term),
        synonyms: this.synonymsOf,
      }),
      ...this.lines.search('folded', wanted, { synonyms: this.synonymsOf }),
      ...this.viLines.search('folded', wanted),
    ];
    // Folded Vietnamese syllables collide ("thủ đô" and "thụ hưởng" both fold to "thu"), so a
    // question written with diacritics must match with its diacritics to count as covered.
    const accented = VIETNAMESE_MARKS.test(question);
    const typed = accented ? exactWords(question) : [];
    const exactWanted = new Set(typed).size;
    // Only a question typed with diacritics can match better with them than without.
    const exact = accented
      ? [
          ...this.phrasings.search('exact', typed),
          ...this.lines.search('exact', typed),
          ...this.viLines.search('exact', typed),
        ]
      : [];
    const bonus = new Map<string, { score: number; coverage: number }>();
    for (const hit of exact) {
      bonus.set(hit.id, {
        score: hit.score,
        coverage: hit.queryTerms.length / Math.max(1, exactWanted),
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
      Omit<Candidate, 'matched' | 'phrased' | 'phrasedExactly' | 'missedKnown' | 'asked'> & {
        folded: Set<string>;
        phrased: Set<string>;
        phrasedExactly: Set<string>;
        exact: number;
      }
    >();
    for (const hit of folded) {
      const entry = this.entries.get(hit.entryId);
      if (!entry) continue;
      const precision = Math.min(1, hit.terms.length / Math.max(1, this.lengths.get(hit.id) ?? 1));
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
        phrasedExactly: new Set<string>(),
        exact: 0,
      };
      if (score >= current.score) {
        current.score = score;
        current.precision = precision;
      }
      for (const term of hit.queryTerms) {
        current.folded.add(term);
        if (hit.passage) continue;
        current.phrased.add(term);
        if (hit.terms.includes(term)) current.phrasedExactly.add(term);
      }
      current.exact = Math.max(current.exact, bonus.get(hit.id)?.coverage ?? 0);
      best.set(entry.id, current);
    }
    return [...best.values()]
      .map(
        ({
          entry,
          score,
          precision,
          folded: matched,
          phrased,
          phrasedExactly,
          exact: exactCoverage,
        }) => {
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
            phrasedExactly: [...phrasedExactly].filter(meaningful).length,
            missedKnown: [...new Set(wanted)].filter(
              (t) => meaningful(t) && !matched.has(t) && this.entryFrequency.has(t),
            ).length,
            asked: distinct,
          };
        },
      )
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
