import type { Request, Response, Server } from 'restify';
import type { BotConfig } from '../../config';
import type { Logger } from '../../log';
import type { Conversations } from './conversations';
import { mountWebPage, type WebPageOptions } from './page';
import { type LocalDirectLine, mountLocalDirectLine, type Receive } from './routes';
import { azureIssuer, type Issuer, mountTokenEndpoint } from './tokenEndpoint';

export type { Receive } from './routes';

export interface WebChatOptions {
  config: Pick<BotConfig, 'anonymous' | 'webChat'>;
  log: Logger;
  /** Runs an activity through the bot (used by the local Direct Line, anonymous mode only). */
  receive: Receive;
  /** The bot's own base URL, known once the server listens. */
  botUrl: () => string;
  /** The adapter's own credential for posting to the local Direct Line. */
  localSecret: string;
  /** For tests: the local Direct Line's memory, and the fetch that reaches Azure. */
  conversations?: Conversations;
  fetch?: typeof fetch;
  /** The pack's branding and logo, shown by the page. */
  page?: Pick<WebPageOptions, 'branding' | 'logo'>;
}

/** What was mounted, for tests and the start-up banner. */
export interface WebChatMounted {
  page: boolean;
  tokenEndpoint: 'local' | 'azure' | undefined;
  localDirectLine?: LocalDirectLine;
}

/**
 * Everything the chat page needs, by configuration (docs/web-chat.md):
 *
 * - anonymous (local) mode: the local Direct Line under /v3/directline, the token endpoint
 *   handing out its tokens, and the page at /;
 * - with `DIRECT_LINE_SECRET`: the token endpoint exchanging the secret with Azure's
 *   Direct Line, and the page at / when `RESONET_WEB_PAGE` is set.
 */
export function mountWebChat(server: Server, options: WebChatOptions): WebChatMounted {
  const { config, log } = options;
  const { webChat } = config;
  const localDirectLine = config.anonymous
    ? mountLocalDirectLine(server, {
        receive: options.receive,
        log,
        botUrl: options.botUrl,
        localSecret: options.localSecret,
        ...(options.conversations ? { conversations: options.conversations } : {}),
      })
    : undefined;
  let issue: Issuer | undefined;
  if (localDirectLine)
    issue = async (userId) => ({
      ...localDirectLine.generate(userId),
      domain: '/v3/directline',
      webSocket: false,
    });
  else if (webChat.directLineSecret)
    issue = azureIssuer({
      secret: webChat.directLineSecret,
      endpoint: webChat.directLineEndpoint,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  if (issue) {
    allowOrigins(server, '/api/directline/token', webChat.origins);
    mountTokenEndpoint(server, { issue, log });
  }
  const page = webChat.page && issue !== undefined;
  if (page) {
    const azure = new URL(webChat.directLineEndpoint);
    mountWebPage(server, {
      log,
      // Azure's Direct Line streams over a WebSocket on the same host.
      connect: localDirectLine ? [] : [azure.origin, `wss://${azure.host}`],
      frameAncestors: webChat.origins,
      ...options.page,
    });
  }
  return {
    page,
    tokenEndpoint: localDirectLine ? 'local' : issue ? 'azure' : undefined,
    ...(localDirectLine ? { localDirectLine } : {}),
  };
}

/** CORS for one POST route: the listed origins may call it from their pages. */
function allowOrigins(server: Server, path: string, origins: readonly string[]) {
  if (!origins.length) return;
  const allowed = new Set(origins);
  const headers = (req: Request, res: Response) => {
    const origin = req.header('origin');
    if (origin && allowed.has(origin)) {
      res.header('access-control-allow-origin', origin);
      res.header('vary', 'origin');
    }
  };
  // Before routing and body parsing: a preflight has no body for the parser to accept.
  server.pre((req, res, next) => {
    if (req.getPath() !== path) return next();
    headers(req, res);
    if (req.method !== 'OPTIONS') return next();
    res.header('access-control-allow-methods', 'POST');
    res.header('access-control-allow-headers', 'content-type');
    res.header('access-control-max-age', '600');
    res.send(204);
    return next(false);
  });
}
