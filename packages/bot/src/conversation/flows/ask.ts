import { answerCard } from '../../cards/answer';
import { t } from '../../i18n/catalog';
import type { Flow } from '../flow';
import { dataOf } from '../incoming';

/** Anything that is not a command is a question for the answering engine. */
export const ask: Flow = (outcome, message, ctx) => {
  const question =
    message.command === 'ask' ? (dataOf(message, 'ask')?.question ?? '') : message.text;
  if (!question.trim()) return outcome.say(t(outcome.lang, 'askHint'));
  const answer = ctx.answers.answer(question, { locale: outcome.lang });
  const said = outcome.say('', answerCard(answer, ctx.documents));
  if (answer.status === 'answered') return said;
  return said.effect({
    type: 'unanswered',
    question: {
      question,
      lang: answer.lang,
      outcome: answer.status,
      ...(answer.nearest ? { nearest: answer.nearest } : {}),
    },
  });
};
