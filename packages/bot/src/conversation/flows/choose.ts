import { foldText, type Instrument, localize, startSession } from '@resonet/core';
import { centresCard, instrumentsCard, type RememberedCentre } from '../../cards/menus';
import { t } from '../../i18n/catalog';
import { centreLabel, type EngineContext, type Flow, instrumentOf } from '../flow';
import { dataOf, type Message } from '../incoming';
import type { Outcome } from '../outcome';
import { offerRestart, open, resume, showQuestion } from './session';

/** The longest centre name a member may type. */
const MAX_CENTRE_NAME = 120;

/** "Continue": the paused assessment where the member left it. */
export const continueAssessment: Flow = (outcome, _message, ctx) => {
  const current = open(outcome, ctx);
  return current ? resume(current) : outcome.say(t(outcome.lang, 'nothingToContinue'));
};

/** "Start": the list of instruments, or first the choice to continue the open one. */
export const start: Flow = (outcome, _message, ctx) => {
  const current = open(outcome, ctx);
  if (current) return offerRestart(current);
  return outcome
    .set({ step: 'choose-instrument' })
    .say('', instrumentsCard(outcome.lang, ctx.instruments));
};

/** A listed item chosen by a card's id, its number in the list or its typed name. */
function pick<T extends { id: string }>(
  list: readonly T[],
  id: string | undefined,
  typedText: string,
  label: (x: T) => string,
): T | undefined {
  if (id !== undefined) return list.find((x) => x.id === id);
  const typed = foldText(typedText);
  if (/^\d+$/.test(typed)) return list[Number(typed) - 1];
  return typed ? list.find((x) => foldText(label(x)) === typed) : undefined;
}

const pickInstrument = (outcome: Outcome, message: Message, ctx: EngineContext) =>
  pick(ctx.instruments, dataOf(message, 'instrument')?.id, message.text, (i) =>
    localize(i.title, outcome.lang),
  );

/** Whether the message chooses an instrument (or clicks one that is no longer offered). */
export const choosesInstrument = (outcome: Outcome, message: Message, ctx: EngineContext) =>
  message.command === 'instrument' || pickInstrument(outcome, message, ctx) !== undefined;

export const chooseInstrument: Flow = (outcome, message, ctx) => {
  const instrument = pickInstrument(outcome, message, ctx);
  if (!instrument)
    return outcome.say(
      t(outcome.lang, 'unknownInstrument'),
      instrumentsCard(outcome.lang, ctx.instruments),
    );
  // A member who joined a centre answers for it: the centre is not asked.
  const own = ctx.membership?.centreId;
  if (own) return begin(outcome, ctx, instrument, own);
  return outcome
    .set({ step: 'choose-centre', instrumentId: instrument.id })
    .say('', centresCard(outcome.lang, ctx.centres, remembered(outcome, ctx)));
};

/** The assessment started for a centre, at its first question. */
function begin(outcome: Outcome, ctx: EngineContext, instrument: Instrument, centreId: string) {
  const session = startSession(instrument, { respondentId: ctx.userId, centreId, asOf: ctx.asOf });
  return showQuestion(
    outcome.set({
      step: 'answering',
      session,
      sessionId: ctx.newId(),
      instrumentId: undefined,
      centreId: session.centreId,
    }),
    session,
    instrument,
    localize(instrument.intro ?? instrument.description, outcome.lang),
  );
}

/** The centre the member answered for last time, if it can still be offered. */
function remembered(outcome: Outcome, ctx: EngineContext): RememberedCentre | undefined {
  const id = outcome.member.centreId;
  if (!id) return undefined;
  const label = centreLabel(ctx, id, outcome.lang);
  if (id.startsWith('named:')) return { name: label, label };
  return ctx.centres.some((c) => c.id === id) ? { id, label } : undefined;
}

/** Whether the message answers "which centre?": the card, or any typed text. */
export const choosesCentre = (message: Message) =>
  message.command === 'centre' || (!message.command && message.text.trim() !== '');

/** The centre chosen from the list or typed; the assessment starts at its first question. */
export const chooseCentre: Flow = (outcome, message, ctx) => {
  const lang = outcome.lang;
  const instrument = outcome.member.instrumentId
    ? instrumentOf(ctx, outcome.member.instrumentId)
    : undefined;
  if (!instrument)
    return outcome
      .set({ step: 'choose-instrument' })
      .say(t(lang, 'unknownInstrument'), instrumentsCard(lang, ctx.instruments));
  const data = dataOf(message, 'centre');
  const chosen = pick(ctx.centres, data?.id, message.text, (c) => localize(c.name, lang));
  const typed = (data ? (data.centreName ?? '') : message.text).trim().replace(/\s+/g, ' ');
  if (!chosen && (!typed || typed.length > MAX_CENTRE_NAME))
    return outcome.say(
      typed ? t(lang, 'centreTooLong', { max: MAX_CENTRE_NAME }) : t(lang, 'chooseCentre'),
      centresCard(lang, ctx.centres, remembered(outcome, ctx)),
    );
  return begin(outcome, ctx, instrument, chosen ? chosen.id : `named:${typed}`);
};
