import { type AdaptiveCard, cardToText } from '../cards/adaptiveCard';

/** A file the bot hands over, such as a results export. */
export interface ExportFile {
  name: string;
  contentType: 'text/csv' | 'text/markdown' | 'application/json';
  content: string;
}

/**
 * What the bot says: a message, a card (where Adaptive Cards are supported; elsewhere its
 * text rendering), and files to hand over.
 */
export interface Reply {
  text: string;
  card?: AdaptiveCard;
  files?: ExportFile[];
}

/** The whole reply as plain text, for channels without cards (terminal, plain chat). */
export const replyText = (reply: Reply): string =>
  [reply.text, reply.card ? cardToText(reply.card) : ''].filter(Boolean).join('\n');
