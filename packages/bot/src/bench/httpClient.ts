import { Agent, request } from 'node:http';

/** A keep-alive HTTP client for benchmarks: posts JSON, returns status and body. */
export function httpClient(baseUrl: string, maxSockets = 8) {
  const { port, hostname } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets });
  const post = (path: string, body: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: hostname,
          port,
          path,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

/** An activity as a channel posts it, replies expected in the response. */
export const benchActivity = (id: string, conversation: string, fields: Record<string, unknown>) =>
  JSON.stringify({
    type: 'message',
    id,
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: conversation },
    from: { id: `user-of-${conversation}` },
    recipient: { id: 'bench-bot' },
    locale: 'en-US',
    deliveryMode: 'expectReplies',
    ...fields,
  });

export const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
