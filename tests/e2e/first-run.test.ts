// End to end, as a new user meets Spotdesk: the real process tree (entrypoint.sh → supervisord →
// orchestrator serving the built panel) driven by Debian's headless Chromium.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '../helpers/browser.js';
import { startProcessTree } from '../helpers/process-tree.js';
import type { ProcessTree } from '../helpers/process-tree.js';
import { repoRoot } from '../helpers/repo.js';

const PASSWORD = 'Harbour-Lantern-42';
const WAIT = { timeout: 15_000 };
const shots = join(repoRoot, 'test-results', 'screenshots');

let tree: ProcessTree;
let browser: Browser;

async function newPage(width = 1280, height = 800): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
  return context.newPage();
}

function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

async function login(page: Page, password: string): Promise<void> {
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  tree = await startProcessTree();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (tree) expect(await tree.stop()).toBe(0);
});

describe('first run in a browser', () => {
  it('when the admin sets up with the logged token, logs in, switches to Português and logs out, then each step shows', async () => {
    const tokenLine = /setup token[^A-Za-z0-9_-]*([A-Za-z0-9_-]{24,})/i.exec(tree.output());
    expect(tokenLine, `no setup token in the log:\n${tree.output()}`).not.toBeNull();
    const token = tokenLine![1]!;
    const tokenFile = join(tree.dataDir, 'run', 'setup-token');
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(token);

    // The setup page fits a phone too (360 px, no sideways scroll).
    const narrow = await newPage(360, 740);
    await narrow.goto(tree.baseUrl);
    await narrow.getByRole('heading', { name: 'Set up Spotdesk' }).waitFor(WAIT);
    expect(await sidewaysScroll(narrow), 'the setup page scrolls sideways').toBeLessThanOrEqual(0);
    await narrow.context().close();

    const page = await newPage();
    await page.goto(tree.baseUrl);
    await page.getByRole('heading', { name: 'Set up Spotdesk' }).waitFor(WAIT);
    await page.getByLabel('Setup token').fill(token);
    await page.getByLabel('Admin username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create admin account' }).click();

    await page.getByRole('heading', { name: 'Dashboard' }).waitFor(WAIT);
    expect(existsSync(tokenFile)).toBe(false);
    await page.getByRole('button', { name: 'Log out' }).click();

    await page.getByRole('heading', { name: 'Log in to Spotdesk' }).waitFor(WAIT);
    await login(page, PASSWORD);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor(WAIT);
    await page.getByText('Ready', { exact: true }).first().waitFor(WAIT);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('pt-BR');
    await page.getByRole('heading', { name: 'Painel' }).waitFor(WAIT);
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
    await page.screenshot({ path: join(shots, 'dashboard-pt-BR.png'), fullPage: true });

    await page.getByRole('button', { name: 'Sair' }).click();
    await page.getByRole('heading', { name: 'Entrar no Spotdesk' }).waitFor(WAIT);
    await page.context().close();
  });

  it('when the password is wrong, then the login page says so clearly and stays', async () => {
    const page = await newPage();
    await page.goto(tree.baseUrl);
    await page.getByRole('heading', { name: 'Log in to Spotdesk' }).waitFor(WAIT);

    await login(page, 'not-the-password-at-all');

    await page.getByText('Wrong username or password.').waitFor(WAIT);
    expect(await page.getByRole('heading', { name: 'Dashboard' }).count()).toBe(0);
    await page.context().close();
  });

  it('when the panel is 360 px wide, then no page scrolls sideways', async () => {
    const page = await newPage(360, 740);
    await page.goto(tree.baseUrl);
    await page.getByRole('heading', { name: 'Log in to Spotdesk' }).waitFor(WAIT);
    expect(await sidewaysScroll(page), 'the login page scrolls sideways').toBeLessThanOrEqual(0);
    await login(page, PASSWORD);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor(WAIT);

    for (const path of ['/', '/bots', '/settings', '/audit']) {
      await page.goto(`${tree.baseUrl}${path}`);
      await page.locator('main h1').first().waitFor(WAIT);
      const overflow = await sidewaysScroll(page);
      expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    }
    await page.goto(tree.baseUrl);
    await page.locator('main h1').first().waitFor(WAIT);
    await page.screenshot({ path: join(shots, 'dashboard-360.png'), fullPage: true });
    await page.context().close();
  });
});
