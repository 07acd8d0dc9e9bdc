// The trade mirror against real sim/freqtrade bots under a real supervisord: trades made while
// the orchestrator is down are back-filled, a restart in the middle of a stream of fills leaves
// exactly the bot's trades, a bot whose API is away catches up when it returns, a bot that
// answers garbage is marked degraded with the mirror left as it was, and a trade that closes
// after a newer one (so it lands before the paging cursor) is not lost. Faults come from
// sim/freqtrade's own switch (`/__sim/faults`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { paperBot, startBotEnv, type BotEnv } from '../helpers/bot-env.js';

let env: BotEnv;
/** One bot per case, all started at once (a start takes seconds on a busy machine). */
let bots: Record<'backfill' | 'restart' | 'away' | 'garbage' | 'order', number>;
beforeAll(async () => {
  // A short background sync, so a bot that comes back is caught up within a second or two.
  env = await startBotEnv({ monitorPollMs: 1500 });
  bots = {
    backfill: await createdBot(),
    restart: await createdBot({ pairs: ['BTC/USDT', 'ETH/USDT'], maxOpenTrades: 2 }),
    away: await createdBot(),
    garbage: await createdBot(),
    order: await createdBot(),
  };
  await Promise.all(Object.values(bots).map(startAndStream));
}, 90_000);
afterAll(async () => env?.cleanup(), 60_000);

interface MirrorTrade {
  tradeId: number;
  isOpen: boolean;
  pair: string;
  closeRate: number | null;
  orders: Array<{ side: string }>;
}

interface BotTrades {
  open: number[];
  closed: number[];
}

async function createdBot(over: Record<string, unknown> = {}): Promise<number> {
  const created = await env.admin.post(
    '/api/bots',
    paperBot({
      pairs: ['BTC/USDT', 'ETH/USDT', 'SOL/USDT'],
      maxOpenTrades: 3,
      maxExposure: 60,
      ...over,
    }),
  );
  expect(created.status, created.text).toBe(201);
  return created.body.id as number;
}

/** Starts the bot and waits until the monitor follows its message stream. */
async function startAndStream(id: number): Promise<void> {
  const started = await env.admin.post(`/api/bots/${id}/start`, {});
  expect(started.status, started.text).toBe(200);
  await env.waitForBot(id, (b) => b.state === 'RUNNING');
  await until(
    async () => summaryRow(id),
    (row) => row?.streaming === true,
    30_000,
  );
}

async function summaryRow(
  id: number,
): Promise<{ streaming: boolean; degraded: string | null } | undefined> {
  const summary = (await env.admin.get('/api/dashboard/summary')).body;
  return (summary.bots as Array<{ id: number; streaming: boolean; degraded: string | null }>).find(
    (b) => b.id === id,
  );
}

/** A market entry through the bot's own API (fills at once in dry-run): its trade id. */
async function enter(id: number, pair: string): Promise<number> {
  const reply = await env.botApi(id, '/forceenter', {
    method: 'POST',
    body: JSON.stringify({ pair, ordertype: 'market' }),
  });
  const text = await reply.text();
  expect(reply.status, text).toBe(200);
  return (JSON.parse(text) as { trade_id: number }).trade_id;
}

async function exit(id: number, tradeId: number): Promise<void> {
  const reply = await env.botApi(id, '/forceexit', {
    method: 'POST',
    body: JSON.stringify({ tradeid: tradeId, ordertype: 'market' }),
  });
  expect(reply.status, await reply.text()).toBe(200);
}

/** sim/freqtrade's fault switch (`/__sim/faults`, outside /api/v1); null clears it. */
async function simFault(id: number, fault: Record<string, unknown> | null): Promise<void> {
  const config = JSON.parse(
    readFileSync(path.join(env.dataDir, 'bots', String(id), 'config.json'), 'utf8'),
  ) as { api_server: { listen_port: number } };
  const url = `http://127.0.0.1:${config.api_server.listen_port}/__sim/faults`;
  const reply = await fetch(url, {
    method: fault ? 'POST' : 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: fault ? JSON.stringify(fault) : undefined,
  });
  expect(reply.status, await reply.text()).toBe(200);
}

async function activeFault(id: number): Promise<unknown> {
  const config = JSON.parse(
    readFileSync(path.join(env.dataDir, 'bots', String(id), 'config.json'), 'utf8'),
  ) as { api_server: { listen_port: number } };
  const reply = await fetch(`http://127.0.0.1:${config.api_server.listen_port}/__sim/faults`);
  return ((await reply.json()) as { fault: unknown }).fault;
}

/** The bot's own view: open trades from /status, closed ones paged from /trades. */
async function botTrades(id: number): Promise<BotTrades> {
  const status = (await (await env.botApi(id, '/status')).json()) as Array<{ trade_id: number }>;
  const closed: number[] = [];
  for (let offset = 0; ;) {
    const page = (await (await env.botApi(id, `/trades?limit=100&offset=${offset}`)).json()) as {
      trades: Array<{ trade_id: number; is_open: boolean }>;
      trades_count: number;
      total_trades: number;
    };
    closed.push(...page.trades.map((t) => t.trade_id));
    offset += page.trades_count;
    if (page.trades_count === 0 || offset >= page.total_trades) break;
  }
  return { open: status.map((t) => t.trade_id).sort(byNumber), closed: closed.sort(byNumber) };
}

async function mirrored(id: number): Promise<MirrorTrade[]> {
  const reply = await env.admin.get(`/api/bots/${id}/trades?limit=500`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body.trades as MirrorTrade[];
}

/** The mirror in the bot's terms: every id once, split by open / closed. */
function asBotTrades(trades: MirrorTrade[]): BotTrades {
  return {
    open: trades
      .filter((t) => t.isOpen)
      .map((t) => t.tradeId)
      .sort(byNumber),
    closed: trades
      .filter((t) => !t.isOpen)
      .map((t) => t.tradeId)
      .sort(byNumber),
  };
}

const byNumber = (a: number, b: number) => a - b;

async function until<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  ms = 20_000,
  everyMs = 200,
) {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await sleep(everyMs);
    value = await read();
  }
  expect(check(value), JSON.stringify(value).slice(0, 2000)).toBe(true);
  return value;
}

/** Waits until the mirror says what the bot says, then checks it has no duplicate row. */
async function mirrorMatchesBot(id: number, ms = 20_000): Promise<BotTrades> {
  const expected = await botTrades(id);
  const trades = await until(
    () => mirrored(id),
    (rows) => JSON.stringify(asBotTrades(rows)) === JSON.stringify(expected),
    ms,
  );
  const ids = trades.map((t) => t.tradeId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toHaveLength(expected.open.length + expected.closed.length);
  return expected;
}

describe('trades made while the orchestrator is down', () => {
  it('are back-filled after it starts again: each once, open or closed as on the bot', async () => {
    const id = bots.backfill;
    // Seen live: one trade opened and closed, one left open.
    const t1 = await enter(id, 'BTC/USDT');
    await exit(id, t1);
    const t2 = await enter(id, 'ETH/USDT');
    await until(
      () => mirrored(id),
      (rows) => JSON.stringify(asBotTrades(rows)) === JSON.stringify({ open: [t2], closed: [t1] }),
    );

    await env.app.close();
    // Unseen: the open trade closes, three new ones open, one of them closes again.
    await exit(id, t2);
    const t3 = await enter(id, 'BTC/USDT');
    const t4 = await enter(id, 'SOL/USDT');
    await exit(id, t3);
    const t5 = await enter(id, 'BTC/USDT');
    expect(await botTrades(id)).toEqual({ open: [t4, t5], closed: [t1, t2, t3] });

    await env.restartApp();
    const expected = await mirrorMatchesBot(id);
    expect(expected).toEqual({ open: [t4, t5], closed: [t1, t2, t3] });

    const rows = await mirrored(id);
    const closedT2 = rows.find((t) => t.tradeId === t2)!;
    expect(closedT2.closeRate).toBeGreaterThan(0);
    expect(closedT2.orders.map((o) => o.side).sort()).toEqual(['buy', 'sell']);
    expect(rows.find((t) => t.tradeId === t4)).toMatchObject({ pair: 'SOL/USDT', isOpen: true });
    expect((await env.admin.get(`/api/bots/${id}/trades?status=open`)).body.trades).toHaveLength(2);
    expect((await env.admin.get(`/api/bots/${id}/trades?status=closed`)).body.trades).toHaveLength(
      3,
    );
  }, 60_000);
});

describe('a restart of the orchestrator in the middle of a stream of fills', () => {
  it('leaves exactly the bot’s trades in the mirror: no duplicate, no gap', async () => {
    const id = bots.restart;
    let running = true;
    let cycles = 0;
    // Two pairs entering and exiting over and over, one always a step behind the other.
    const stream = (async () => {
      let held: number | null = null;
      while (running) {
        const a = await enter(id, 'BTC/USDT');
        if (held !== null) await exit(id, held);
        held = await enter(id, 'ETH/USDT');
        await exit(id, a);
        cycles += 1;
        await sleep(50);
      }
      if (held !== null) await exit(id, held);
    })();
    try {
      await until(
        async () => cycles,
        (n) => n >= 3,
      );
      await env.app.close();
      const whileDown = cycles;
      await sleep(800);
      await env.restartApp();
      await sleep(1500);
      expect(cycles).toBeGreaterThan(whileDown);
    } finally {
      running = false;
      await stream;
    }
    // One more trade left open: the mirror has open and closed ones at the end.
    const last = await enter(id, 'BTC/USDT');
    const expected = await mirrorMatchesBot(id);
    expect(expected.open).toEqual([last]);
    expect(expected.closed.length).toBeGreaterThanOrEqual(cycles * 2);
    // Trade ids are a sequence: nothing the bot made is missing from what it reports either.
    const all = [...expected.closed, ...expected.open].sort(byNumber);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => all[0]! + i));
  }, 60_000);
});

describe('a bot whose API is away for a while', () => {
  it('is caught up when it answers again: the trades it made meanwhile are all mirrored', async () => {
    const id = bots.away;
    const before = await enter(id, 'BTC/USDT');
    await until(
      () => mirrored(id),
      (rows) => rows.some((t) => t.tradeId === before && t.isOpen),
    );

    // Every read the monitor makes gets its connection dropped; only forced orders get through.
    await simFault(id, { mode: 'silent', path: '^/api/v1/(?!force)' });
    await exit(id, before);
    const a = await enter(id, 'ETH/USDT');
    const b = await enter(id, 'SOL/USDT');
    await exit(id, a);
    const c = await enter(id, 'BTC/USDT');
    // The monitor really missed them: it is degraded and the mirror still has the old picture.
    await until(
      () => summaryRow(id),
      (row) => row?.degraded !== null && row?.degraded !== undefined,
    );
    await sleep(2000);
    expect(asBotTrades(await mirrored(id))).toEqual({ open: [before], closed: [] });

    await simFault(id, null);
    const expected = await mirrorMatchesBot(id);
    expect(expected).toEqual({ open: [b, c], closed: [before, a] });
    await until(
      () => summaryRow(id),
      (row) => row?.degraded === null,
    );
  }, 60_000);
});

describe('a bot that answers garbage', () => {
  it('is marked degraded and nothing of it is written until it answers properly again', async () => {
    const id = bots.garbage;
    const kept = await enter(id, 'BTC/USDT');
    await until(
      () => mirrored(id),
      (rows) => rows.some((t) => t.tradeId === kept && t.isOpen),
    );
    await until(
      () => summaryRow(id),
      (row) => row?.degraded === null,
    );

    // /status answers 200 with a truncated JSON body; every other endpoint answers properly.
    await simFault(id, { mode: 'garbage', path: '^/api/v1/status$' });
    await exit(id, kept);
    const added = await enter(id, 'ETH/USDT');

    const row = await until(
      () => summaryRow(id),
      (r) => typeof r?.degraded === 'string' && r.degraded.length > 0,
    );
    expect(row!.degraded).not.toBeNull();
    // Syncs go on failing (fills trigger them, the poll too): the mirror stays as it was.
    await sleep(3000);
    expect(asBotTrades(await mirrored(id))).toEqual({ open: [kept], closed: [] });
    expect((await summaryRow(id))!.degraded).not.toBeNull();

    await simFault(id, null);
    const expected = await mirrorMatchesBot(id);
    expect(expected).toEqual({ open: [added], closed: [kept] });
    await until(
      () => summaryRow(id),
      (r) => r?.degraded === null,
    );
  }, 60_000);
});

describe('a trade that closes after a newer one while the mirror never saw it open', () => {
  it('is mirrored all the same (closed trades are paged by offset in trade-id order)', async () => {
    const id = bots.order;
    const first = await enter(id, 'SOL/USDT');
    await exit(id, first);
    await mirrorMatchesBot(id);

    // The monitor's next /trades read answers late: with what the bot holds 3 s later.
    await simFault(id, { mode: 'latency', latency_ms: 3000, path: '^/api/v1/trades$', count: 1 });
    // Taken: a sync has read /status and now waits for /trades.
    await until(
      () => activeFault(id),
      (fault) => fault === null,
      10_000,
      50,
    );
    const taken = Date.now();
    // From now on /status answers late too, so the next sync cannot see the older trade open.
    await simFault(id, { mode: 'latency', latency_ms: 3000, path: '^/api/v1/status$' });
    const older = await enter(id, 'BTC/USDT');
    const newer = await enter(id, 'ETH/USDT');
    await exit(id, newer);
    expect(Date.now() - taken).toBeLessThan(2500);
    // The late /trades answer had the newer trade closed and the older one open; now it closes.
    await sleep(taken + 3300 - Date.now());
    await exit(id, older);
    await sleep(3500);
    await simFault(id, null);

    const expected = await mirrorMatchesBot(id);
    expect(expected).toEqual({ open: [], closed: [first, older, newer] });
  }, 60_000);
});
