import { resolveFollowUp } from '../../answers/followUp';
import { answerCard } from '../../cards/answer';
import { t } from '../../i18n/catalog';
import type { Flow } from '../flow';
import { dataOf } from '../incoming';

/** How many turns a question stays the one a follow-up is read against. */
export const CONTEXT_TURNS = 3;

/** Anything that is not a command is a question for the answering engine. */
export const ask: Flow = (outcome, message, ctx) => {
  const question =
    message.command === 'ask' ? (dataOf(message, 'ask')?.question ?? '') : message.text;
  if (!question.trim()) return outcome.say(t(outcome.lang, 'askHint'));
  const previous = outcome.member.context?.question;
  const asked = (previous && resolveFollowUp(previous, question)) || question;
  const answer = ctx.answers.answer(asked, { locale: outcome.lang });
  const said = outcome
    .set({ context: { question: asked, turnsLeft: CONTEXT_TURNS } })
    .say('', answerCard(answer, ctx.documents));
  if (answer.status === 'answered') return said;
  return said.effect({
    type: 'unanswered',
    question: {
      question: asked,
      lang: answer.lang,
      outcome: answer.status,
      ...(answer.nearest ? { nearest: answer.nearest } : {}),
    },
  });
};
