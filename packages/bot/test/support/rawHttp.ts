import { request } from 'node:http';

export interface RawAnswer {
  /** The status, or undefined when the connection failed before an answer. */
  status: number | undefined;
  body: string;
  /** The error code when the connection failed (ECONNRESET, EPIPE…). */
  error?: string;
  ms: number;
}

/**
 * One HTTP request with exactly the headers and bytes given, as an attacker would send it:
 * fetch would set or refuse some of these itself. A body given as a function is written
 * chunk by chunk until the server answers or the chunks run out.
 */
export function rawRequest(
  url: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string | number>;
    body?: Buffer | string | (() => Generator<Buffer>);
  },
): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    let answered = false;
    let body = '';
    let status: number | undefined;
    const done = (error?: string) => {
      if (answered) return;
      answered = true;
      resolve({
        status,
        body,
        ...(error && status === undefined ? { error } : {}),
        ms: performance.now() - started,
      });
    };
    const req = request(`${url}${options.path}`, {
      method: options.method ?? 'POST',
      headers: options.headers ?? {},
      agent: false,
    });
    req.on('response', (res) => {
      status = res.statusCode;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => done());
      res.on('error', (error: NodeJS.ErrnoException) => done(error.code));
    });
    req.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    const { body: payload } = options;
    if (typeof payload === 'function') {
      const chunks = payload();
      const pump = () => {
        if (status !== undefined || req.destroyed) return;
        const next = chunks.next();
        if (next.done) return req.end();
        if (req.write(next.value)) setImmediate(pump);
        else req.once('drain', pump);
      };
      pump();
    } else req.end(payload);
  });
}

/** The resident memory of a process in MB (Linux /proc). */
export async function residentMb(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return Math.round(kb / 1024);
}
