import type { Activity, Attachment } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/adaptiveCard';
import type { Incoming } from '../../conversation/engine';
import { type Reply, replyText } from '../../conversation/reply';

/** Channels that render Adaptive Cards 1.5. Elsewhere the bot sends the card as text. */
const CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator']);

export const supportsCards = (channelId: string) => CARD_CHANNELS.has(channelId);

/** The client's locale: the activity's, else the one Teams puts in its clientInfo entity. */
export function clientLocale(activity: Partial<Activity>): string | undefined {
  if (typeof activity.locale === 'string' && activity.locale) return activity.locale;
  const info = activity.entities?.find((e) => e.type === 'clientInfo') as
    | { locale?: unknown }
    | undefined;
  return typeof info?.locale === 'string' ? info.locale : undefined;
}

/** An incoming message for the engine: typed text and/or the data of a card submit. */
export function incomingMessage(activity: Partial<Activity>, text: string | undefined): Incoming {
  const value = activity.value;
  const locale = clientLocale(activity);
  return {
    type: 'message',
    ...(typeof text === 'string' ? { text } : {}),
    ...(value !== undefined && value !== null ? { value } : {}),
    ...(locale ? { locale } : {}),
  };
}

const MAX_INLINE_FILE = 20_000;
// Teams refuses bot messages over about 28 KB; a card that would pass it goes without its
// picture (its table says the same).
const TEAMS_CARD_BYTES = 26_000;

function withinTeamsLimit(card: AdaptiveCard): AdaptiveCard {
  if (Buffer.byteLength(JSON.stringify(card)) <= TEAMS_CARD_BYTES) return card;
  return { ...card, body: card.body.filter((e) => e.type !== 'Image') };
}

/**
 * The activities for one reply. Files go as attachments where the channel can offer them
 * for download; Teams does not accept files from a bot this way, so there they are sent
 * as a code block in the message. With the member's chosen language as `locale`, so the
 * chat page switches with the bot when the member types "tiếng Việt".
 */
export function replyActivities(
  reply: Reply,
  channelId: string,
  locale?: string,
): Partial<Activity>[] {
  return replyActivitiesIn(reply, channelId).map((a) => (locale ? { ...a, locale } : a));
}

function replyActivitiesIn(reply: Reply, channelId: string): Partial<Activity>[] {
  const cards = supportsCards(channelId);
  const activities: Partial<Activity>[] = [];
  if (cards && reply.card) {
    const attachment: Attachment = {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: channelId === 'msteams' ? withinTeamsLimit(reply.card) : reply.card,
    };
    activities.push({
      type: 'message',
      ...(reply.text ? { text: reply.text } : {}),
      attachments: [attachment],
    });
  } else if (reply.text || reply.card) {
    activities.push({ type: 'message', text: replyText(reply), textFormat: 'plain' });
  }
  for (const file of reply.files ?? []) {
    if (channelId === 'msteams') {
      const content =
        file.content.length > MAX_INLINE_FILE
          ? `${file.content.slice(0, MAX_INLINE_FILE)}\n…`
          : file.content;
      activities.push({
        type: 'message',
        textFormat: 'markdown',
        text: `**${file.name}**\n\n\`\`\`\n${content.replace(/```/g, "'''")}\n\`\`\``,
      });
    } else {
      activities.push({
        type: 'message',
        attachments: [
          {
            contentType: file.contentType,
            contentUrl: `data:${file.contentType};charset=utf-8;base64,${Buffer.from(file.content, 'utf8').toString('base64')}`,
            name: file.name,
          },
        ],
      });
    }
  }
  return activities;
}
