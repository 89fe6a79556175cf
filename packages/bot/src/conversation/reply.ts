import { type AdaptiveCard, cardToText } from '../cards/adaptiveCard';

/** A file the bot hands over, such as a results export. */
export interface ExportFile {
  name: string;
  contentType: 'text/csv' | 'text/markdown';
  content: string;
}

/**
 * What the bot says: `text` works on every channel (it includes a text rendering of the
 * card); `card` is used where Adaptive Cards are supported.
 */
export interface Reply {
  text: string;
  card?: AdaptiveCard;
  files?: ExportFile[];
}

export const say = (message: string, withCard?: AdaptiveCard): Reply =>
  withCard
    ? { text: [message, cardToText(withCard)].filter(Boolean).join('\n'), card: withCard }
    : { text: message };
