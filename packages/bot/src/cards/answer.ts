import type { Answer } from '../answers/answer';
import { citation, type SourceTitle } from '../answers/citation';
import { t } from '../i18n/catalog';
import { type AdaptiveCard, type CardElement, card, submit, text } from './adaptiveCard';

/**
 * An answer with its sources (cited by the titles of `documents`), and its suggestions as
 * buttons that ask them.
 */
export function answerCard(answer: Answer, documents: readonly SourceTitle[]): AdaptiveCard {
  const sources = [...new Set(answer.sources.map((s) => citation(s, documents, answer.lang)))];
  const body: CardElement[] = [text(answer.text)];
  if (sources.length)
    body.push(
      text(`${t(answer.lang, 'sources')}: ${sources.join('; ')}`, {
        isSubtle: true,
        size: 'Small',
      }),
    );
  return card(
    body,
    answer.suggestions.slice(0, 5).map((s) => submit(s.text, { action: 'ask', question: s.text })),
  );
}
