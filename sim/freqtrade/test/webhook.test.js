import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pyFormat } from '../src/rpc/py-format.js';
import { startFakeBinance } from './helpers/fake-binance.js';
import { connectWs, launch, sleep, waitFor } from './helpers/harness.js';

let ex;
let receiver;
const received = [];

beforeAll(async () => {
  ex = await startFakeBinance();
  let failures = 1;
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      // The first delivery fails once, to exercise `retries`.
      if (failures > 0) {
        failures -= 1;
        res.writeHead(500).end();
        return;
      }
      received.push({ path: req.url, type: req.headers['content-type'], body });
      res.writeHead(200).end();
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  await ex?.close();
  await new Promise((r) => receiver.close(r));
});

describe('webhook (contract §8)', () => {
  it('posts rendered templates as JSON strings, explicit keys only, with retries', async () => {
    const url = `http://127.0.0.1:${receiver.address().port}/hooks/bot-01`;
    const bot = await launch(ex.url, {
      webhook: {
        enabled: true,
        url,
        format: 'json',
        retries: 2,
        retry_delay: 0.05,
        entry_fill: {
          event: 'entry_fill',
          trade_id: '{trade_id}',
          pair: '{pair}',
          open_rate: '{open_rate:.1f}',
          open_date: '{open_date:%Y-%m-%d}',
        },
        status: { event: 'status', status: '{status}' },
      },
    });
    const t = (await bot.api.post('/forceenter', { pair: 'ETH/USDT' })).body;
    const fill = await waitFor(() =>
      received.map((r) => JSON.parse(r.body)).find((b) => b.event === 'entry_fill'),
    );
    expect(fill).toEqual({
      event: 'entry_fill',
      trade_id: String(t.trade_id),
      pair: 'ETH/USDT',
      open_rate: '3000.0',
      open_date: new Date().toISOString().slice(0, 10),
    });
    expect(received[0].type).toBe('application/json');
    expect(received[0].path).toBe('/hooks/bot-01');
    const statuses = received.map((r) => JSON.parse(r.body)).filter((b) => b.event === 'status');
    expect(statuses[0]).toEqual({ event: 'status', status: 'running' });
    // "status" does not cover startup/warning: only explicit keys or legacy names are used.
    expect(received.every((r) => ['status', 'entry_fill'].includes(JSON.parse(r.body).event))).toBe(
      true,
    );
    await bot.close();
    expect(received.map((r) => JSON.parse(r.body))).toContainEqual({
      event: 'status',
      status: 'process died',
    });
  });

  it('§3.2 "config reloaded" comes from the rebuilt bot: its webhook URL, its WS hub; no "running" after it', async () => {
    const base = `http://127.0.0.1:${receiver.address().port}/hooks`;
    const statusOf = (where) =>
      received.filter((r) => r.path === `/hooks/${where}`).map((r) => JSON.parse(r.body).status);
    const bot = await launch(ex.url, {
      webhook: {
        enabled: true,
        url: `${base}/before`,
        format: 'json',
        status: { status: '{status}' },
      },
    });
    try {
      await waitFor(() => statusOf('before').includes('running'));
      const cfg = JSON.parse(fs.readFileSync(bot.configPath, 'utf8'));
      cfg.webhook.url = `${base}/after`;
      fs.writeFileSync(bot.configPath, JSON.stringify(cfg));
      // A slow market load keeps the rebuilt bot in its init with the API already up, so a
      // client that reconnects at once is there when the message goes out.
      ex.state.delays.set('/api/v3/exchangeInfo', 1500);
      const before = await connectWs(bot.baseUrl, 'sim-ws-token');
      await bot.api.post('/reload_config');
      await before.closed;
      const ws = await waitFor(() => connectWs(bot.baseUrl, 'sim-ws-token').catch(() => null), {
        interval: 20,
      });
      ws.send({ type: 'subscribe', data: ['status'] });
      expect(await ws.next((m) => m.type === 'status')).toEqual({
        type: 'status',
        status: 'config reloaded',
      });
      ex.state.delays.clear();
      await waitFor(() => statusOf('after').length > 0);
      // Worker._worker skips the state announcement when the previous state was RELOAD_CONFIG.
      await sleep(1500);
      expect(statusOf('after')).toEqual(['config reloaded']);
      expect(statusOf('before')).toEqual(['running', 'reload_config']);
      expect((await bot.api.get('/show_config')).body.state).toBe('running');
      expect(ws.messages.filter((m) => m.type === 'status')).toHaveLength(1);
      ws.ws.close();
    } finally {
      ex.state.delays.clear();
      await bot.close();
    }
    expect(statusOf('after')).toEqual(['config reloaded', 'process died']);
  });

  it('formats like Python str.format for the specs templates use', () => {
    const v = { r: 0.01234, n: 3, s: 'x', d: '2024-10-24T09:30:01.123456+00:00', z: null };
    expect(pyFormat('{r:.2%} {n} {s} {{lit}} {d:%Y-%m-%d %H:%M} {z}', v)).toBe(
      '1.23% 3 x {lit} 2024-10-24 09:30 None',
    );
    expect(() => pyFormat('{missing}', v)).toThrow("KeyError: 'missing'");
  });
});
