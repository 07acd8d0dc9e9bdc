// HTTP face of the control surface under /__sim/ (plus the prototype's /__price, /__log, /__reset).
import { ControlError } from './control.js';

const CONTROL_PATHS = ['/__price', '/__log', '/__reset'];

export const isControlPath = (path) => path.startsWith('/__sim/') || CONTROL_PATHS.includes(path);

function send(res, status, body) {
  if (status === 204) {
    res.writeHead(204);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function parseJson(raw) {
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new ControlError(400, 'body: invalid JSON');
  }
}

function positiveInt(value, field) {
  if (value === null) return undefined;
  if (!/^[0-9]{1,9}$/.test(value) || Number(value) < 1)
    throw new ControlError(400, `${field}: expected a positive integer`);
  return Number(value);
}

/** @returns {[number, any]} status and body */
function route(control, method, path, url, body) {
  let parts;
  try {
    parts = path.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
  } catch {
    throw new ControlError(400, 'path: malformed percent-encoding');
  }
  const [resource, id, sub] = parts;
  const key = `${method} ${resource ?? ''}${id !== undefined ? '/:id' : ''}${sub !== undefined ? `/${sub}` : ''}`;
  switch (
    path === '/__price'
      ? 'alias price'
      : path === '/__log'
        ? 'alias log'
        : path === '/__reset'
          ? 'alias reset'
          : key
  ) {
    case 'alias price':
      return [
        200,
        control.setPrice(url.searchParams.get('symbol'), url.searchParams.get('price') ?? ''),
      ];
    case 'alias log':
      return [200, control.requestLog()];
    case 'alias reset':
    case 'POST reset':
      control.reset();
      return [200, { ok: true }];
    case 'POST keys':
      return [201, control.createKey(parseJson(body))];
    case 'GET keys/:id':
      return [200, control.getAccount(id)];
    case 'PUT keys/:id/balances':
      return [200, control.setBalances(id, parseJson(body))];
    case 'PUT keys/:id/rights':
      return [200, control.setKeyRights(id, parseJson(body))];
    case 'DELETE keys/:id':
      control.deleteKey(id);
      return [204, null];
    case 'GET prices/:id':
      return [200, control.priceView(id)];
    case 'POST prices/:id': {
      const input = parseJson(body);
      if (input && typeof input === 'object' && 'points' in input)
        return [200, control.scriptPrice(id, input.points)];
      return [200, control.setPrice(id, input?.price)];
    }
    case 'PUT markets/:id/status':
      return [200, control.setMarketStatus(id, parseJson(body)?.status)];
    case 'DELETE prices/:id':
      return [200, control.releasePrice(id)];
    case 'POST faults':
      return [201, control.addFault(parseJson(body))];
    case 'GET faults':
      return [200, control.listFaults()];
    case 'DELETE faults':
      control.clearFaults();
      return [204, null];
    case 'DELETE faults/:id':
      if (!control.removeFault(Number(id))) throw new ControlError(404, 'id: no such fault');
      return [204, null];
    case 'GET requests':
      return [
        200,
        control.requestLog({
          path: url.searchParams.get('path') ?? undefined,
          limit: positiveInt(url.searchParams.get('limit'), 'limit'),
        }),
      ];
    case 'DELETE requests':
      control.clearRequestLog();
      return [204, null];
    case 'PUT clock':
      return [200, control.setClockOffset(parseJson(body)?.offsetMs)];
    default:
      throw new ControlError(404, `no control route ${method} ${path}`);
  }
}

/** @param {ReturnType<typeof import('./control.js').createControl>} control */
export function createControlHandler(control) {
  return function handleControl(req, res, url, body) {
    try {
      const [status, payload] = route(control, req.method ?? 'GET', url.pathname, url, body);
      send(res, status, payload);
    } catch (e) {
      if (e instanceof ControlError) send(res, e.status, { error: e.message });
      else send(res, 500, { error: 'internal error' });
    }
  };
}
