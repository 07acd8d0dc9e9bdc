import type { Browser, Page } from 'playwright-core';

import { launchChromium } from './browser.js';
import { startProcessTree } from './process-tree.js';
import type { ProcessTree } from './process-tree.js';

export interface SignedInPanel {
  tree: ProcessTree;
  browser: Browser;
  /** A 1280×900 en-US page, logged in as admin and showing the Dashboard. */
  page: Page;
}

/**
 * Starts the real process tree with `password` as the admin's, launches Chromium and logs in to
 * the panel as admin. If any step fails, what was started is closed again before it throws.
 */
export async function signedInPanel(password: string): Promise<SignedInPanel> {
  const tree = await startProcessTree({ SPOTDESK_ADMIN_PASSWORD: password });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    });
    const page = await context.newPage();
    await page.goto(tree.baseUrl);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor({ timeout: 15_000 });
    return { tree, browser, page };
  } catch (err) {
    await browser?.close().catch(() => undefined);
    await tree.stop().catch(() => undefined);
    throw err;
  }
}
