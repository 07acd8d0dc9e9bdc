// @vitest-environment node
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import type { FakeApi } from '../testing/fake-api';
import { startFakeApi } from '../testing/fake-api';
import { addFakeTrade } from '../testing/fake-api-bot-page';
import { addFakeBot } from '../testing/fake-bots-state';

const CHROMIUM = '/usr/bin/chromium';
const frontendDir = join(import.meta.dirname, '..', '..');

let outDir: string;
let api: FakeApi;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  outDir = await mkdtemp(join(tmpdir(), 'spotdesk-panel-'));
  // vitest sets NODE_ENV=test, which would bundle React's development build.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      root: frontendDir,
      configFile: join(frontendDir, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
  api = await startFakeApi({ staticDir: outDir });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Collects what the browser refused or failed on, so a CSP violation fails the test. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    const isProblem = message.type() === 'error' || message.type() === 'warning';
    if (isProblem || /Content Security Policy/i.test(message.text())) {
      problems.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** Independent of the order tests run in: reuses the admin the setup test made, or makes one. */
function signInAdmin(): void {
  api.state.setupRequired = false;
  const admin =
    api.state.users.find((user) => user.role === 'admin') ??
    api.addUser({ username: 'admin', password: 'a long passphrase', role: 'admin' });
  api.signIn(admin);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('built panel in headless Chromium under the strict CSP', () => {
  test('when index.html loads, then its JS and CSS stay under 200 KB gzipped', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const assets = Array.from(
      html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g),
      (m) => m[1] ?? '',
    );
    expect(assets.length).toBeGreaterThanOrEqual(2);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    let gzipped = 0;
    for (const asset of assets) gzipped += gzipSync(await readFile(join(outDir, asset))).length;
    expect(gzipped).toBeLessThan(200 * 1024);
  });

  test('when a phone user sets up, switches to Português and logs out, then nothing breaks or scrolls sideways', async () => {
    api.state.setupRequired = true;
    api.state.instance.simulation = true;
    api.state.audit = Array.from({ length: 3 }, (_, index) => ({
      id: index + 1,
      at: new Date(Date.UTC(2026, 2, 1, 12, index)).toISOString(),
      actor: { id: 1, username: 'admin' },
      action: 'user-add',
      target: `user:${index + 2}`,
      before: { role: 'viewer', note: 'a value long enough to need its own room' },
      after: { role: 'admin', username: 'somebody-with-a-rather-long-name' },
      reason: null,
      ip: '127.0.0.1',
    }));
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'en-US' });
    const problems = watchProblems(page);

    await page.goto(`${api.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Set up Spotdesk' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByLabel('Setup token').fill(api.state.setupToken);
    await page.getByLabel('Password', { exact: true }).fill('a long passphrase');
    await page.getByLabel('Confirm password').fill('a long passphrase');
    await page.getByRole('button', { name: 'Create admin account' }).click();

    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByText('Live trading: disabled by environment').waitFor();
    expect(await page.getByText('OFFLINE DEMO — simulated market').isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const theme = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(theme).not.toBe('rgba(0, 0, 0, 0)');

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Português' });
    await page.getByRole('heading', { level: 1, name: 'Registro de auditoria' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt-BR');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.goto(`${api.url}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Configurações' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('button', { name: 'Sair' }).click();
    await page.getByRole('heading', { level: 1, name: 'Entrar no Spotdesk' }).waitFor();
    await page.getByLabel('Usuário').fill('admin');
    await page.getByLabel('Senha').fill('not the password');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Usuário ou senha incorretos.').waitFor();

    expect(problems.filter((p) => !/401|Failed to load resource/.test(p))).toEqual([]);
    await page.close();
  }, 60_000);

  test('when the keyboard is used, then the skip link comes first and the focus ring shows', async () => {
    signInAdmin();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

    await page.goto(`${api.url}/`);
    await page.getByRole('heading', { level: 1, name: /Dashboard|Painel/ }).waitFor();
    await page.keyboard.press('Tab');

    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused.text).toMatch(/Skip to content|Pular para o conteúdo/);
    expect(focused.outline).toBe('solid');
    await page.close();
  }, 60_000);
  test('when Dark is picked, then the page turns dark and stays dark after a reload; System follows the OS', async () => {
    signInAdmin();
    const page = await browser.newPage({
      viewport: { width: 1024, height: 768 },
      colorScheme: 'light',
    });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.goto(`${api.url}/settings`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const light = await background();

    await page.getByRole('radio', { name: /Dark|Escuro/ }).check();
    const dark = await background();
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();

    expect(dark).toBe('rgb(14, 18, 23)');
    expect(light).not.toBe(dark);
    expect(await background()).toBe(dark);

    await page.getByRole('radio', { name: /Same as the system|Igual ao sistema/ }).check();
    expect(await background()).toBe(light);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe(dark);
    await page.close();
  }, 60_000);

  test('when a phone user runs a Paper bot through its life, then every step shows live and nothing scrolls sideways', async () => {
    signInAdmin();
    api.state.bots.live = { environment: false, masterSwitch: false };
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'en-US' });
    const problems = watchProblems(page);
    const dialog = page.getByRole('dialog');

    await page.goto(`${api.url}/bots`);
    await page.getByRole('heading', { level: 1, name: 'Bots' }).waitFor();
    await page.getByRole('link', { name: 'Create bot' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create a bot' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Phone bot');
    await page.getByLabel('Strategy', { exact: true }).selectOption('EmaCrossStrategy');
    await page.getByLabel('Pair to add').fill('btc');
    await page.getByLabel('Pair to add').press('Enter');
    await page.getByText('Binance’s smallest order here is 5 USDT (on BTC/USDT).').waitFor();
    await page.getByLabel('Stake per trade (USDT)').fill('10');
    await page.getByLabel('Max open trades').fill('2');
    await page.getByLabel('Max exposure (USDT)').fill('20');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Create bot' }).click();

    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Phone bot' }) });
    await card.waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    for (const [action, state] of [
      ['Start', 'Running'],
      ['Pause', 'Paused'],
      ['Resume', 'Running'],
      ['Stop', 'Stopped'],
    ] as const) {
      await card.getByRole('button', { name: action, exact: true }).click();
      await dialog.getByRole('button', { name: action, exact: true }).click();
      await card.getByText(state, { exact: true }).waitFor();
    }
    const bot = api.state.bots.bots.find((b) => b.name === 'Phone bot');
    if (!bot) throw new Error('the bot was not created');
    await page.waitForFunction(() => true);
    api.changeBot(bot.id, (b) => {
      b.state = 'ERROR';
      b.errorReason = 'stalled';
    });
    await card.getByText('The bot’s trading loop has stopped running.').waitFor();
    api.changeBot(bot.id, (b) => {
      b.state = 'STOPPED';
      b.errorReason = null;
    });
    await card.getByText('Stopped', { exact: true }).waitFor();

    await card.getByRole('button', { name: 'Switch to Live' }).click();
    await dialog.getByLabel('Your current password').fill('a long passphrase');
    await dialog.getByLabel(/Type the bot’s name/).fill('Phone bot');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await dialog.getByRole('button', { name: 'Switch to Live' }).click();
    await dialog
      .getByText(
        /Set SPOTDESK_LIVE_TRADING=enabled in the environment \(\.env\) and restart Spotdesk/,
      )
      .first()
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await card.getByRole('button', { name: 'Show configuration' }).click();
    await card.getByText('Version 1').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await card.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('Phone bot was deleted.').waitFor();
    expect(api.state.bots.bots.some((b) => b.name === 'Phone bot')).toBe(false);

    await page.goto(`${api.url}/settings`);
    await page
      .getByRole('region', { name: 'Live trading' })
      .getByText('The Live switch is off.')
      .waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // The Live refusal is an expected 403; Chromium logs every non-2xx answer.
    expect(problems.filter((p) => !/status of 403/.test(p))).toEqual([]);
    await page.close();
  }, 90_000);
  test('when a phone user watches a bot with an open trade, then the dashboard and the bot page draw their charts under the CSP and nothing scrolls sideways', async () => {
    signInAdmin();
    const now = api.state.bots.now;
    const bot = addFakeBot(api.state.bots, {
      name: 'Chart rider',
      strategy: 'EmaCrossStrategy',
      timeframe: '5m',
      pairs: ['BTC/USDT', 'ETH/USDT'],
      desiredState: 'RUNNING',
      state: 'RUNNING',
      minimalRoi: { '0': 0.04 },
    });
    addFakeTrade(api.state.botPage, bot, {
      pair: 'BTC/USDT',
      openedAt: now - 60 * 60_000,
      openRate: 67_000,
      stopLoss: 60_300,
      currentRate: 67_500,
    });
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'en-US' });
    const problems = watchProblems(page);

    await page.goto(`${api.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('cell', { name: 'BTC/USDT' }).first().waitFor();
    await expect.poll(() => page.title()).toMatch(/^\(1\)/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('link', { name: 'Chart rider' }).first().click();
    await page.getByRole('heading', { level: 1, name: /Chart rider/ }).waitFor();
    // lightweight-charts draws on canvases inside the chart's box.
    await page.locator('.candle-chart-canvas canvas').first().waitFor();
    await page.getByText('Levels of the open trades').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
  test('when a phone user opens the Market page and a pair, then the table, the chart with its panes and a summary show under the CSP and nothing scrolls sideways', async () => {
    signInAdmin();
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'en-US' });
    const problems = watchProblems(page);

    await page.goto(`${api.url}/market`);
    await page.getByRole('heading', { level: 1, name: 'Market' }).waitFor();
    await page
      .getByRole('img', { name: /^Last 48 closes/ })
      .first()
      .waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('link', { name: 'BTC/USDT' }).click();
    await page.getByRole('heading', { level: 1, name: 'BTC/USDT' }).waitFor();
    // One lightweight-charts chart: candles, then the RSI and MACD panes, each on canvases.
    await page.locator('.market-chart-canvas canvas').first().waitFor();
    await page.getByRole('button', { name: 'Summarise this market' }).click();
    await page.getByText('Rules-based summary — no AI model configured').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.goto(`${api.url}/market/DOGE-USDT`);
    await page.getByText('Binance Spot lists no such pair.', { exact: false }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // The unknown pair is an expected 404; Chromium logs every non-2xx answer.
    expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
    await page.close();
  }, 60_000);
});
