// Fault injection, outside /api/v1 (POST /__sim/faults or SIM_FREQTRADE_FAULTS). One fault is
// active at a time; each mode belongs to one scope: HTTP requests, the trading loop, or WS requests.

const SCOPES = {
  latency: 'http',
  error500: 'http',
  garbage: 'http',
  hang: 'http',
  silent: 'http',
  crash: 'http',
  // freqtrade/worker.py _process_running: OperationalException → `exception` message + STOPPED.
  loop_operational: 'loop',
  // TemporaryError → "Error: ..., retrying in 30 seconds..." and a retry.
  loop_temporary: 'loop',
  // api_ws.py channel_reader: a FreqtradeException while handling a whitelist/analyzed_df request.
  ws_request_error: 'ws',
};
export const FAULT_MODES = Object.keys(SCOPES);
const HTTP_ONLY = ['path', 'latency_ms', 'exit_code'];

/** Parses a fault spec; returns { fault } or { error } naming the bad field. */
export function parseFault(input) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { error: 'body must be a JSON object' };
  }
  if (!FAULT_MODES.includes(input.mode)) {
    return { error: `mode must be one of ${FAULT_MODES.join(', ')}` };
  }
  const scope = SCOPES[input.mode];
  const known = ['mode', 'count', ...HTTP_ONLY];
  const unknown = Object.keys(input).find((k) => !known.includes(k));
  if (unknown !== undefined) return { error: `${unknown} is not a fault field` };
  if (scope !== 'http') {
    const bad = HTTP_ONLY.find((k) => input[k] !== undefined);
    if (bad !== undefined) return { error: `${bad} only applies to HTTP fault modes` };
  }
  const fault = {
    mode: input.mode,
    scope,
    path: scope === 'http' ? '^/api/v1/' : null,
    latency_ms: 0,
    exit_code: 1,
    count: null,
  };
  if (input.path !== undefined) {
    if (typeof input.path !== 'string')
      return { error: 'path must be a regular expression string' };
    try {
      new RegExp(input.path);
    } catch {
      return { error: 'path is not a valid regular expression' };
    }
    fault.path = input.path;
  }
  for (const key of ['latency_ms', 'exit_code', 'count']) {
    if (input[key] === undefined) continue;
    if (!Number.isInteger(input[key]) || input[key] < 0)
      return { error: `${key} must be a non-negative integer` };
    fault[key] = input[key];
  }
  if (fault.exit_code > 255) return { error: 'exit_code must be at most 255' };
  if (fault.mode === 'latency' && fault.latency_ms === 0) fault.latency_ms = 1000;
  return { fault };
}

export function createFaults(initial) {
  let active = initial ?? null;
  return {
    get: () => active,
    set: (f) => {
      active = f;
    },
    clear: () => {
      active = null;
    },
    /**
     * The active fault for `scope` ('http' with the request path, 'loop', 'ws'), consuming one
     * use when it has a count; null when none applies.
     */
    take(scope, pathname = '') {
      if (!active || active.scope !== scope) return null;
      if (scope === 'http' && !new RegExp(active.path).test(pathname)) return null;
      const f = active;
      if (f.count !== null) {
        f.count -= 1;
        if (f.count <= 0) active = null;
      }
      return f;
    },
  };
}
