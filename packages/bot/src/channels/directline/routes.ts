import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { cleanStrings } from '../../http/requestBody';
import { errorFields, type Logger, newErrorId } from '../../log';
import {
  BOT_ACCOUNT,
  BotActivitySchema,
  botActivity,
  CHANNEL_ID,
  describeIssue,
  PostedActivitySchema,
  StartSchema,
  USER_ID,
  userActivity,
} from './activity';
import { Conversations, type LocalConversation, type TokenCheck } from './conversations';

/** Runs one activity through the bot; with `deliveryMode: 'expectReplies'` the replies come back. */
export type Receive = (
  activity: Record<string, unknown>,
) => Promise<{ status: number; body?: unknown } | undefined>;

export interface LocalDirectLineOptions {
  receive: Receive;
  log: Logger;
  /** The bot's own base URL (the activities' serviceUrl), known once the server listens. */
  botUrl: () => string;
  /** What the bot's adapter signs its posts with; nobody else may post as the bot. */
  localSecret: string;
  conversations?: Conversations;
  now?: () => Date;
}

/** What a client needs to talk in a conversation, as Azure's Direct Line returns it. */
export interface ConversationTicket {
  conversationId: string;
  token: string;
  expires_in: number;
  /** Not in Azure's answer: the user the token speaks for, for Web Chat's `userID`. */
  userId: string;
}

export interface LocalDirectLine {
  conversations: Conversations;
  /** A new conversation and its token, as POST /v3/directline/tokens/generate makes them. */
  generate(userId?: string): ConversationTicket;
}

const PREFIX = '/v3/directline';

type ErrorCode = 'BadArgument' | 'Unauthorized' | 'Forbidden' | 'NotFound' | 'ServiceError';

/** Errors in Azure Direct Line's shape: `{ error: { code, message } }`. */
function fail(res: Response, status: number, code: ErrorCode, message: string) {
  res.send(status, { error: { code, message } });
}

const bearer = (req: Request): string | undefined =>
  /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];

function refuse(res: Response, check: Extract<TokenCheck, { ok: false }>) {
  if (check.error === 'missing')
    return fail(
      res,
      401,
      'Unauthorized',
      'Send the conversation token: Authorization: Bearer <token>.',
    );
  if (check.error === 'other-conversation')
    return fail(res, 403, 'Forbidden', 'This token belongs to another conversation.');
  return fail(
    res,
    403,
    'Forbidden',
    'The token is unknown or has expired; start a new conversation.',
  );
}

/**
 * A small Direct Line 3.0 service inside the bot, for the local page (Web Chat with polling,
 * `webSocket: false`) and for scripts: no Azure needed. Mounted only in anonymous (local)
 * mode. Routes, under /v3/directline:
 *
 * - `POST /tokens/generate` → `{ conversationId, token, expires_in }` (no secret locally)
 * - `POST /conversations` (with that token, or none for a new one) → starts it: the bot
 *   is told (`conversationUpdate`) and its welcome is in the stream
 * - `GET /conversations/:id` → the same ticket (reconnect)
 * - `GET /conversations/:id/activities?watermark=` → `{ activities, watermark }`
 * - `POST /conversations/:id/activities` → `{ id }`; the user's activity is echoed into
 *   the stream with its id and `channelData.clientActivityID`, then the bot's replies
 * - `POST /tokens/refresh` → a new token for the same conversation
 *
 * and, as the bot's channel service (its serviceUrl is the bot's own URL),
 * `POST /v3/conversations/:id/activities[/:replyToId]`, where botbuilder sends what it
 * does not return in the reply (typing indicators on slow turns).
 */
export function mountLocalDirectLine(
  server: Server,
  options: LocalDirectLineOptions,
): LocalDirectLine {
  const { receive, log } = options;
  const conversations = options.conversations ?? new Conversations();
  const now = options.now ?? (() => new Date());
  const expiresIn = Math.round(conversations.tokenTtlMs / 1000);
  const ticket = (conversation: LocalConversation, token: string): ConversationTicket => ({
    conversationId: conversation.id,
    token,
    expires_in: expiresIn,
    userId: conversation.userId,
  });
  /** A new conversation, for the user asked for when the id is a proper `dl_` one. */
  const create = (userId?: string) =>
    conversations.create(userId && USER_ID.test(userId) ? userId : undefined);
  const generate = (userId?: string) => {
    const { conversation, token } = create(userId);
    return ticket(conversation, token);
  };

  /** Runs an activity through the bot after the conversation's earlier turns, adds the replies. */
  const run = (conversation: LocalConversation, activity: Record<string, unknown>) => {
    const work = conversation.queue.then(async () => {
      const response = await receive({
        ...activity,
        serviceUrl: options.botUrl(),
        deliveryMode: 'expectReplies',
      });
      const replies = (response?.body as { activities?: unknown } | undefined)?.activities;
      if (!Array.isArray(replies)) return;
      // A typing indicator that arrives with the replies has nothing left to announce.
      for (const reply of replies as Record<string, unknown>[])
        if (reply && typeof reply === 'object' && reply.type !== 'typing')
          conversations.append(conversation, botActivity(reply, conversation), now().toISOString());
    });
    conversation.queue = work.catch(() => {});
    return work;
  };

  const failed = (res: Response, error: unknown, event: string) => {
    const errorId = newErrorId();
    log.warn({ event, errorId, err: errorFields(error) }, 'local Direct Line: the bot failed');
    fail(res, 502, 'ServiceError', `The bot could not handle the activity (reference ${errorId}).`);
  };

  server.post(`${PREFIX}/tokens/generate`, async (req: Request, res: Response) => {
    const body = StartSchema.safeParse(req.body ?? undefined);
    if (!body.success) return fail(res, 400, 'BadArgument', describeIssue(body.error));
    res.send(200, generate(body.data?.user?.id));
  });

  server.post(`${PREFIX}/tokens/refresh`, async (req: Request, res: Response) => {
    const check = conversations.check(bearer(req));
    if (!check.ok) return refuse(res, check);
    res.send(200, ticket(check.value, conversations.issueToken(check.value.id)));
  });

  server.post(`${PREFIX}/conversations`, async (req: Request, res: Response) => {
    const body = StartSchema.safeParse(req.body ?? undefined);
    if (!body.success) return fail(res, 400, 'BadArgument', describeIssue(body.error));
    const token = bearer(req);
    let started: { conversation: LocalConversation; token: string };
    // Web Chat's DirectLineJS sends "Bearer undefined" when it was given no token.
    if (token && token !== 'undefined') {
      const check = conversations.check(token);
      if (!check.ok) return refuse(res, check);
      started = { conversation: check.value, token };
    } else started = create(body.data?.user?.id);
    const { conversation } = started;
    const isNew = !conversation.started;
    if (isNew) {
      conversation.started = true;
      try {
        await run(conversation, {
          type: 'conversationUpdate',
          id: `${conversation.id}|start`,
          timestamp: now().toISOString(),
          channelId: CHANNEL_ID,
          conversation: { id: conversation.id },
          from: { id: conversation.userId, role: 'user' },
          recipient: { ...BOT_ACCOUNT },
          membersAdded: [{ ...BOT_ACCOUNT }, { id: conversation.userId, role: 'user' }],
          ...(body.data?.locale ? { locale: body.data.locale } : {}),
        });
      } catch (error) {
        // The conversation stands; the member can still type.
        log.warn(
          { event: 'directline-start-failed', err: errorFields(error) },
          'local Direct Line: no welcome',
        );
      }
    }
    res.send(isNew ? 201 : 200, ticket(conversation, started.token));
  });

  server.get(`${PREFIX}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const check = checked(req, res);
    if (check) res.send(200, ticket(check, bearer(req) as string));
  });

  server.get(
    `${PREFIX}/conversations/:conversationId/activities`,
    async (req: Request, res: Response) => {
      const conversation = checked(req, res);
      if (!conversation) return;
      const raw = new URLSearchParams(req.getQuery()).get('watermark') ?? '';
      if (!/^\d{0,15}$/.test(raw))
        return fail(
          res,
          400,
          'BadArgument',
          'The watermark must be a number from an earlier answer.',
        );
      res.send(200, conversations.since(conversation, Number(raw || 0)));
    },
  );

  server.post(
    `${PREFIX}/conversations/:conversationId/activities`,
    async (req: Request, res: Response) => {
      const conversation = checked(req, res);
      if (!conversation) return;
      const parsed = PostedActivitySchema.safeParse(req.body);
      if (!parsed.success) return fail(res, 400, 'BadArgument', describeIssue(parsed.error));
      const echo = conversations.append(
        conversation,
        userActivity(cleanStrings(parsed.data), conversation),
        now().toISOString(),
      );
      try {
        await run(conversation, echo);
      } catch (error) {
        return failed(res, error, 'directline-turn-failed');
      }
      res.send(200, { id: echo.id });
    },
  );

  server.post(
    `${PREFIX}/conversations/:conversationId/upload`,
    async (_req: Request, res: Response) =>
      fail(res, 400, 'BadArgument', 'File uploads are not supported by the local Direct Line.'),
  );

  // The channel-service side: the bot posts here (serviceUrl is the bot's own URL), signed
  // with the adapter's own secret, so nobody can put a fake bot message into a stream.
  const secret = Buffer.from(options.localSecret);
  const isBot = (req: Request) => {
    const given = Buffer.from(bearer(req) ?? '');
    return given.length === secret.length && timingSafeEqual(given, secret);
  };
  const fromBot = async (req: Request, res: Response) => {
    if (!isBot(req))
      return fail(res, 401, 'Unauthorized', 'Only the bot posts to its conversations here.');
    const conversation = conversations.get(String(req.params.conversationId));
    if (!conversation) return fail(res, 404, 'NotFound', 'No such conversation.');
    const parsed = BotActivitySchema.safeParse(req.body);
    if (!parsed.success) return fail(res, 400, 'BadArgument', describeIssue(parsed.error));
    const stored = conversations.append(
      conversation,
      {
        ...botActivity(parsed.data, conversation),
        ...(req.params.activityId ? { replyToId: String(req.params.activityId) } : {}),
      },
      now().toISOString(),
    );
    res.send(200, { id: stored.id });
  };
  server.post('/v3/conversations/:conversationId/activities', fromBot);
  server.post('/v3/conversations/:conversationId/activities/:activityId', fromBot);

  /** The conversation of the URL, when the request's token is for it; else answers the error. */
  function checked(req: Request, res: Response): LocalConversation | undefined {
    const id = String(req.params.conversationId);
    // An unknown conversation is a 404 whatever the token: Web Chat then stops polling
    // (the bot restarted, or the conversation expired) instead of retrying for ever.
    if (!conversations.get(id)) {
      fail(res, 404, 'NotFound', 'No such conversation (it may have expired).');
      return undefined;
    }
    const check = conversations.check(bearer(req), id);
    if (check.ok) return check.value;
    refuse(res, check);
    return undefined;
  }

  return { conversations, generate };
}
