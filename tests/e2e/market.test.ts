// The Market pages in Debian's Chromium against the offline demo's real process tree: the
// watchlist fills from sim/exchange's streams, a price set at the exchange reaches the open table
// without a reload, and a pair's page draws its chart and a rules-based summary (no model is set).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { signedInPanel } from '../helpers/panel.js';
import type { ProcessTree } from '../helpers/process-tree.js';
import { repoRoot } from '../helpers/repo.js';

const PASSWORD = 'Harbour-Lantern-42';
const WAIT = { timeout: 30_000 };
const shots = join(repoRoot, 'test-results', 'screenshots');

let tree: ProcessTree;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ({ tree, browser, page } = await signedInPanel(PASSWORD));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (tree) expect(await tree.stop()).toBe(0);
});

describe('the Market pages of the offline demo', () => {
  it('when the exchange moves a watched pair, then the open table shows the new price without a reload', async () => {
    await page.getByRole('link', { name: 'Market', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Market' }).waitFor(WAIT);
    const row = page.getByRole('row', { name: /ETH\/USDT/ });
    await row
      .getByText(/^\d{1,3}(,\d{3})*\.\d+$/)
      .first()
      .waitFor(WAIT);

    const set = await fetch(`${tree.exchangeUrl}/__sim/prices/ETHUSDT`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ price: '4321.09' }),
    });
    expect(set.status).toBe(200);

    await row.getByText('4,321.09').first().waitFor(WAIT);
    expect(await row.getByText('Watchlist').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'market.png'), fullPage: true });
  });

  it('when a pair is opened, then its chart, indicators and a labelled rules-based summary show', async () => {
    await page.getByRole('link', { name: 'BTC/USDT' }).first().click();
    await page.getByRole('heading', { level: 1, name: /BTC\/USDT/ }).waitFor(WAIT);
    await page.locator('canvas').first().waitFor(WAIT);
    await page.getByText('RSI (14)').first().waitFor(WAIT);

    await page.getByRole('button', { name: 'Summarise this market' }).click();
    await page.getByText('Rules-based summary — no AI model configured').waitFor(WAIT);
    expect(await page.getByText(/RSI\(14\)/).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'market-pair.png'), fullPage: true });
  });
});
