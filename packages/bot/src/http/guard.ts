import type { Request, Response, Server } from 'restify';
import type { Logger } from '../log';
import { BodyError, readJsonBody, refuseBeforeReading } from './requestBody';

/** Headers past this count are dropped unread (Node keeps 2,000). */
export const MAX_HEADERS = 100;

/** What of a refused body is read and dropped, and for how long, before the connection is cut. */
const DRAIN_BYTES = 16 * 1024 * 1024;
const DRAIN_MS = 5_000;

/**
 * The first handler of every request: refuses what the bot never needs before any body is
 * read (compressed, form and multipart bodies; oversized ones), then reads JSON bodies with
 * the byte limit counted as they arrive. `req.body` is the parsed JSON, or undefined.
 */
export function guardRequests(server: Server, options: { maxBodyBytes: number; log: Logger }) {
  const { maxBodyBytes, log } = options;
  server.server.maxHeadersCount = MAX_HEADERS;
  // A client that trickles its request is cut off rather than holding a connection.
  server.server.headersTimeout = 15_000;
  server.server.requestTimeout = 30_000;

  server.pre((req: Request, res: Response, next: (go?: false) => void) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const refused = refuseBeforeReading(req, maxBodyBytes);
    if (refused) return refuse(req, res, refused, next);
    readJsonBody(req, maxBodyBytes).then(
      (body) => {
        req.body = body;
        next();
      },
      (error: unknown) =>
        refuse(
          req,
          res,
          error instanceof BodyError
            ? error
            : new BodyError(400, 'BadBody', 'The body could not be read.'),
          next,
        ),
    );
  });

  function refuse(req: Request, res: Response, error: BodyError, next: (go?: false) => void) {
    log.warn(
      { event: 'request-refused', method: req.method, status: error.status, code: error.code },
      'request refused',
    );
    drain(req, res);
    const directLine = req.getPath().startsWith('/v3/');
    res.send(
      error.status,
      directLine
        ? {
            error: {
              code: error.status === 400 ? 'BadArgument' : error.code,
              message: error.message,
            },
          }
        : { error: error.message },
    );
    next(false);
  }
}

/**
 * A lingering close, as web servers do it: once the answer is sent, the connection is
 * closed for writing and what is left of the body is read and dropped, up to a limit in
 * bytes and time. Closing at once would reset the connection while the client is still
 * sending, and the client would lose the answer that says why.
 */
function drain(req: Request, res: Response) {
  let dropped = 0;
  const socket = req.socket;
  const cut = () => socket.destroy();
  // Node destroys the socket as soon as the answer is written when the request is not read
  // to its end ("destroySoon"); here it only ends it for writing, and the timer cuts it.
  socket.destroySoon = () => {
    socket.end();
  };
  res.once('finish', () => setTimeout(cut, DRAIN_MS).unref());
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_BYTES) cut();
  });
  req.on('error', () => {});
  req.resume();
}
