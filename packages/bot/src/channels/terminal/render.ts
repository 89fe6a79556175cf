import { foldText } from '@resonet/core';
import { type AdaptiveCard, type CardElement, cardActions, chosen } from '../../cards/adaptiveCard';
import type { CardData } from '../../conversation/commands';
import type { Incoming } from '../../conversation/engine';
import type { Reply } from '../../conversation/reply';

/**
 * What the member can type after the bot's replies: a letter for each button, and, when a
 * card asks for an answer, numbers for its choices (sent with the card's first button, as a
 * click on Answer in Teams sends them).
 */
export interface Menu {
  actions: ReadonlyMap<string, Readonly<CardData>>;
  answer?: {
    data: Readonly<CardData>;
    inputId: string;
    choices?: readonly { value: string }[];
    multi: boolean;
  };
}

export const EMPTY_MENU: Menu = { actions: new Map() };

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
}

export const PLAIN: Style = { bold: (s) => s, dim: (s) => s };
export const ANSI: Style = {
  bold: (s) => `\u001b[1m${s}\u001b[22m`,
  dim: (s) => `\u001b[2m${s}\u001b[22m`,
};

const LETTERS = 'abcdefghijklmopqrstuvwxz'; // no "n" and "y": they mean no and yes

const isInput = (e: CardElement) => e.type.startsWith('Input.');

/** "3. Agree" stays as it is; "Agree" becomes "3. Agree". */
const numbered = (title: string, n: number) => (/^\d+\.\s/.test(title) ? title : `${n}. ${title}`);

/** A card element as terminal lines: an input's label (its question), then its choices. */
function elementLines(element: CardElement, style: Style): string[] {
  if ('label' in element && element.label) return [element.label, ...inputLines(element, style)];
  return inputLines(element, style);
}

function inputLines(element: CardElement, style: Style): string[] {
  switch (element.type) {
    case 'TextBlock':
      if (element.weight === 'Bolder') return [style.bold(element.text)];
      return [element.isSubtle ? style.dim(element.text) : element.text];
    case 'FactSet':
      return element.facts.map((f) => `  ${f.title}: ${f.value}`);
    case 'Input.ChoiceSet':
      return element.choices.map(
        (c, n) => `  ${numbered(c.title, n + 1)}${chosen(element, c.value)}`,
      );
    case 'Image':
      // The picture's text version is in the card beside it.
      return [];
    case 'ActionSet':
      // Buttons are lettered after the card's text.
      return [];
    default:
      // An answer already given to a typed question, shown before it is changed.
      return 'value' in element && element.value !== undefined ? [`  ✓ ${element.value}`] : [];
  }
}

/** A card that asks for an answer submits it with its first button, as Teams' Answer does. */
function answerOf(card: AdaptiveCard): Menu['answer'] {
  const inputs = card.body.filter(isInput);
  const first = cardActions(card)[0];
  if (!inputs.length || !first) return undefined;
  const choiceSet = inputs.find((e) => e.type === 'Input.ChoiceSet');
  const input = choiceSet ?? inputs[0];
  return {
    data: first.data,
    inputId: (input as { id: string }).id,
    ...(choiceSet?.type === 'Input.ChoiceSet'
      ? { choices: choiceSet.choices, multi: choiceSet.isMultiSelect === true }
      : { multi: false }),
  };
}

/**
 * The replies of one turn as terminal text, and the menu they offer. Cards become text:
 * choices numbered, buttons lettered ("[a] Back  [b] Skip"); files are listed by the
 * caller, which saves them.
 */
export function renderReplies(
  replies: readonly Reply[],
  style: Style = PLAIN,
): { text: string; menu: Menu } {
  const lines: string[] = [];
  const actions = new Map<string, CardData>();
  let answer: Menu['answer'];
  for (const reply of replies) {
    if (reply.text) lines.push(reply.text);
    const card = reply.card;
    if (!card) continue;
    for (const element of card.body) lines.push(...elementLines(element, style));
    const asks = answerOf(card);
    answer = asks ?? answer;
    // The button that submits the answer is used by typed choices; the others get letters.
    const buttons: string[] = [];
    const all = cardActions(card);
    for (const action of asks ? all.slice(1) : all) {
      const letter = LETTERS[actions.size];
      if (!letter) break;
      actions.set(letter, action.data);
      buttons.push(`[${letter}] ${action.title}`);
    }
    if (buttons.length) lines.push(buttons.join('  '));
  }
  return { text: lines.join('\n'), menu: { actions, ...(answer ? { answer } : {}) } };
}

/**
 * What a typed line means: a letter of the menu is that button; numbers pick choices of
 * the card being answered; anything else is sent as typed (answers, questions and the
 * command words in English or Vietnamese all work as in Teams).
 */
export function interpret(menu: Menu, typed: string): Pick<Incoming, 'text' | 'value'> {
  const line = typed.trim();
  const letter = /^\[?([a-z])\]?$/i.exec(line)?.[1]?.toLowerCase();
  const action = letter ? menu.actions.get(letter) : undefined;
  if (action) return { value: { ...action } };
  const answer = menu.answer;
  if (answer?.choices && /^\d+(\s*[,\s]\s*\d+)*$/.test(line)) {
    const picks = [...new Set(line.split(/[,\s]+/).map(Number))].map(
      (n) => answer.choices?.[n - 1],
    );
    if (picks.every(Boolean) && (answer.multi || picks.length === 1))
      return {
        value: { ...answer.data, [answer.inputId]: picks.map((c) => c?.value).join(',') },
      };
  }
  return { text: line };
}

/** Whether a line asks to leave the chat ("quit", "exit", "thoát"). */
export const isQuit = (line: string) => ['quit', 'exit', 'thoat'].includes(foldText(line));

// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape starts ANSI styles
const STYLES = /\u001b\[\d+m/g;
const visible = (text: string) => text.replace(STYLES, '').length;

/**
 * Text wrapped at word boundaries to fit `width` columns; a wrapped line keeps its
 * indentation ("  3. Agree…" continues under "Agree"). Styles do not count as width.
 */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, Math.max(20, width - 1)))
    .join('\n');
}

function wrapLine(line: string, width: number): string[] {
  if (visible(line) <= width) return [line];
  const indent = ' '.repeat(
    /^\s*(\d+\.\s|\[\w\]\s)?/.exec(line.replace(STYLES, ''))?.[0].length ?? 0,
  );
  const out: string[] = [];
  const lead = /^\s*/.exec(line)?.[0] ?? '';
  let current = lead;
  // "[b] Skip" stays together: a letter is never left at the end of a line.
  for (const word of line.slice(lead.length).split(/(?<!\]) /)) {
    const next = current.trim() ? `${current} ${word}` : `${current}${word}`;
    if (current.trim() && visible(next) > width) {
      out.push(current);
      current = `${indent}${word}`;
    } else current = next;
  }
  out.push(current);
  return out;
}
