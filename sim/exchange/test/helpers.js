// Shared setup: a real simulator on loopback and real ccxt clients pointed at it (binance-spot.md §A.2, A.3, A.6).
import http from 'node:http';

import ccxt from 'ccxt';

import { startExchange } from '../src/index.js';

export const SPOT_ONLY = {
  defaultType: 'spot',
  fetchMarkets: { types: ['spot'] },
  fetchCurrencies: false,
  fetchMargins: false,
};

function apiUrls(base) {
  return {
    public: `${base}/api/v3`,
    private: `${base}/api/v3`,
    v1: `${base}/api/v1`,
    sapi: `${base}/sapi/v1`,
    sapiV2: `${base}/sapi/v2`,
    sapiV3: `${base}/sapi/v3`,
    sapiV4: `${base}/sapi/v4`,
    fapiPublic: `${base}/fapi/v1`,
    fapiPrivate: `${base}/fapi/v1`,
    dapiPublic: `${base}/dapi/v1`,
    dapiPrivate: `${base}/dapi/v1`,
  };
}

/** ccxt.binance against the sim; keys default to the sim's built-in key. */
export function restClient(sim, overrides = {}) {
  return new ccxt.binance({
    apiKey: 'sim-key',
    secret: 'sim-secret',
    enableRateLimit: false,
    urls: { api: apiUrls(sim.httpUrl) },
    options: { ...SPOT_ONLY },
    ...overrides,
  });
}

/** ccxt.pro.binance with ws:// made usable by a plain http agent (binance-spot.md §A.6). */
export function wsClient(sim, wsPath = '/stream/ws') {
  return new ccxt.pro.binance({
    apiKey: 'sim-key',
    secret: 'sim-secret',
    enableRateLimit: false,
    httpAgent: new http.Agent(),
    urls: { api: { ...apiUrls(sim.httpUrl), ws: { spot: `${sim.wsUrl}${wsPath}` } } },
    options: { ...SPOT_ONLY },
  });
}

export async function startSim(options = {}) {
  return startExchange({ seed: 7, ...options });
}

export async function getJson(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

/** Weight resets at each calendar minute; call before a test whose weight figures must stay in one minute. */
export async function clearOfMinuteBoundary() {
  const left = 60000 - (Date.now() % 60000);
  if (left < 3000) await new Promise((r) => setTimeout(r, left + 50));
}

/** Records every frame a ccxt.pro client sends (`[{url, message}]`), by wrapping its clients' send. */
export function recordFrames(pro) {
  const frames = [];
  const original = pro.client.bind(pro);
  pro.client = (url) => {
    const client = original(url);
    if (!client.recorded) {
      const send = client.send.bind(client);
      client.send = (message) => {
        frames.push({ url, message });
        return send(message);
      };
      client.recorded = true;
    }
    return client;
  };
  return frames;
}
