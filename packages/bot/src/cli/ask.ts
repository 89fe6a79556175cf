import { knowledgeBase, networks, SOURCE_DOCUMENTS } from '@resonet/fixtures';
import { AnswerEngine } from '../answers/answer';
import { citation, documentTitle } from '../answers/citation';
import { type Outcome, ok } from './outcome';

let engine: AnswerEngine | undefined;

const LABELS = {
  sources: { en: 'Sources', vi: 'Nguồn' },
  related: { en: 'You could also ask', vi: 'Bạn cũng có thể hỏi' },
};

/** `resonet ask "question" [--lang en|vi] [--json]`: answers from the knowledge base and the model. */
export function ask(question: string, options: { lang?: string; json: boolean }): Outcome {
  engine ??= new AnswerEngine(knowledgeBase, networks, { documents: SOURCE_DOCUMENTS });
  const answer = engine.answer(question, options.lang ? { locale: options.lang } : {});
  const sources = answer.sources.map((ref) => citation(ref, SOURCE_DOCUMENTS, answer.lang));
  const suggestions = answer.suggestions.map((s) => s.text);
  if (options.json) {
    // The file and section for tools, the title for people.
    const cited = answer.sources.map((ref) => ({
      ...ref,
      title: documentTitle(ref, SOURCE_DOCUMENTS, answer.lang),
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
