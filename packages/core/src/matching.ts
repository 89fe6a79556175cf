/**
 * Folds text for matching: Unicode NFC, lower case, Vietnamese and other diacritics
 * removed (`đ` → `d`), punctuation turned to spaces, white space collapsed. People often
 * type Vietnamese without diacritics, so both forms must meet.
 *
 * @example
 * ```ts
 * foldText('Vai trò GIÁO DỤC, Đào tạo'); // 'vai tro giao duc dao tao'
 * ```
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Splits text into folded words, for keyword matching.
 *
 * @example
 * ```ts
 * foldedWords('Đánh giá nhu cầu'); // ['danh', 'gia', 'nhu', 'cau']
 * ```
 */
export function foldedWords(text: string): string[] {
  const cached = wordCache.get(text);
  if (cached) return cached.slice();
  const folded = foldText(text);
  const words = folded ? folded.split(' ') : [];
  // Data texts are folded again and again by queries; a bounded memo keeps that cheap.
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  if (text.length <= 2000) wordCache.set(text, words);
  return words.slice();
}

const WORD_CACHE_LIMIT = 10_000;
const wordCache = new Map<string, string[]>();

// Small on purpose: words that carry no meaning in questions about who does what.
const STOP_WORDS = new Set(
  (
    'a an the of to for in on at by and or is are was were be been do does did who whom which what ' +
    'when where how why with about from that this these those it its their there any some all ' +
    'ai la gi nao cua cac nhung mot va hoac cho voi trong tren duoc co khong thi ma nay do ve ' +
    'nguoi ben lam'
  ).split(' '),
);

/**
 * The folded words of a text that carry meaning (stop words in English and Vietnamese
 * removed).
 *
 * @example
 * ```ts
 * keywords('Who identifies the resource centres?'); // ['identifies', 'resource', 'centres']
 * ```
 */
export function keywords(text: string): string[] {
  return foldedWords(text).filter((word) => !STOP_WORDS.has(word));
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

// A word without its plural or verb ending: "runs" and "run", "rounds" and "round".
const bare = (word: string) => (word.length > 3 ? word.replace(/(es|s)$/, '') : word);

// Equal words match, and so do a word and its plural ("runs" meets "run"); longer words match
// on a shared stem of four or more letters, so "identifies" meets "identification" and
// "centers" meets "centres".
function wordsMatch(a: string, b: string): boolean {
  if (a === b || bare(a) === bare(b)) return true;
  return a.length >= 5 && b.length >= 5 && commonPrefix(a, b) >= 4;
}

/**
 * The share (0 to 1) of a query's keywords found in a text, after folding both.
 *
 * @example
 * ```ts
 * keywordScore('who identifies resource centres', 'identification of resource centres'); // 1
 * keywordScore('xac dinh trung tam', 'Xác định các trung tâm nguồn'); // 1
 * ```
 */
export function keywordScore(query: string, text: string): number {
  const wanted = keywords(query);
  if (wanted.length === 0) return 0;
  const have = foldedWords(text);
  const found = wanted.filter((word) => have.some((candidate) => wordsMatch(word, candidate)));
  return found.length / wanted.length;
}
