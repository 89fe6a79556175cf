import type { CardData } from '../conversation/commands';

// Adaptive Cards as plain JSON (schema 1.5), built from a small set of elements so every
// card the bot sends can be checked and rendered as text where cards are not supported.

export type CardElement =
  | {
      type: 'TextBlock';
      text: string;
      wrap: true;
      weight?: 'Bolder';
      size?: 'Medium' | 'Small';
      isSubtle?: boolean;
    }
  | {
      type: 'Input.ChoiceSet';
      id: string;
      /** What the input asks, read out with it by screen readers (Adaptive Cards 1.3). */
      label?: string;
      style: 'expanded' | 'compact';
      /** Long choices wrap instead of being cut off. */
      wrap?: boolean;
      isMultiSelect?: boolean;
      choices: { title: string; value: string }[];
      /** The choice (or comma-separated choices) already given, shown selected. */
      value?: string;
    }
  | {
      type: 'Input.Text';
      id: string;
      label?: string;
      maxLength?: number;
      isMultiline?: boolean;
      value?: string;
    }
  | { type: 'Input.Number'; id: string; label?: string; min?: number; max?: number; value?: number }
  | { type: 'Input.Date'; id: string; label?: string; min?: string; max?: string; value?: string }
  | { type: 'FactSet'; facts: { title: string; value: string }[] }
  | { type: 'Image'; url: string; altText: string }
  /** Buttons inside the card; `navigation` rows are laid out side by side on the web page. */
  | { type: 'ActionSet'; id?: 'primary' | 'navigation' | 'main' | 'role'; actions: CardAction[] };

export interface CardAction {
  type: 'Action.Submit';
  title: string;
  /** `positive` marks the card's one primary action. */
  style?: 'positive';
  /** What the bot gets back when it is clicked (with the card's inputs beside it). */
  data: CardData;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions: CardAction[];
}

export const text = (
  value: string,
  extra: Partial<Extract<CardElement, { type: 'TextBlock' }>> = {},
): CardElement => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

export const submit = (title: string, data: CardData, primary = false): CardAction => ({
  type: 'Action.Submit',
  title,
  ...(primary ? { style: 'positive' as const } : {}),
  data,
});

/**
 * A card that asks something: the primary action right under its input, the ways to move
 * (back, skip, later, cancel) as a row below, so the choices stay the main control.
 */
export const actionRows = (primary: CardAction, navigation: CardAction[]): CardElement[] => [
  { type: 'ActionSet', id: 'primary', actions: [primary] },
  ...(navigation.length
    ? [{ type: 'ActionSet' as const, id: 'navigation' as const, actions: navigation }]
    : []),
];

/** Every button of a card in reading order: those inside its body, then its own. */
export const cardActions = (value: AdaptiveCard): CardAction[] => [
  ...value.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : [])),
  ...value.actions,
];

export function card(body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions,
  };
}

/** The mark of a choice already given ("4. Agree ✓"), or nothing. */
export const chosen = (set: { value?: string }, value: string) =>
  set.value?.split(',').includes(value) ? ' ✓' : '';

/** A plain-text rendering of a card for channels without cards (terminal, SMS-like). */
export function cardToText(value: AdaptiveCard): string {
  const lines: string[] = [];
  for (const element of value.body) {
    if ('label' in element && element.label) lines.push(element.label);
    if (element.type === 'TextBlock') lines.push(element.text);
    else if (element.type === 'FactSet')
      lines.push(...element.facts.map((f) => `${f.title}: ${f.value}`));
    else if (element.type === 'Input.ChoiceSet')
      lines.push(...element.choices.map((c) => `  ${c.title}${chosen(element, c.value)}`));
    else if ('value' in element && element.value !== undefined) lines.push(`  ✓ ${element.value}`);
  }
  const actions = cardActions(value);
  if (actions.length) lines.push(actions.map((a) => `[${a.title}]`).join(' '));
  return lines.join('\n');
}
