import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSim, wsClient } from './helpers.js';

function openSocket(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const messages = [];
    ws.on('message', (raw) => messages.push(JSON.parse(String(raw))));
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('error', reject);
  });
}

async function waitFor(messages, predicate, timeoutMs = 5000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const found = messages.find(predicate);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(
    `no matching message in ${timeoutMs} ms; got ${JSON.stringify(messages).slice(0, 500)}`,
  );
}

describe('WebSocket streams', () => {
  let sim;
  let pro;

  beforeAll(async () => {
    sim = await startSim();
    pro = wsClient(sim);
    await pro.loadMarkets();
  });
  afterAll(async () => {
    await pro.close();
    await sim.close();
  });

  it('when ccxt.pro watches a ticker, then miniTicker by default and the full ticker with bid/ask on request', async () => {
    const mini = await pro.watchTicker('BTC/USDT');
    const full = await pro.watchTicker('ETH/USDT', { name: 'ticker' });

    expect(mini.symbol).toBe('BTC/USDT');
    expect(mini.last).toBeGreaterThan(0);
    expect(full.symbol).toBe('ETH/USDT');
    expect(full.ask).toBeGreaterThan(full.bid);
  });

  it('when ccxt.pro watches OHLCV, then the open 1m candle arrives and matches REST', async () => {
    const rows = await pro.watchOHLCV('BTC/USDT', '1m');
    const rest = await pro.fetchOHLCV('BTC/USDT', '1m', undefined, 1);

    const last = rows.at(-1);
    expect(last[0]).toBe(Math.floor(Date.now() / 60000) * 60000);
    expect(last[0]).toBe(rest[0][0]);
    expect(last[1]).toBe(rest[0][1]);
  });

  it('when ccxt.pro watches trades and the order book, then both arrive', async () => {
    const trades = await pro.watchTrades('SOL/USDT');
    const book = await pro.watchOrderBook('SOL/USDT');

    expect(trades.length).toBeGreaterThan(0);
    expect(trades[0].price).toBeGreaterThan(0);
    expect(book.bids[0][0]).toBeLessThan(book.asks[0][0]);
    expect(sim.control.requestLog({ path: '/api/v3/depth' }).at(-1).query).toBe(
      'symbol=SOLUSDT&limit=1000',
    );
  });

  it('when a raw client subscribes, lists and unsubscribes, then answers carry its ids and events stop', async () => {
    const { ws, messages } = await openSocket(`${sim.wsUrl}/ws`);

    ws.send(
      JSON.stringify({
        method: 'SUBSCRIBE',
        params: ['ethusdt@kline_1m', 'ethusdt@bookTicker'],
        id: 1,
      }),
    );
    await waitFor(messages, (m) => m.id === 1);
    const kline = await waitFor(messages, (m) => m.e === 'kline');
    const book = await waitFor(messages, (m) => m.u !== undefined && m.s === 'ETHUSDT');
    ws.send(JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 2 }));
    const listed = await waitFor(messages, (m) => m.id === 2);
    ws.send(
      JSON.stringify({
        method: 'UNSUBSCRIBE',
        params: ['ethusdt@kline_1m', 'ethusdt@bookTicker'],
        id: 3,
      }),
    );
    await waitFor(messages, (m) => m.id === 3);
    await new Promise((r) => setTimeout(r, 400));
    const count = messages.length;
    await new Promise((r) => setTimeout(r, 700));

    expect(messages.find((m) => m.id === 1)).toEqual({ result: null, id: 1 });
    expect(kline.k).toMatchObject({ s: 'ETHUSDT', i: '1m', x: false });
    expect(Object.keys(kline.k).sort()).toEqual(
      ['B', 'L', 'Q', 'T', 'V', 'c', 'f', 'h', 'i', 'l', 'n', 'o', 'q', 's', 't', 'v', 'x'].sort(),
    );
    expect(Number(book.a)).toBeGreaterThan(Number(book.b));
    expect(listed.result.sort()).toEqual(['ethusdt@bookTicker', 'ethusdt@kline_1m']);
    expect(messages.length).toBe(count);
    ws.close();
  });

  it('when a combined stream is opened with streams=, then events come wrapped as {stream, data}', async () => {
    const { ws, messages } = await openSocket(
      `${sim.wsUrl}/stream?streams=btcusdt@miniTicker/btcusdt@depth@100ms/btcusdt@trade`,
    );

    const mini = await waitFor(messages, (m) => m.stream === 'btcusdt@miniTicker');
    const depth = await waitFor(messages, (m) => m.stream === 'btcusdt@depth@100ms');
    const trade = await waitFor(messages, (m) => m.stream === 'btcusdt@trade', 3000);

    expect(mini.data).toMatchObject({ e: '24hrMiniTicker', s: 'BTCUSDT' });
    expect(depth.data).toMatchObject({ e: 'depthUpdate', s: 'BTCUSDT' });
    expect(depth.data.u).toBeGreaterThanOrEqual(depth.data.U);
    expect(trade.data).toMatchObject({ e: 'trade', s: 'BTCUSDT' });
    ws.close();
  });

  it('when a 1s kline closes, then a final x:true event carries the same candle as REST', async () => {
    const { ws, messages } = await openSocket(`${sim.wsUrl}/ws/bnbusdt@kline_1s`);

    const closed = await waitFor(messages, (m) => m.e === 'kline' && m.k.x === true, 4000);
    const [rest] = await fetch(
      `${sim.httpUrl}/api/v3/klines?symbol=BNBUSDT&interval=1s&startTime=${closed.k.t}&limit=1`,
    ).then((r) => r.json());

    expect(closed.k.T).toBe(closed.k.t + 999);
    expect([closed.k.o, closed.k.h, closed.k.l, closed.k.c, closed.k.v]).toEqual(rest.slice(1, 6));
    ws.close();
  });

  it('when ccxt.pro points at /ws instead of /stream/ws, then watching still works', async () => {
    const plain = wsClient(sim, '/ws');
    await plain.loadMarkets();

    const ticker = await plain.watchTicker('XRP/USDT');

    expect(ticker.symbol).toBe('XRP/USDT');
    expect(ticker.last).toBeGreaterThan(0);
    await plain.close();
  });

  it('when the combined property is switched on a raw socket, then events become wrapped', async () => {
    const { ws, messages } = await openSocket(`${sim.wsUrl}/ws/ltcusdt@miniTicker`);
    await waitFor(messages, (m) => m.e === '24hrMiniTicker');

    ws.send(JSON.stringify({ method: 'SET_PROPERTY', params: ['combined', true], id: 'p1' }));
    ws.send(JSON.stringify({ method: 'GET_PROPERTY', params: ['combined'], id: 'p2' }));
    const got = await waitFor(messages, (m) => m.id === 'p2');
    const wrapped = await waitFor(messages, (m) => m.stream === 'ltcusdt@miniTicker', 3000);

    expect(got.result).toBe(true);
    expect(wrapped.data.s).toBe('LTCUSDT');
    ws.close();
  });

  it('when a frame is not valid, then an error answer names the problem and the socket stays open', async () => {
    const { ws, messages } = await openSocket(`${sim.wsUrl}/ws`);

    ws.send('not json');
    ws.send(JSON.stringify({ method: 'SUBSCRIBE', params: ['nopeusdt@trade'], id: 7 }));
    ws.send(JSON.stringify({ method: 'DANCE', id: 8 }));
    const badJson = await waitFor(messages, (m) => m.error?.code === 3);
    const badStream = await waitFor(messages, (m) => m.id === 7);
    const badMethod = await waitFor(messages, (m) => m.id === 8);

    expect(badJson.error.msg).toMatch(/Invalid JSON/);
    expect(badStream.error.code).toBe(2);
    expect(badMethod.error.msg).toMatch(/DANCE/);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });
});
