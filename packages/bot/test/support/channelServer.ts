import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for a Bot Framework channel service (what Teams or Direct Line runs): the bot
 * posts its replies here, to `serviceUrl`/v3/conversations/{id}/activities[/{replyToId}].
 */
export class ChannelServer {
  readonly received: { path: string; activity: Record<string, unknown> }[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        body += chunk;
      });
      req.on('end', () => {
        if (req.method === 'POST' && req.url?.startsWith('/v3/conversations/')) {
          this.received.push({ path: req.url, activity: JSON.parse(body) });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `example-reply-${this.received.length}` }));
          return;
        }
        res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** The activities received since the last call. */
  take(): Record<string, unknown>[] {
    return this.received.splice(0).map((r) => r.activity);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
