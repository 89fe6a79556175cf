import { localize } from '../text';
import type { Item, Section } from './instrument';

// "…" or "..." where a section's lead-in stops and its items go on.
const TRAILING = /\s*(…|\.\.\.)\s*$/;
const LEADING = /^\s*(…|\.\.\.)\s*/;

/**
 * An item as a whole question: a section whose lead-in ends in "…" ("Our staff need more
 * training in…") and an item that starts with one ("…assessing clients' problems and
 * needs.") read as one sentence ("Our staff need more training in assessing clients'
 * problems and needs."). Any other item reads as written.
 *
 * @example
 * ```ts
 * const section: Section = { id: 's', title: { en: 'Needs' }, intro: { en: 'Our staff need more training in…' }, items: [] };
 * const item: Item = { id: 'q', type: 'yes-no', required: true, text: { en: '…counselling.' } };
 * questionText(section, item, 'en'); // 'Our staff need more training in counselling.'
 * ```
 */
export function questionText(section: Section, item: Item, locale = 'en'): string {
  const text = localize(item.text, locale);
  const lead = section.intro ? localize(section.intro, locale) : '';
  if (!LEADING.test(text) || !TRAILING.test(lead)) return text;
  return `${lead.replace(TRAILING, '')} ${text.replace(LEADING, '')}`;
}
