import { citation, documentTitle } from '../answers/citation';
import { type Content, loadContent } from '../content';
import { type Outcome, ok } from './outcome';

let shipped: Content | undefined;

const LABELS = {
  sources: { en: 'Sources', vi: 'Nguồn' },
  related: { en: 'You could also ask', vi: 'Bạn cũng có thể hỏi' },
};

/** `resonet ask "question" [--lang en|vi] [--json]`: answers from the knowledge base and the model. */
export function ask(
  question: string,
  options: { lang?: string; json: boolean; content?: Content },
): Outcome {
  shipped ??= options.content ? undefined : loadContent();
  const content = options.content ?? shipped;
  if (!content) throw new Error('no content to answer from');
  const documents = content.documents;
  const answer = content.answers.answer(question, options.lang ? { locale: options.lang } : {});
  const sources = answer.sources.map((ref) => citation(ref, documents, answer.lang));
  const suggestions = answer.suggestions.map((s) => s.text);
  if (options.json) {
    // The file and section for tools, the title for people.
    const cited = answer.sources.map((ref) => ({
      ...ref,
      title: documentTitle(ref, documents, answer.lang),
    }));
    const { status, lang, text } = answer;
    return ok(`${JSON.stringify({ status, lang, text, sources: cited, suggestions }, null, 2)}\n`);
  }
  const lines = [answer.text];
  if (answer.status === 'clarify') lines.push(...suggestions.map((s, i) => `  ${i + 1}. ${s}`));
  if (sources.length)
    lines.push(
      '',
      `${LABELS.sources[answer.lang]}:`,
      ...[...new Set(sources)].map((s) => `  - ${s}`),
    );
  // An unknown answer's text already leads into its topics ("Some topics I know:").
  if (answer.status === 'unknown') lines.push(...suggestions.map((s) => `  - ${s}`));
  if (answer.status === 'answered' && suggestions.length)
    lines.push('', `${LABELS.related[answer.lang]}:`, ...suggestions.map((s) => `  - ${s}`));
  return ok(`${lines.join('\n')}\n`);
}
