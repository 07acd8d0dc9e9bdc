// The live monitor in Debian's Chromium against the offline demo's real process tree: a fill
// made inside a sim/freqtrade bot reaches the open dashboard without a reload — a toast, the
// open positions table and the tab title.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { signedInPanel } from '../helpers/panel.js';
import type { ProcessTree } from '../helpers/process-tree.js';

const PASSWORD = 'Harbour-Lantern-42';
const WAIT = { timeout: 15_000 };
// The issue's bound for a fill to show; the real latency is bench/monitor.bench.mjs's figure.
const FILL_SHOWN = { timeout: 10_000 };

let tree: ProcessTree;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ tree, browser, page } = await signedInPanel(PASSWORD));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (tree) expect(await tree.stop()).toBe(0);
});

/** The panel's own API with the browser's session, as the panel calls it (CSRF + Origin). */
async function panelApi(request: APIRequestContext) {
  const session = (await (await request.get(`${tree.baseUrl}/api/session`)).json()) as {
    csrfToken: string;
  };
  const headers = { 'x-csrf-token': session.csrfToken, origin: tree.baseUrl };
  return {
    post: async (path: string, data: unknown) => {
      const reply = await request.post(`${tree.baseUrl}${path}`, { data, headers });
      expect(reply.status(), await reply.text()).toBeLessThan(300);
      return (await reply.json()) as Record<string, unknown>;
    },
    get: async (path: string) =>
      (await (await request.get(`${tree.baseUrl}${path}`)).json()) as Record<string, unknown>,
  };
}

async function eventually(check: () => Promise<boolean>, what: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A forced market entry made inside the bot itself, through its own loopback API. */
async function fillInsideTheBot(botId: number): Promise<void> {
  const config = JSON.parse(
    readFileSync(join(tree.dataDir, 'bots', String(botId), 'config.json'), 'utf8'),
  ) as { api_server: { listen_port: number; username: string; password: string } };
  const { listen_port: port, username, password } = config.api_server;
  const reply = await fetch(`http://127.0.0.1:${port}/api/v1/forceenter`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ pair: 'BTC/USDT', ordertype: 'market' }),
  });
  expect(reply.status, await reply.text()).toBe(200);
}

describe('the dashboard of the offline demo', () => {
  it('when a bot fills an order, then the open dashboard shows it without a reload', async () => {
    const api = await panelApi(page.context().request);
    const bot = await api.post('/api/bots', {
      name: 'Night watch',
      strategy: 'NeverEnterStrategy',
      timeframe: '1m',
      pairs: ['BTC/USDT'],
      stakeAmount: 20,
      maxOpenTrades: 1,
      maxExposure: 20,
    });
    const id = bot.id as number;
    await api.post(`/api/bots/${id}/start`, {});
    // Running, and its message stream up: from then on events reach the panel as they happen.
    await eventually(async () => {
      const summary = (await api.get('/api/dashboard/summary')) as {
        bots: Array<{ id: number; state: string; streaming: boolean }>;
      };
      const row = summary.bots.find((b) => b.id === id);
      return row?.state === 'RUNNING' && row.streaming;
    }, 'the bot to run with its message stream up');

    await page.goto(tree.baseUrl);
    await page.getByRole('link', { name: 'Night watch' }).first().waitFor(WAIT);
    await expect.poll(() => page.title()).not.toMatch(/^\(\d+\)/);
    // A reload would lose this.
    await page.evaluate(() => {
      (window as unknown as { stillThere: boolean }).stillThere = true;
    });

    await fillInsideTheBot(id);

    await page
      .getByText(/Night watch .*bought BTC\/USDT/)
      .first()
      .waitFor(FILL_SHOWN);
    const positions = page.getByRole('table').filter({ hasText: 'Target' });
    await positions.getByRole('cell', { name: 'BTC/USDT' }).first().waitFor(FILL_SHOWN);
    await expect.poll(() => page.title(), FILL_SHOWN).toMatch(/^\(1\)/);
    expect(
      await page.evaluate(() => (window as unknown as { stillThere?: boolean }).stillThere),
    ).toBe(true);
  }, 180_000);
});
