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
      style: 'expanded' | 'compact';
      isMultiSelect?: boolean;
      choices: { title: string; value: string }[];
      /** The choice (or comma-separated choices) already given, shown selected. */
      value?: string;
    }
  | { type: 'Input.Text'; id: string; maxLength?: number; isMultiline?: boolean; value?: string }
  | { type: 'Input.Number'; id: string; min?: number; max?: number; value?: number }
  | { type: 'Input.Date'; id: string; min?: string; max?: string; value?: string }
  | { type: 'FactSet'; facts: { title: string; value: string }[] };

export interface CardAction {
  type: 'Action.Submit';
  title: string;
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

export const submit = (title: string, data: CardData): CardAction => ({
  type: 'Action.Submit',
  title,
  data,
});

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
    if (element.type === 'TextBlock') lines.push(element.text);
    else if (element.type === 'FactSet')
      lines.push(...element.facts.map((f) => `${f.title}: ${f.value}`));
    else if (element.type === 'Input.ChoiceSet')
      lines.push(...element.choices.map((c) => `  ${c.title}${chosen(element, c.value)}`));
    else if ('value' in element && element.value !== undefined) lines.push(`  ✓ ${element.value}`);
  }
  if (value.actions.length) lines.push(value.actions.map((a) => `[${a.title}]`).join(' '));
  return lines.join('\n');
}
