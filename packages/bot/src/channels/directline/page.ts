import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { LocalizedText } from '@resonet/core';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../log';

/** The page's files (packages/bot/web), found from here in the sources and in dist/. */
export function findWebRoot(from: string = fileURLToPath(import.meta.url)): string | undefined {
  let dir = dirname(from);
  for (let up = 0; up < 6; up++) {
    if (existsSync(join(dir, 'web', 'index.html'))) return join(dir, 'web');
    dir = dirname(dir);
  }
  return undefined;
}

/**
 * Web Chat's browser bundle, from the installed `botframework-webchat` package (its
 * `exports` do not list the file, so the package folder is looked up where Node would).
 */
export function findWebChatBundle(from: string = import.meta.url): string | undefined {
  const paths = createRequire(from).resolve.paths('botframework-webchat') ?? [];
  for (const dir of paths) {
    const file = join(dir, 'botframework-webchat', 'dist', 'webchat.js');
    if (existsSync(file)) return file;
  }
  return undefined;
}

interface Asset {
  type: string;
  body: Buffer;
  gzip?: Buffer;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function load(file: string, transform?: (body: Buffer) => Buffer): Asset {
  const read = readFileSync(file);
  const body = transform ? transform(read) : read;
  const type = TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
  return {
    type,
    body,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
}

/**
 * The Content-Security-Policy of the page: scripts from the bot only (no inline script);
 * inline styles are allowed because Web Chat and the Adaptive Cards renderer set them.
 */
export function contentSecurityPolicy(options: {
  connect: readonly string[];
  frameAncestors: readonly string[];
}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src ${["'self'", ...options.connect].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${["'self'", ...options.frameAncestors].join(' ')}`,
  ].join('; ');
}

export interface WebPageOptions {
  log: Logger;
  /** Where the page may connect besides the bot itself (Azure's Direct Line). */
  connect: readonly string[];
  /** Sites that may show the page in a frame, besides the bot itself. */
  frameAncestors: readonly string[];
  webRoot?: string;
  webChatBundle?: string;
  /** The pack's words, colour and logo, written into the page. */
  branding?: PageBranding;
  logo?: { data: Uint8Array; type: 'image/png' | 'image/svg+xml' };
}

/** What the page shows of a pack: its name, one line, what it is about, its colour. */
export interface PageBranding {
  name: LocalizedText;
  description: LocalizedText;
  about: LocalizedText;
  colour: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page with the pack's branding: its English words in the HTML (what a page reader sees
 * before the script runs), all of them in a meta tag the script reads, and its colour.
 */
export function brandedPage(html: string, branding: PageBranding, logo?: string): string {
  const { name: names, description, about, colour } = branding;
  const meta = escapeHtml(
    JSON.stringify({ name: names, description, about, colour, ...(logo ? { logo } : {}) }),
  );
  const name = escapeHtml(branding.name.en);
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${name} — chat with the network assistant</title>`)
    .replace(
      /(<meta\s+name="description"\s+content=")[^"]*/,
      `$1${escapeHtml(`Ask about ${about.en}, and take a needs assessment, in English or Vietnamese.`)}`,
    )
    .replace(
      /<meta name="color-scheme"/,
      `<meta name="resonet-branding" content="${meta}" />\n    <meta name="color-scheme"`,
    )
    .replace(/(<h1 data-text="heading">)[^<]*/, `$1${name}`)
    .replace(/(data-text="subtitle">)[^<]*/, `$1${escapeHtml(branding.description.en)}`)
    .replace(/<html lang="en">/, `<html lang="en" style="--brand: ${branding.colour}">`)
    .replace(/(<img src=")\/favicon\.svg(" alt="")/, logo ? `$1${logo}$2` : '$&');
}

/**
 * Serves the chat page: GET / (web/index.html with app.js, app.css, favicon.svg) and Web
 * Chat's bundle from node_modules at /webchat/webchat.js. Files are read once, compressed
 * on first demand, and revalidated by ETag.
 */
export function mountWebPage(server: Server, options: WebPageOptions): void {
  const root = options.webRoot ?? findWebRoot();
  const bundle = options.webChatBundle ?? findWebChatBundle();
  if (!root || !bundle) {
    options.log.warn(
      { event: 'web-page-missing', page: Boolean(root), webChat: Boolean(bundle) },
      'the chat page cannot be served: its files or botframework-webchat are missing',
    );
  }
  const csp = contentSecurityPolicy(options);
  const files: Record<string, string | undefined> = {
    '/': root && join(root, 'index.html'),
    '/app.js': root && join(root, 'app.js'),
    '/app.css': root && join(root, 'app.css'),
    '/favicon.svg': root && join(root, 'favicon.svg'),
    '/webchat/webchat.js': bundle,
  };
  const cache = new Map<string, Asset>();
  const logoPath = options.logo
    ? `/logo.${options.logo.type === 'image/png' ? 'png' : 'svg'}`
    : undefined;
  const { branding } = options;
  const transforms: Record<string, (body: Buffer) => Buffer> = branding
    ? { '/': (body) => Buffer.from(brandedPage(body.toString('utf8'), branding, logoPath)) }
    : {};
  if (options.logo && logoPath) {
    const data = Buffer.from(options.logo.data);
    cache.set(logoPath, {
      type: options.logo.type,
      body: data,
      etag: `"${createHash('sha256').update(data).digest('base64url').slice(0, 27)}"`,
    });
    files[logoPath] = logoPath;
  }

  for (const [path, file] of Object.entries(files)) {
    server.get(path, async (req: Request, res: Response) => {
      if (!file) {
        res.send(404, { error: 'The chat page is not installed (see docs/web-chat.md).' });
        return;
      }
      let asset = cache.get(path);
      if (!asset) {
        asset = load(file, transforms[path]);
        cache.set(path, asset);
      }
      const headers: Record<string, string> = {
        'content-type': asset.type,
        'cache-control': 'no-cache',
        etag: asset.etag,
        vary: 'accept-encoding',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        ...(asset.type.startsWith('text/html') ? { 'content-security-policy': csp } : {}),
      };
      if (req.header('if-none-match') === asset.etag) {
        res.sendRaw(304, '', headers);
        return;
      }
      if (/\bgzip\b/.test(req.header('accept-encoding') ?? '') && asset.body.length > 1024) {
        asset.gzip ??= gzipSync(asset.body);
        res.sendRaw(200, asset.gzip, { ...headers, 'content-encoding': 'gzip' });
        return;
      }
      res.sendRaw(200, asset.body, headers);
    });
  }
}
