import { foldText } from '@resonet/core';

export type SmallTalk = 'greeting' | 'thanks' | 'help';

const PATTERNS: [SmallTalk, RegExp][] = [
  [
    'greeting',
    /^(hi|hello|hey|good (morning|afternoon|evening)|xin chao|chao( ban| anh| chi| em)?|alo)( there| bot| resonet)?$/,
  ],
  ['thanks', /^(thanks?( you)?( so much| a lot)?|thank u|cam on( ban| nhieu)?|many thanks)$/],
  [
    'help',
    /^(help|help me|what can you do|huong dan|giup( toi)?( voi)?|tro giup|ban lam duoc gi)$/,
  ],
];

/** Recognises short greetings, thanks and requests for help in English and Vietnamese. */
export function smallTalk(text: string): SmallTalk | undefined {
  const folded = foldText(text);
  return PATTERNS.find(([, pattern]) => pattern.test(folded))?.[0];
}
