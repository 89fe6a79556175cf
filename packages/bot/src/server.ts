import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response, type Server } from 'restify';
import type { AdapterOptions } from './channels/botframework/adapter';
import { createBotFrameworkHost, UnauthorizedError } from './channels/botframework/host';
import { checkInboundActivity } from './channels/botframework/inboundActivity';
import { mountWebChat } from './channels/directline';
import type { BotConfig } from './config';
import { type Content, loadContent } from './content';
import { guardRequests } from './http/guard';
import { cleanStrings } from './http/requestBody';
import { errorFields, type Logger, newErrorId } from './log';
import type { MemberTurn } from './memberTurn';
import { type MemberStore, MemoryMemberStore } from './storage/members';
import { type MembershipStore, MemoryMembershipStore } from './storage/memberships';
import { MemoryResultStore, type ResultStore } from './storage/results';

export interface ServerOptions {
  config: BotConfig;
  log: Logger;
  results?: ResultStore;
  /** The unanswered-questions log and its recorder; none: not recorded. */
  unanswered?: MemberTurn['unanswered'];
  /** Members' and conversations' state, written together with what a turn submits; memory by default. */
  members?: MemberStore;
  /** Members' roles and invites; memory by default. */
  memberships?: MembershipStore;
  /** For tests: where the Bot Framework signing keys are published. */
  openIdMetadata?: AdapterOptions['openIdMetadata'];
  /** Whether the database answers, for /healthz. */
  ping?: () => Promise<boolean>;
  content?: Content;
  /** The content as it is now, read again as the registry changes (see registry.ts). */
  currentContent?: () => Promise<Content>;
  today?: () => string;
}

export interface RunningServer {
  /** The base URL, e.g. http://127.0.0.1:3978. */
  url: string;
  /** The restify server, for adding routes (the benchmark adds a bare echo route). */
  server: Server;
  /** Stops accepting requests, lets running turns finish, closes storage. */
  close(): Promise<void>;
}

const isoToday = () => new Date().toISOString().slice(0, 10);

/**
 * The route a request matched, as declared (`/v3/directline/conversations/:conversationId`):
 * paths carry conversation ids, which are the conversations' credentials, so logs never
 * show them.
 */
const routeOf = (req: Request): string => {
  const route = req.getRoute?.();
  return route?.path ? String(route.path) : '(no route)';
};

/** Starts the bot's HTTP server: POST /api/messages, GET /healthz and the chat page. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, log } = options;
  const results = options.results ?? new MemoryResultStore();
  // Only the bot's own adapter can post into the local Direct Line's streams (anonymous mode).
  const localSecret = randomBytes(32).toString('base64url');
  const content = options.content ?? loadContent({ exampleCentres: config.exampleCentres });
  const host = createBotFrameworkHost({
    config,
    log,
    content,
    ...(options.currentContent ? { currentContent: options.currentContent } : {}),
    results,
    members: options.members ?? new MemoryMemberStore(results),
    memberships: options.memberships ?? new MemoryMembershipStore(),
    ...(options.unanswered ? { unanswered: options.unanswered } : {}),
    today: options.today ?? isoToday,
    newId: randomUUID,
    local: { secret: localSecret, botUrl: () => url },
    ...(options.openIdMetadata ? { openIdMetadata: options.openIdMetadata } : {}),
  });

  const server = restify.createServer({ name: 'resonet-bot', handleUncaughtExceptions: false });
  // Bodies are read by the bot's own reader, never restify's (which inflates without limits
  // and writes multipart uploads to disk): docs/deployment.md, Security.
  guardRequests(server, { maxBodyBytes: config.maxBodyBytes, log });
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;

  server.get('/healthz', async (_req: Request, res: Response) => {
    if (closing) return res.send(503, { status: 'stopping' });
    const database = options.ping ? await options.ping() : true;
    res.send(
      database ? 200 : 503,
      database ? { status: 'ok' } : { status: 'database unreachable' },
    );
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (closing) {
      res.send(503, { error: 'The bot is shutting down; try again shortly.' });
      return;
    }
    const checked = checkInboundActivity(req.body);
    if (!checked.ok) {
      res.send(400, { error: checked.error });
      return;
    }
    const work = host.process(req.header('authorization') ?? '', cleanStrings(checked.value));
    inFlight.add(work);
    try {
      const invoke = await work;
      if (invoke) res.send(invoke.status, invoke.body);
      else res.send(200);
    } catch (error) {
      if (error instanceof UnauthorizedError) {
        // One short line: no stack, nothing of the token.
        log.warn({ event: 'auth-refused', reason: error.reason }, 'request not authenticated');
        res.send(401, { error: 'Unauthorized.' });
        return;
      }
      const errorId = newErrorId();
      log.warn({ event: 'request-failed', errorId, err: errorFields(error) }, 'request failed');
      res.send(500, { error: `Internal error (reference ${errorId}).` });
    } finally {
      inFlight.delete(work);
    }
  });

  // The chat page and its Direct Line (docs/web-chat.md). Locally its turns go through the
  // same adapter and bot, without HTTP auth (anonymous mode only), counted for shutdown.
  mountWebChat(server, {
    config,
    log,
    botUrl: () => url,
    localSecret,
    page: {
      branding: content.branding,
      ...(content.logo ? { logo: content.logo } : {}),
    },
    receive: (activity) => {
      if (closing) return Promise.reject(new Error('The bot is shutting down.'));
      const work = host.process('', activity);
      inFlight.add(work);
      return work.finally(() => inFlight.delete(work));
    },
  });

  server.on('after', (req: Request, res: Response) => {
    // The page polls the local Direct Line twice a second: those reads are logged at debug.
    const route = routeOf(req);
    const poll = req.method === 'GET' && route.startsWith('/v3/directline/');
    log[poll ? 'debug' : 'info'](
      { event: 'request', method: req.method, route, status: res.statusCode },
      'request',
    );
  });
  server.on('restifyError', (req: Request, _res: Response, error: Error, callback: () => void) => {
    log.warn(
      { event: 'request-rejected', method: req.method, route: routeOf(req), type: error.name },
      'request rejected',
    );
    callback();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostname}:${address.port}`;
  log.info(
    {
      event: 'listening',
      port: address.port,
      host: address.address,
      mode: config.anonymous ? 'anonymous' : 'authenticated',
    },
    config.anonymous
      ? `listening on ${url} in anonymous mode (no MicrosoftAppId): local use only`
      : `listening on ${url}`,
  );

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections?.();
      await Promise.allSettled([...inFlight]);
      // Once the turns are done and their answers sent, what is left holds no work of ours:
      // idle keep-alive connections, a browser's preconnected socket that never sent a
      // request. They would keep the server open until the browser gives them up.
      const force = setTimeout(() => server.server.closeAllConnections?.(), 1000);
      await stopped;
      clearTimeout(force);
      await results.close();
      log.info({ event: 'stopped' }, 'stopped');
    })();
    return closed;
  };
  return { url, server, close };
}
