import type { Request, Response, Server } from 'restify';
import type { Logger } from '../log';
import { BodyError, readJsonBody, refuseBeforeReading } from './requestBody';

/** More headers than this in one request are refused (Node allows 2,000). */
export const MAX_HEADERS = 100;

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
    // The rest of the body is never read: the connection closes after the answer.
    res.header('connection', 'close');
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
