// Stopping a bot that holds trades, choosing "close them first": no new entry is opened while it
// closes, every trade is closed at market, then the process stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { paperBot, startBotEnv, type BotEnv } from '../helpers/bot-env.js';

let env: BotEnv;
beforeAll(async () => {
  env = await startBotEnv();
}, 60_000);
afterAll(async () => env?.cleanup(), 60_000);

describe('POST /api/bots/:id/stop with openTrades "close"', () => {
  it('when the bot holds a trade, then it is closed first and the bot ends STOPPED with none open', async () => {
    const created = await env.admin.post('/api/bots', paperBot());
    const id = created.body.id as number;
    expect((await env.admin.post(`/api/bots/${id}/start`, {})).status).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'RUNNING');
    // A market entry fills at once in dry-run: the bot holds one filled trade.
    const entered = await env.botApi(id, '/forceenter', {
      method: 'POST',
      body: JSON.stringify({ pair: 'BTC/USDT', ordertype: 'market' }),
    });
    expect(entered.status).toBe(200);
    await env.waitForBot(id, (b) => b.openTrades === 1);

    const reply = await env.admin.post(`/api/bots/${id}/stop`, { openTrades: 'close' });

    expect(reply.status, reply.text).toBe(200);
    await env.waitForBot(id, (b) => b.state === 'STOPPED');
    expect(env.storedTrades(id)).toEqual({ open: 0, closed: 1 });
    const audit = (await env.admin.get('/api/audit?action=bot-stop')).body.items;
    expect(audit[0]).toMatchObject({ target: `bot:${id}`, after: { openTrades: 'close' } });
  }, 90_000);
});
