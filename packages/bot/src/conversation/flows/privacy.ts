import { t } from '../../i18n/catalog';
import type { Flow } from '../flow';
import { confirm, remindIfAnswering } from './session';

/** "Delete my data": asks first; only a yes forgets, anything else keeps everything. */
export const privacy: Flow = (outcome, message, ctx) => {
  const lang = outcome.lang;
  if (message.command === 'forget-me')
    return confirm(outcome, 'confirm-forget', t(lang, 'confirmForget'), [
      t(lang, 'yesForget'),
      t(lang, 'noKeep'),
    ]);
  if (message.command === 'yes') {
    // Nothing is kept but the language the member chose.
    const member = {
      step: 'idle' as const,
      ...(outcome.member.lang ? { lang: outcome.member.lang } : {}),
    };
    return outcome.replace(member).say(t(lang, 'forgotten')).effect({ type: 'forget' });
  }
  const kept = outcome
    .set({ step: outcome.member.session ? 'answering' : 'idle' })
    .say(t(lang, 'kept'));
  return remindIfAnswering(kept, ctx);
};
