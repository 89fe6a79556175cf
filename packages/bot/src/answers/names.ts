/**
 * The names a question uses, each as its words: capitalised words past a sentence's first
 * word ("an ITTC in Vietnam", "văn phòng ở Hà Nội"), runs of them together ("Hà Nội",
 * "Robert Wood Johnson"), and acronyms anywhere ("ICUDDR là gì"). A question that names
 * something the documents never mention is about something they do not cover.
 */
export function namesIn(question: string): string[][] {
  const names: string[][] = [];
  for (const sentence of question.normalize('NFC').split(/[.?!;:\n]+/)) {
    const words = sentence.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    let run: { words: string[]; start: number } | undefined;
    const close = () => {
      // A sentence's first word is capitalised anyway: alone it names nothing, unless it is
      // an acronym.
      if (run && (run.start > 0 || run.words.length > 1 || isAcronym(run.words[0]!)))
        names.push(run.words);
      run = undefined;
    };
    words.forEach((word, i) => {
      if (!isCapitalised(word)) {
        close();
        return;
      }
      run ??= { words: [], start: i };
      run.words.push(word);
    });
    close();
  }
  return names;
}

// English capitalises months and weekdays: they are dates, not names.
const CALENDAR =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

const isCapitalised = (word: string) =>
  word.length > 1 && !/\d/.test(word) && /^\p{Lu}/u.test(word) && !CALENDAR.test(word);
const isAcronym = (word: string) => /^\p{Lu}{2,}s?$/u.test(word);
