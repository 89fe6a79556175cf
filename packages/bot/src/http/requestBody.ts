import type { IncomingMessage } from 'node:http';

/** Why a request body was refused, with the status to answer and a message fit to show. */
export class BodyError extends Error {
  override name = 'BodyError';
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: 'BadBody' | 'TooLarge' | 'UnsupportedMediaType',
    message: string,
  ) {
    super(message);
  }
}

/** Nesting deeper than this is refused: nothing the bot reads is nested half as deep. */
export const MAX_DEPTH = 32;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Whether the request carries a body at all (a length above 0, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * What may arrive before any byte of the body is read: the bot only ever reads JSON, sent
 * as it is. Compressed bodies (`Content-Encoding`), forms and multipart uploads are refused
 * here, so no decompressor and no file writer ever sees a request.
 */
export function refuseBeforeReading(req: IncomingMessage, maxBytes: number): BodyError | undefined {
  const encoding = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding && encoding !== 'identity')
    return new BodyError(
      415,
      'UnsupportedMediaType',
      'Compressed request bodies are not accepted: send JSON without Content-Encoding.',
    );
  if (!hasBody(req)) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!JSON_TYPE.test(type))
    return new BodyError(
      415,
      'UnsupportedMediaType',
      'The body must be JSON (Content-Type: application/json).',
    );
  const length = Number(req.headers['content-length']);
  if (Number.isFinite(length) && length > maxBytes)
    return new BodyError(413, 'TooLarge', `The body is larger than ${maxBytes} bytes.`);
  return undefined;
}

/**
 * Reads a JSON body, counting the bytes as they arrive and stopping past `maxBytes`.
 * Resolves with `undefined` for an empty body.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error?: BodyError, value?: unknown) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (error) {
        // Nothing more of this body is wanted: the guard drops what is left.
        req.pause();
        reject(error);
      } else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes)
        return settle(new BodyError(413, 'TooLarge', `The body is larger than ${maxBytes} bytes.`));
      chunks.push(chunk);
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks, size).toString('utf8');
      if (!text.trim()) return settle(undefined, undefined);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return settle(new BodyError(400, 'BadBody', 'Invalid JSON: the body could not be parsed.'));
      }
      if (depthOf(value) > MAX_DEPTH)
        return settle(
          new BodyError(400, 'BadBody', `The JSON is nested deeper than ${MAX_DEPTH} levels.`),
        );
      settle(undefined, value);
    };
    const onError = () => settle(new BodyError(400, 'BadBody', 'The body could not be read.'));
    const onAborted = onError;
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/** How deeply a parsed JSON value nests, counted without recursion (it may be hostile). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return deepest;
}

// C0 controls other than tab, newline and carriage return, and DEL: no member types them,
// and PostgreSQL refuses NUL in text and JSON.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

// Half of a surrogate pair without the other half: not text, and PostgreSQL refuses it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Text without control characters and with lone surrogates replaced, safe to store. */
export const cleanText = (text: string): string =>
  text.replace(CONTROL, '').replace(LONE_SURROGATES, '\uFFFD');

/** Whether an id holds a control character or a lone surrogate (such ids are refused). */
export const hasControl = (text: string): boolean =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters refused in ids
  /[\u0000-\u001f\u007f]/.test(text) || LONE_SURROGATE.test(text);

/** A parsed JSON value with every string (keys too) passed through `cleanText`. */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[cleanText(key)] = cleanStrings(child);
  return out as T;
}
