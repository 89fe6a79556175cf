import { randomUUID } from 'node:crypto';

type Button = { data: Record<string, string> };
export type Card = {
  body: { type: string; id?: string; choices?: { value: string }[]; actions?: Button[] }[];
  actions: Button[];
};
export type Activity = Record<string, unknown> & {
  text?: string;
  attachments?: { content: Card }[];
};

/**
 * A member talking to a bot over HTTP with `deliveryMode: expectReplies`, as a channel
 * would post activities; the replies come back in the response.
 */
export async function talk(
  url: string,
  who: { conversation: string; user: string; locale?: string },
  fields: Record<string, unknown>,
): Promise<Activity[]> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: randomUUID(),
      channelId: 'webchat',
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: who.conversation },
      from: { id: who.user },
      recipient: { id: 'example-bot' },
      locale: who.locale ?? 'en-US',
      deliveryMode: 'expectReplies',
      ...fields,
    }),
  });
  if (response.status !== 200) throw new Error(`bot answered ${response.status}`);
  return ((await response.json()) as { activities: Activity[] }).activities;
}

/** The last Adaptive Card among the replies. */
export const lastCard = (activities: Activity[]): Card | undefined =>
  activities.flatMap((a) => a.attachments ?? []).at(-1)?.content;

/** Every button of a card as sent: those in its body's action sets, then its own. */
export const buttons = <T>(
  card: { body?: readonly object[]; actions?: readonly T[] } | undefined,
): T[] => [
  ...(card?.body ?? []).flatMap((e) => ('actions' in e ? (e.actions as T[]) : [])),
  ...(card?.actions ?? []),
];

/** The current question's item id, when the last card asks one. */
export const questionOf = (card: Card | undefined) =>
  buttons(card).find((a) => a.data.action === 'answer')?.data.itemId;
