import { foldText, localize } from '@resonet/core';
import { welcomeCard } from '../../cards/menus';
import { type Lang, t } from '../../i18n/catalog';
import type { Flow } from '../flow';
import { dataOf } from '../incoming';

/** Typed language names (folded) and the language each one asks for. */
const NAMED_LANGUAGES: Readonly<Record<string, Lang>> = {
  english: 'en',
  'tieng anh': 'en',
  'tieng viet': 'vi',
};

/** Switches language: to the one a button or the typed words name, else the other one. */
export const language: Flow = (outcome, message) => {
  const typed = foldText(message.text);
  const named =
    dataOf(message, 'language')?.lang ??
    (Object.hasOwn(NAMED_LANGUAGES, typed) ? NAMED_LANGUAGES[typed] : undefined);
  const lang = named ?? (outcome.lang === 'en' ? 'vi' : 'en');
  return outcome.speak(lang).say(t(lang, 'languageSet'));
};

export const help: Flow = (outcome, _message, ctx) => {
  const lang = outcome.lang;
  const words = [
    t(lang, 'help', { about: localize(ctx.branding.about, lang) }),
    t(lang, 'dataHelp'),
    ctx.isCoordinator ? t(lang, 'coordinatorHelp') : '',
  ]
    .filter(Boolean)
    .join(' ');
  // While answering, the question follows (see remindIfAnswering), not the menu.
  return outcome.member.step === 'answering'
    ? outcome.say(words)
    : outcome.say(
        words,
        welcomeCard(lang, outcome.member.session !== undefined, ctx.branding.welcome, ctx),
      );
};
