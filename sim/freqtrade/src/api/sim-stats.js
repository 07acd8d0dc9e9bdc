import { performance } from 'node:perf_hooks';

// The last RPC messages kept for GET /__sim/messages.
const MESSAGES_KEPT = 1000;

/** Epoch milliseconds with sub-millisecond precision (comparable across processes). */
export const epochMs = () => performance.timeOrigin + performance.now();

/**
 * Sim-only counters for benchmarks (`/__sim/requests`, `/__sim/messages`): every request the API
 * server received (`/__sim/*` excluded; a message-WS handshake counts as its GET), and the instant
 * each RPC message (`entry_fill`, `exit_fill`, …) was sent out, as the bot's own clock saw it.
 */
export function createSimStats() {
  let since = epochMs();
  let total = 0;
  let byPath = new Map();
  const messages = [];
  return {
    request(method, path) {
      total += 1;
      const key = `${method} ${path}`;
      byPath.set(key, (byPath.get(key) ?? 0) + 1);
    },
    message(msg) {
      messages.push({ at: epochMs(), type: msg.type, trade_id: msg.trade_id ?? null });
      if (messages.length > MESSAGES_KEPT) messages.shift();
    },
    requests: () => ({ since, total, by_path: Object.fromEntries(byPath) }),
    resetRequests() {
      since = epochMs();
      total = 0;
      byPath = new Map();
    },
    messages: (type) => messages.filter((m) => !type || m.type === type),
  };
}
