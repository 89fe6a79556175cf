import SearchableMap from 'minisearch/SearchableMap';

/** A document that matched a search, by its position in the list the index was built from. */
export interface TermHit {
  doc: number;
  score: number;
  /** The query's words it matched. */
  queryTerms: string[];
  /** Its own words that matched them (the same, or one typo or a prefix away). */
  terms: string[];
}

export interface TermSearch {
  /** Edits allowed for a query word (false: none). */
  fuzzy?: (term: string) => number | false;
  /** Whether a query word also matches the longer words it begins. */
  prefix?: (term: string) => boolean;
  /** Other words for a query word, matched exactly, each counting less than the word. */
  synonyms?: (term: string) => readonly string[];
}

interface Postings {
  docs: Int32Array;
  /** Each document's BM25 weight for the word: fixed once the index is built. */
  weights: Float64Array;
}

// BM25+ as MiniSearch scores it (k, b, d and its weights for typo and prefix matches), so
// ranking stays what it was when MiniSearch searched these documents itself.
const K = 1.2;
const B = 0.7;
const D = 0.5;
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
// Another word for the same thing is surer than a typo, less than the word the source uses.
const SYNONYM_WEIGHT = 0.6;
// A question's words recur from one question to the next: their typo and prefix expansions
// are kept, up to a bound, rather than walked again in the tree each time.
const EXPANSIONS_KEPT = 10_000;

/**
 * A full-text index over one field of fixed documents, for the knowledge base's few
 * thousand short texts: every document's BM25 weight for every word is computed once, so a
 * search only adds numbers. Searches return what MiniSearch's would for the same options.
 */
export class TermIndex {
  private readonly postings = new SearchableMap<Postings>();
  private readonly expansions = new Map<string, [Postings, number, string][]>();

  constructor(docs: readonly (readonly string[])[]) {
    const count = docs.length;
    // A document's length is its distinct words, as MiniSearch counts it.
    const lengths = docs.map((tokens) => new Set(tokens).size);
    const average = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, count);
    const frequencies = new Map<string, Map<number, number>>();
    docs.forEach((tokens, doc) => {
      for (const token of tokens) {
        const byDoc = frequencies.get(token) ?? new Map<number, number>();
        byDoc.set(doc, (byDoc.get(doc) ?? 0) + 1);
        frequencies.set(token, byDoc);
      }
    });
    for (const [token, byDoc] of frequencies) {
      const idf = Math.log(1 + (count - byDoc.size + 0.5) / (byDoc.size + 0.5));
      const postings: Postings = {
        docs: Int32Array.from(byDoc.keys()),
        weights: Float64Array.from(byDoc, ([doc, tf]) => {
          const length = lengths[doc]!;
          return idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / average)));
        }),
      };
      this.postings.set(token, postings);
    }
  }

  /** The index's words a query word matches, with the weight each match counts for. */
  private expand(
    term: string,
    edits: number | false,
    prefix: boolean,
    synonyms: readonly string[],
  ): [Postings, number, string][] {
    const key = `${term} ${edits} ${prefix} ${synonyms.join(' ')}`;
    const kept = this.expansions.get(key);
    if (kept) return kept;
    const found: [Postings, number, string][] = [];
    const exact = this.postings.get(term);
    if (exact) found.push([exact, 1, term]);
    const fuzzy = edits ? this.postings.fuzzyGet(term, edits) : undefined;
    if (prefix) {
      for (const [word, postings] of this.postings.atPrefix(term)) {
        const distance = word.length - term.length;
        if (!distance) continue;
        fuzzy?.delete(word);
        found.push([
          postings,
          (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * distance),
          word,
        ]);
      }
    }
    for (const [word, [postings, distance]] of fuzzy ?? []) {
      if (distance)
        found.push([postings, (FUZZY_WEIGHT * word.length) / (word.length + distance), word]);
    }
    for (const word of synonyms) {
      const postings = word === term ? undefined : this.postings.get(word);
      if (postings && !found.some(([p]) => p === postings))
        found.push([postings, SYNONYM_WEIGHT, word]);
    }
    if (this.expansions.size >= EXPANSIONS_KEPT) this.expansions.clear();
    this.expansions.set(key, found);
    return found;
  }

  /** Documents with any of the query's words, scored as MiniSearch scores an OR query. */
  search(query: readonly string[], options: TermSearch = {}): TermHit[] {
    const hits = new Map<number, { score: number; queryTerms: string[]; terms: string[] }>();
    for (const term of query) {
      if (!term) continue;
      const matches = this.expand(
        term,
        options.fuzzy?.(term) ?? false,
        options.prefix?.(term) ?? false,
        options.synonyms?.(term) ?? [],
      );
      for (const [postings, weight, word] of matches) {
        for (let i = 0; i < postings.docs.length; i++) {
          const doc = postings.docs[i]!;
          const score = weight * postings.weights[i]!;
          const hit = hits.get(doc);
          if (!hit) {
            hits.set(doc, { score, queryTerms: [term], terms: [word] });
            continue;
          }
          hit.score += score;
          if (!hit.queryTerms.includes(term)) hit.queryTerms.push(term);
          if (!hit.terms.includes(word)) hit.terms.push(word);
        }
      }
    }
    // MiniSearch rewards a document for each distinct query word it matched.
    const found: TermHit[] = [];
    for (const [doc, { score, queryTerms, terms }] of hits)
      found.push({ doc, score: score * queryTerms.length, queryTerms, terms });
    return found;
  }
}
