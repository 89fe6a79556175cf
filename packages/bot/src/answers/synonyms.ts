/**
 * Words members use for what the documents call otherwise: "spread" for "disseminate",
 * "steps" for the phase's components, "goal" for "objective". Each group is one meaning;
 * a question's word matches the others in its group, at less weight than the word itself
 * (see `termIndex.ts`). Single words only, English: folded Vietnamese syllables are not words.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['aim', 'goal', 'objective', 'purpose', 'target'],
  ['fund', 'funding', 'finance', 'financing', 'sponsor', 'donor', 'funder'],
  ['spread', 'disseminate', 'dissemination', 'share'],
  ['step', 'stage', 'component', 'element', 'part'],
  ['marked', 'characterised', 'characterized', 'hallmark'],
  ['start', 'begin', 'launch', 'initiate', 'initiated'],
  ['help', 'support', 'assist', 'assistance'],
  ['job', 'role', 'duty', 'task', 'responsibility', 'function'],
  ['teach', 'train', 'educate', 'education', 'training'],
  ['member', 'participant'],
  ['prison', 'jail', 'incarceration'],
  ['partner', 'collaborator'],
  ['country', 'nation'],
  ['website', 'webpage', 'site'],
  ['beneficiary', 'benefit'],
  ['problem', 'issue', 'challenge'],
  ['reduce', 'lower', 'decrease', 'cut'],
  ['promote', 'encourage', 'foster'],
  // Not "lead": "what does poor access lead to" asks for consequences, not a coordinator.
  ['run', 'manage', 'coordinate'],
  ['consequence', 'impact', 'effect', 'affect'],
  ['want', 'aim', 'seek'],
];

/** Each word's other words, as the index reads words (`normalise`: folded and stemmed). */
export function synonymTable(
  normalise: (word: string) => string | undefined,
): Map<string, readonly string[]> {
  const table = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    const words = [...new Set(group.map(normalise).filter((w) => w !== undefined))];
    for (const word of words) {
      const others = table.get(word) ?? [];
      others.push(...words.filter((w) => w !== word && !others.includes(w)));
      table.set(word, others);
    }
  }
  return table;
}
