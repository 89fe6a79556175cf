import { foldedWords, type Lang, langOf } from '@resonet/core';

// Letters only Vietnamese uses among the languages members write in.
// Letters only Vietnamese writes (French and Spanish share à, á, é…: those alone decide nothing).
const ONLY_VIETNAMESE = 'ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ';
const VIETNAMESE_LETTERS = new RegExp(`[${ONLY_VIETNAMESE}]`, 'i');

/** Any letter with a Vietnamese diacritic: text typed with its accents. */
export const VIETNAMESE_MARKS = new RegExp(`[${ONLY_VIETNAMESE}àáèéìíòóùúýõã]`, 'i');
const VI_WORDS = new Set(
  'la gi cua nhung cac khong nao ai bao nhieu khi duoc trung tam vai tro giai doan mang luoi nguoi hoi chao cam on lam sao the dao tao nam thang ngay ve cho toi ban co may dau tien keo dai muc tieu danh gia nhu cau lien he'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  'what who when where how why which is are was were the of do does did many much role roles phase network centre centres center centers about tell me hello hi thanks help'.split(
    ' ',
  ),
);

/**
 * The language of a question: Vietnamese when it uses Vietnamese letters or, typed without
 * diacritics, more Vietnamese words than English ones; otherwise English. Ties go to the
 * user's locale.
 */
export function detectLanguage(text: string, userLocale = 'en'): Lang {
  if (VIETNAMESE_LETTERS.test(text)) return 'vi';
  const words = foldedWords(text);
  const vi = words.filter((w) => VI_WORDS.has(w)).length;
  const en = words.filter((w) => EN_WORDS.has(w)).length;
  if (vi > en) return 'vi';
  if (en > vi) return 'en';
  return langOf(userLocale);
}
