import { type Content, withRegistry } from './content';
import type { CentreRegistry } from './storage/centres';

/** How long the registry read at one turn serves the next ones. */
export const REGISTRY_REFRESH_MS = 60_000;

/**
 * The content with the centre registry as it is now: centres imported while the bot runs
 * (`resonet centres import` on PostgreSQL) are offered within a minute, without a restart.
 * The registry is read at most once a minute, on a turn's demand; while a read fails the
 * last good list stays, so a database hiccup never takes centres away from members.
 */
export function liveRegistry(
  content: Content,
  registered: Content,
  centres: Pick<CentreRegistry, 'list'>,
  options: { refreshMs?: number; now?: () => number; onError?: (error: unknown) => void } = {},
): () => Promise<Content> {
  const refreshMs = options.refreshMs ?? REGISTRY_REFRESH_MS;
  const now = options.now ?? Date.now;
  let current = registered;
  let readAt = now();
  let reading: Promise<Content> | undefined;
  const read = async () => {
    try {
      const lists = await Promise.all(content.networks.map((n) => centres.list(n.id)));
      current = withRegistry(content, lists.flat());
    } catch (error) {
      options.onError?.(error);
    } finally {
      readAt = now();
      reading = undefined;
    }
    return current;
  };
  return () => {
    if (now() - readAt < refreshMs) return Promise.resolve(current);
    reading ??= read();
    return reading;
  };
}
