// Fault injection for the API, outside /api/v1 (POST /__sim/faults or SIM_FREQTRADE_FAULTS).

export const FAULT_MODES = ['latency', 'error500', 'garbage', 'hang', 'silent', 'crash'];

/** Parses a fault spec; returns { fault } or { error } naming the bad field. */
export function parseFault(input) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { error: 'body must be a JSON object' };
  }
  if (!FAULT_MODES.includes(input.mode)) {
    return { error: `mode must be one of ${FAULT_MODES.join(', ')}` };
  }
  const fault = { mode: input.mode, path: '^/api/v1/', latency_ms: 0, exit_code: 1, count: null };
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
    /** The fault for this request path, consuming one use when it has a count. */
    take(pathname) {
      if (!active || !new RegExp(active.path).test(pathname)) return null;
      const f = active;
      if (f.count !== null) {
        f.count -= 1;
        if (f.count <= 0) active = null;
      }
      return f;
    },
  };
}
