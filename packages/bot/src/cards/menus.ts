import { type Centre, type Instrument, type LocalizedText, localize } from '@resonet/core';
import type { CardData, Command } from '../conversation/commands';
import { type Lang, t } from '../i18n/catalog';
import { can, type Role } from '../members/roles';
import { type AdaptiveCard, card, submit, text } from './adaptiveCard';

/** The welcome card: the pack's welcome, and where to start. */
export function welcomeCard(
  lang: Lang,
  hasOpenAssessment: boolean,
  welcome: LocalizedText,
  who: { isCoordinator?: boolean; membership?: { role: Role } | undefined } = {},
): AdaptiveCard {
  const role = who.membership?.role;
  // People with a role see its actions as buttons: nothing has to be typed.
  const network = who.isCoordinator || (role !== undefined && can(role, 'see-network'));
  const main = [
    submit(t(lang, 'askQuestion'), { action: 'ask' }),
    submit(t(lang, 'startAssessment'), { action: 'start' }),
    ...(hasOpenAssessment ? [submit(t(lang, 'continueAssessment'), { action: 'continue' })] : []),
    submit(t(lang, 'myResults'), { action: 'my-results' }),
    submit(t(lang, 'language'), { action: 'language' }),
  ];
  const invites = network || (role !== undefined && can(role, 'invite-to-own-centre'));
  const own = [
    ...(network
      ? [
          submit(t(lang, 'summaryButton'), { action: 'summary' }),
          submit(t(lang, 'submissionsButton'), { action: 'submissions' }),
          submit(t(lang, 'exportAllButton'), { action: 'export-all' }),
          submit(t(lang, 'unansweredButton'), { action: 'unanswered' }),
        ]
      : []),
    ...(!network && role !== undefined && can(role, 'see-centre-results')
      ? [submit(t(lang, 'centreResultsButton'), { action: 'centre-results' })]
      : []),
    ...(invites ? [submit(t(lang, 'inviteButton'), { action: 'invite' })] : []),
    ...(role || network ? [] : [submit(t(lang, 'joinButton'), { action: 'join' })]),
  ];
  // Two rows, each within Teams' five buttons: everyone's, then the role's (or joining).
  return card([
    text(localize(welcome, lang)),
    { type: 'ActionSet', id: 'main', actions: main },
    ...(own.length ? [{ type: 'ActionSet' as const, id: 'role' as const, actions: own }] : []),
  ]);
}

/** Where a member can go from here, after pausing, cancelling or seeing results. */
export type NextStep = 'continue' | 'start' | 'ask' | 'my-results';

const STEP_TITLES = {
  continue: 'continueAssessment',
  start: 'startAssessment',
  ask: 'askQuestion',
  'my-results': 'myResults',
} as const;

/** A button for each step. */
export const nextSteps = (lang: Lang, steps: readonly NextStep[]) =>
  steps.map((step) => submit(t(lang, STEP_TITLES[step]), { action: step }));

/** "What next?" with a button for each step, so an ending is never a dead end. */
export function nextStepsCard(lang: Lang, steps: readonly NextStep[]): AdaptiveCard {
  return card([text(t(lang, 'whatNext'))], nextSteps(lang, steps));
}

/** The assessments a member can take, with time and purpose. */
export function instrumentsCard(lang: Lang, instruments: readonly Instrument[]): AdaptiveCard {
  return card(
    [
      text(t(lang, 'chooseInstrument'), { weight: 'Bolder' }),
      // Unnumbered: the buttons below, one per assessment, are how to choose.
      ...instruments.map((i) =>
        text(
          t(lang, 'instrumentLine', {
            title: localize(i.title, lang),
            pilot: i.status === 'pilot' ? ` (${t(lang, 'pilotLabel')})` : '',
            minutes: i.estimatedMinutes,
            description: localize(i.description, lang),
          }),
        ),
      ),
    ],
    instruments.map((i) => submit(localize(i.title, lang), { action: 'instrument', id: i.id })),
  );
}

/** The centre a member answered for last time: a listed one by id, else its typed name. */
export interface RememberedCentre {
  id?: string;
  name?: string;
  /** As the member reads it. */
  label: string;
}

/**
 * The centres to answer for, and a box to type a centre that is not listed; the centre the
 * member answered for last time comes already chosen, to keep or change.
 */
export function centresCard(
  lang: Lang,
  centres: readonly Centre[],
  remembered?: RememberedCentre,
): AdaptiveCard {
  // With no list there is nothing to choose: the member types the name.
  const prompt = centres.length
    ? remembered
      ? 'chooseCentreAgain'
      : 'chooseCentre'
    : remembered
      ? 'typeCentreAgain'
      : 'typeCentre';
  return card(
    [
      text(t(lang, prompt, { centre: remembered?.label ?? '' }), { weight: 'Bolder' }),
      ...(centres.length
        ? [
            {
              type: 'Input.ChoiceSet' as const,
              id: 'id',
              label: t(lang, 'centreListLabel'),
              style: 'compact' as const,
              choices: centres.map((c, n) => ({
                title: `${n + 1}. ${localize(c.name, lang)}`,
                value: c.id,
              })),
              ...(remembered?.id ? { value: remembered.id } : {}),
            },
          ]
        : []),
      {
        type: 'Input.Text',
        id: 'centreName',
        label: t(lang, centres.length ? 'centreNameLabel' : 'centreNameOnlyLabel'),
        maxLength: 120,
        ...(remembered?.name ? { value: remembered.name } : {}),
      },
    ],
    [submit(t(lang, 'answer'), { action: 'centre' }, true)],
  );
}

/** A yes/no question with two buttons. */
export function confirmCard(
  question: string,
  yes: { title: string; action: Command },
  no: { title: string; action: Command },
): AdaptiveCard {
  return card(
    [text(question)],
    // A confirmation's commands carry no data ({ action } is their whole card data).
    [
      submit(yes.title, { action: yes.action } as CardData),
      submit(no.title, { action: no.action } as CardData),
    ],
  );
}
