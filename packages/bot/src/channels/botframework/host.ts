import type { Activity } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { BotConfig } from '../../config';
import type { Content } from '../../content';
import type { Logger } from '../../log';
import type { MemberTurn } from '../../memberTurn';
import type { MemberStore } from '../../storage/members';
import type { MembershipStore } from '../../storage/memberships';
import type { ResultStore } from '../../storage/results';
import { type AdapterOptions, createAdapter, RefusedTokenError } from './adapter';
import { ResonetBot } from './bot';

/** A request that did not authenticate; `reason` is safe to log (nothing of the token). */
export class UnauthorizedError extends Error {
  override name = 'UnauthorizedError';
  constructor(readonly reason: string) {
    super('Unauthorized.');
  }
}

/** What the rest of the bot needs of a host: run one activity, get the invoke response. */
export interface BotHost {
  /**
   * Authenticates and runs one activity through the bot. Resolves with the invoke response
   * (the replies, with `deliveryMode: 'expectReplies'`), or undefined; rejects with an
   * `UnauthorizedError` when the request does not authenticate.
   */
  process(
    authHeader: string,
    activity: Record<string, unknown>,
  ): Promise<{ status: number; body?: unknown } | undefined>;
}

export interface BotFrameworkHostOptions extends AdapterOptions {
  config: BotConfig;
  log: Logger;
  content: Content;
  currentContent?: () => Promise<Content>;
  results: ResultStore;
  members: MemberStore;
  memberships?: MembershipStore;
  unanswered?: MemberTurn['unanswered'];
  today: () => string;
  newId: () => string;
}

/**
 * The Bot Framework host: botbuilder's CloudAdapter and the Teams activity handler, behind
 * the small `BotHost` interface. botbuilder is imported only in this folder, so a
 * Microsoft 365 Agents SDK host could stand beside it as one more folder.
 */
export function createBotFrameworkHost(options: BotFrameworkHostOptions): BotHost {
  const { config, log } = options;
  const adapter = createAdapter(config, log, options);
  const bot = new ResonetBot({
    content: options.content,
    ...(options.currentContent ? { currentContent: options.currentContent } : {}),
    results: options.results,
    members: options.members,
    ...(options.memberships ? { memberships: options.memberships } : {}),
    ...(options.unanswered ? { unanswered: options.unanswered } : {}),
    coordinators: config.coordinators,
    log,
    today: options.today,
    newId: options.newId,
  });
  return {
    async process(authHeader, activity) {
      try {
        return await adapter.receive(authHeader, activity as unknown as Activity, (context) =>
          bot.run(context),
        );
      } catch (error) {
        if (error instanceof AuthenticationError)
          throw new UnauthorizedError(
            error instanceof RefusedTokenError ? error.reason : 'not-verified',
          );
        throw error;
      }
    },
  };
}
