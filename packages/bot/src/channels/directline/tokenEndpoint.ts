import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../log';
import { USER_ID } from './activity';

/** What the page gets from POST /api/directline/token. */
export interface TokenGrant {
  token: string;
  conversationId: string;
  expires_in: number;
  /** The user the token speaks for (Web Chat's `userID`). */
  userId: string;
  /** Where the Direct Line is: Azure's (`…/v3/directline`), or the local `/v3/directline`. */
  domain: string;
  /** Whether Web Chat may stream over a WebSocket (Azure) or must poll (the local one). */
  webSocket: boolean;
}

/** Makes a grant for a user id (already checked, or undefined for a new one). */
export type Issuer = (userId: string | undefined) => Promise<TokenGrant>;

/** The upstream Direct Line did not issue a token; the message is safe to show. */
export class TokenError extends Error {
  override name = 'TokenError';
}

const GenerateResponseSchema = z.object({
  conversationId: z.string().min(1).max(1024),
  token: z.string().min(1).max(8192),
  expires_in: z.number().int().positive(),
});

const newUserId = () => `dl_${randomBytes(16).toString('base64url')}`;

/**
 * An issuer that exchanges the Direct Line channel secret for a conversation token at
 * Azure's Direct Line (`POST {endpoint}/v3/directline/tokens/generate`), bound to a user
 * id so that Direct Line enforces it. The secret goes to Direct Line only: never into a
 * response, a log line or an error message.
 */
export function azureIssuer(options: {
  secret: string;
  endpoint: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): Issuer {
  const doFetch = options.fetch ?? fetch;
  return async (requested) => {
    const userId = requested ?? newUserId();
    let response: globalThis.Response;
    try {
      response = await doFetch(`${options.endpoint}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.secret}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new TokenError(
        timedOut
          ? 'The Direct Line service did not answer in time.'
          : 'The Direct Line service could not be reached.',
      );
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new TokenError(
        `The Direct Line service refused to issue a token (HTTP ${response.status})${
          response.status === 401 || response.status === 403 ? '; check DIRECT_LINE_SECRET' : ''
        }.`,
      );
    }
    const parsed = GenerateResponseSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new TokenError('The Direct Line service answered with something other than a token.');
    return {
      ...parsed.data,
      userId,
      domain: `${options.endpoint}/v3/directline`,
      webSocket: true,
    };
  };
}

const BodySchema = z
  .looseObject({ userId: z.string().max(256).optional() })
  .optional()
  .catch(undefined);

/**
 * `POST /api/directline/token`: a Direct Line token for the page. The page may send back
 * the `userId` it was given before (kept in the browser) to go on as the same member;
 * anything else gets a new random id.
 */
export function mountTokenEndpoint(server: Server, options: { issue: Issuer; log: Logger }) {
  server.post('/api/directline/token', async (req: Request, res: Response) => {
    const requested = BodySchema.parse(req.body ?? undefined)?.userId;
    res.header('cache-control', 'no-store');
    try {
      const grant = await options.issue(
        requested && USER_ID.test(requested) ? requested : undefined,
      );
      res.send(200, grant);
    } catch (error) {
      const message =
        error instanceof TokenError ? error.message : 'The Direct Line token could not be made.';
      options.log.warn({ event: 'directline-token-failed', reason: message }, 'no token');
      res.send(502, { error: message });
    }
  });
}
