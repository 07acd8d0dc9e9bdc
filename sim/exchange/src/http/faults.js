// Injected faults, matched by path (exact, or prefix ending in '*') and optional method.
const KINDS = ['latency', 'status', 'malformed', 'drop', 'hang'];

/**
 * Validates a fault from the control surface.
 * @returns {{ fault?: object, error?: string }}
 */
export function parseFault(input) {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return { error: 'body: expected a JSON object' };
  const { path, method, kind, status, latencyMs, count, body } = input;
  if (typeof path !== 'string' || !(path.startsWith('/') || path === '*')) {
    return { error: "path: expected a string starting with '/' (or '*')" };
  }
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) {
    return { error: 'method: expected an HTTP method name' };
  }
  if (!KINDS.includes(kind)) return { error: `kind: expected one of ${KINDS.join(', ')}` };
  if (kind === 'status' && (!Number.isInteger(status) || status < 400 || status > 599)) {
    return { error: 'status: expected an integer 400-599' };
  }
  if (kind === 'latency' && (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 600000)) {
    return { error: 'latencyMs: expected an integer 0-600000' };
  }
  if (count !== undefined && count !== null && (!Number.isInteger(count) || count < 1)) {
    return { error: 'count: expected a positive integer' };
  }
  if (body !== undefined && typeof body !== 'string') return { error: 'body: expected a string' };
  return {
    fault: {
      path,
      method: method ? method.toUpperCase() : null,
      kind,
      status: kind === 'status' ? status : null,
      latencyMs: kind === 'latency' ? latencyMs : null,
      body: body ?? null,
      count: count ?? null,
    },
  };
}

export function createFaults() {
  let faults = [];
  let nextId = 1;

  const matches = (fault, method, path) =>
    (fault.method === null || fault.method === method) &&
    (fault.path.endsWith('*') ? path.startsWith(fault.path.slice(0, -1)) : fault.path === path);

  return {
    add(fault) {
      const entry = { id: nextId, ...fault, hits: 0 };
      nextId += 1;
      faults.push(entry);
      return { ...entry };
    },
    /** Consumes one use of the first matching fault. */
    take(method, path) {
      const fault = faults.find((f) => matches(f, method, path));
      if (!fault) return null;
      fault.hits += 1;
      if (fault.count !== null && fault.hits >= fault.count)
        faults = faults.filter((f) => f !== fault);
      return { ...fault };
    },
    list: () => faults.map((f) => ({ ...f })),
    remove(id) {
      const before = faults.length;
      faults = faults.filter((f) => f.id !== id);
      return faults.length < before;
    },
    clear() {
      faults = [];
    },
  };
}
