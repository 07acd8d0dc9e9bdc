import { createServer } from 'node:net';

import { UpstreamUnavailableError } from '../domain/errors.js';

/** Whether nothing listens on 127.0.0.1:port right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Each bot's loopback API port: the lowest one in the range no bot holds and nothing uses. */
export function createPortAllocator(deps: {
  range: { first: number; last: number };
  used: () => Set<number>;
}) {
  const reserved = new Set<number>();
  return {
    async allocate(exclude: number[] = []): Promise<number> {
      const used = deps.used();
      for (let port = deps.range.first; port <= deps.range.last; port += 1) {
        if (used.has(port) || reserved.has(port) || exclude.includes(port)) continue;
        reserved.add(port);
        if (await isPortFree(port)) {
          // Held a while, so a second request cannot take it before the first one stores it.
          setTimeout(() => reserved.delete(port), 30_000).unref();
          return port;
        }
        reserved.delete(port);
      }
      throw new UpstreamUnavailableError(
        'bot-ports-exhausted',
        `no free port left in ${deps.range.first}-${deps.range.last} for another bot`,
      );
    },
  };
}

export type PortAllocator = ReturnType<typeof createPortAllocator>;
