import { parseFault } from '../faults/faults.js';

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Sim-only control surface (never under /api/v1): GET/POST/DELETE /__sim/faults, GET/DELETE
 * /__sim/requests (request counters), GET /__sim/messages (RPC message instants).
 */
export async function handleSimControl(rt, req, res, url, readBody) {
  if (url.pathname === '/__sim/requests') {
    if (req.method === 'GET') return sendJson(res, 200, rt.stats.requests());
    if (req.method === 'DELETE') {
      rt.stats.resetRequests();
      return sendJson(res, 200, rt.stats.requests());
    }
    return sendJson(res, 405, { error: 'method not allowed' });
  }
  if (url.pathname === '/__sim/messages') {
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'method not allowed' });
    return sendJson(res, 200, { messages: rt.stats.messages(url.searchParams.get('type')) });
  }
  if (url.pathname === '/__sim/faults') {
    if (req.method === 'GET') return sendJson(res, 200, { fault: rt.faults.get() });
    if (req.method === 'DELETE') {
      rt.faults.clear();
      return sendJson(res, 200, { fault: null });
    }
    if (req.method === 'POST') {
      let body;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return sendJson(res, 400, { error: 'body: invalid JSON' });
      }
      const { fault, error } = parseFault(body);
      if (error) return sendJson(res, 400, { error });
      sendJson(res, 200, { fault });
      if (fault.mode === 'crash') {
        rt.log.error(`Simulated crash (exit code ${fault.exit_code}).`);
        res.on('finish', () => setTimeout(() => process.exit(fault.exit_code), 20));
        return undefined;
      }
      rt.faults.set(fault);
      return undefined;
    }
    return sendJson(res, 405, { error: 'method not allowed' });
  }
  return sendJson(res, 404, { error: `unknown sim control path ${url.pathname}` });
}
