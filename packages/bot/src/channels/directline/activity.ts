import { z } from 'zod';
import type { LocalConversation } from './conversations';

/** Who the bot is on the local Direct Line. */
export const BOT_ACCOUNT = { id: 'resonet', name: 'resonet', role: 'bot' } as const;

/** The channel id the bot sees for the page (Azure's hosted Web Chat uses the same). */
export const CHANNEL_ID = 'webchat';

const Text = (max: number) => z.string().max(max);

/** What a client may post to a conversation. Routing fields are set by the service. */
export const PostedActivitySchema = z.looseObject({
  type: z.enum(['message', 'event', 'typing', 'invoke']),
  text: Text(20_000).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  value: z.unknown().optional(),
  name: Text(256).optional(),
  locale: Text(64).optional(),
  localTimestamp: Text(64).optional(),
  localTimezone: Text(64).optional(),
  from: z.looseObject({ name: Text(256).optional() }).optional(),
  channelData: z.looseObject({ clientActivityID: Text(256).optional() }).optional(),
  entities: z
    .array(z.looseObject({ type: Text(128) }))
    .max(20)
    .optional(),
  attachments: z.array(z.unknown()).max(0, 'file uploads are not supported here').optional(),
});

export type PostedActivity = z.infer<typeof PostedActivitySchema>;

/** The body of POST /conversations and /tokens/generate: both optional. */
export const StartSchema = z
  .looseObject({
    user: z.looseObject({ id: Text(256).optional(), name: Text(256).optional() }).optional(),
    locale: Text(64).optional(),
  })
  .optional();

/** What the bot posts back to the service (its typing indicators; replies come in the response). */
export const BotActivitySchema = z.looseObject({
  type: Text(64),
  text: Text(100_000).optional(),
});

/** A user id a client may ask for: Azure's recommended `dl_` prefix and enough randomness. */
export const USER_ID = /^dl_[A-Za-z0-9_-]{16,64}$/;

/** The first problem with a posted body, as the reason of a 400; never quotes a value. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.join('.') || 'body';
  if (issue?.code === 'too_big' && path === 'attachments')
    return 'File uploads are not supported by the local Direct Line.';
  return `Invalid activity: ${path} ${issue?.code === 'invalid_type' ? 'is missing or has the wrong type' : 'is not valid'}.`;
}

/**
 * The user's activity as it goes into the stream and to the bot: the client's content,
 * the service's routing. `channelData.clientActivityID` is kept: Web Chat matches its
 * pending message to the echo by it.
 */
export function userActivity(
  posted: PostedActivity,
  conversation: LocalConversation,
): Record<string, unknown> {
  const {
    type,
    text,
    textFormat,
    value,
    name,
    locale,
    localTimestamp,
    localTimezone,
    channelData,
    entities,
  } = posted;
  return {
    type,
    channelId: CHANNEL_ID,
    conversation: { id: conversation.id },
    from: {
      id: conversation.userId,
      ...(posted.from?.name ? { name: posted.from.name } : {}),
      role: 'user',
    },
    recipient: { ...BOT_ACCOUNT },
    ...(text !== undefined ? { text } : {}),
    ...(textFormat ? { textFormat } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(name ? { name } : {}),
    ...(locale ? { locale } : {}),
    ...(localTimestamp ? { localTimestamp } : {}),
    ...(localTimezone ? { localTimezone } : {}),
    ...(channelData ? { channelData } : {}),
    ...(entities ? { entities } : {}),
  };
}

/** A bot activity as it goes into the stream: from the bot, in this conversation. */
export function botActivity(
  activity: Record<string, unknown>,
  conversation: LocalConversation,
): Record<string, unknown> {
  const { id: _id, timestamp: _timestamp, serviceUrl: _serviceUrl, ...rest } = activity;
  return {
    ...rest,
    channelId: CHANNEL_ID,
    conversation: { id: conversation.id },
    from: { ...BOT_ACCOUNT },
    recipient: { id: conversation.userId, role: 'user' },
  };
}
