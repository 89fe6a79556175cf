import { type LocalizedText, localize } from '@resonet/core';
import { networkNames, resolveFollowUp } from '../../answers/followUp';
import { answerCard } from '../../cards/answer';
import { type Lang, t } from '../../i18n/catalog';
import type { Flow } from '../flow';
import { dataOf } from '../incoming';

/** "Type your question, for example “…” or “…”." with the pack's example questions. */
function askHint(lang: Lang, examples: readonly LocalizedText[]): string {
  if (!examples.length) return t(lang, 'askHint');
  const quoted = examples.map((e) => `“${localize(e, lang)}”`);
  const last = quoted.pop();
  const joined = quoted.length ? `${quoted.join(', ')} ${t(lang, 'or')} ${last}` : (last ?? '');
  return t(lang, 'askHintExamples', { examples: joined });
}

/** How many turns a question stays the one a follow-up is read against. */
export const CONTEXT_TURNS = 3;

/** Anything that is not a command is a question for the answering engine. */
export const ask: Flow = (outcome, message, ctx) => {
  const question =
    message.command === 'ask' ? (dataOf(message, 'ask')?.question ?? '') : message.text;
  if (!question.trim()) return outcome.say(askHint(outcome.lang, ctx.branding.examples));
  const previous = outcome.member.context?.question;
  const asked =
    (previous && resolveFollowUp(previous, question, networkNames(ctx.networks))) || question;
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
