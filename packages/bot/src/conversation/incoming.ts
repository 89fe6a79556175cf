import {
  type CardData,
  type CardDataOf,
  CardDataSchema,
  type Command,
  isCommand,
  typedCommand,
} from './commands';

/** What arrives from a channel: a message (typed text and/or a card submit) or an install. */
export interface Incoming {
  type: 'message' | 'installed';
  text?: string | undefined;
  /** The data of an Adaptive Card submit. */
  value?: unknown;
  /** The client's locale (activity.locale or the Teams clientInfo entity), when known. */
  locale?: string | undefined;
}

/** An incoming activity read once: what the member typed, clicked and asked for. */
export interface Message {
  type: 'message' | 'installed';
  text: string;
  /** A card submit arrived (even one whose data is not understood). */
  clicked: boolean;
  command?: Command;
  /** The card submit's data, checked against its command's shape. */
  data?: CardData;
  locale?: string;
}

/**
 * Reads an activity: a card submit's `action` decides the command (an unknown action is no
 * command, whatever the text says); otherwise the whole typed text may be a command word.
 */
export function parseIncoming(incoming: Incoming): Message {
  const text = incoming.text ?? '';
  const value = incoming.value;
  const base: Message = {
    type: incoming.type,
    text,
    clicked: value !== undefined && value !== null && value !== '',
    ...(incoming.locale ? { locale: incoming.locale } : {}),
  };
  const action = value && typeof value === 'object' ? Reflect.get(value, 'action') : undefined;
  if (typeof action === 'string') {
    if (!isCommand(action)) return base;
    const data = CardDataSchema.safeParse(value);
    if (!data.success) return base;
    // A field read as missing is left out, not kept as undefined.
    const present = Object.entries(data.data).filter(([, v]) => v !== undefined);
    return { ...base, command: action, data: Object.fromEntries(present) as CardData };
  }
  // "join ABCD-2345", "tham gia ABCD 2345": the command with the invite code typed after it.
  const join = /^\s*(?:join|tham gia)\s+([A-Za-z0-9][A-Za-z0-9 -]{6,14})\s*$/i.exec(text);
  if (join?.[1]) return { ...base, command: 'join', data: { action: 'join', code: join[1] } };
  const command = typedCommand(text);
  return command ? { ...base, command } : base;
}

/** The card data of the message when it is a submit of `command`. */
export function dataOf<K extends Command>(message: Message, command: K): CardDataOf<K> | undefined {
  return message.data?.action === command ? (message.data as CardDataOf<K>) : undefined;
}
