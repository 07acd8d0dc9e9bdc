// A Paper bot's whole life in Debian's Chromium, against the real process tree of the offline
// demo: entrypoint.sh → supervisord → orchestrator, sim/exchange under supervisord, and the bot a
// sim/freqtrade process of its own, started and stopped by supervisord.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { signedInPanel } from '../helpers/panel.js';
import type { ProcessTree } from '../helpers/process-tree.js';
import { repoRoot } from '../helpers/repo.js';

const PASSWORD = 'Harbour-Lantern-42';
// A bot's process takes a few seconds to come up and be confirmed by the reconciler.
const SLOW = { timeout: 60_000 };
const WAIT = { timeout: 15_000 };

let tree: ProcessTree;
let browser: Browser;
let page: Page;

function programState(name: string): string {
  return spawnSync('supervisorctl', ['-c', join(repoRoot, 'supervisord.conf'), 'status', name], {
    env: { ...process.env, SPOTDESK_DATA_DIR: tree.dataDir, SPOTDESK_APP_DIR: repoRoot },
    encoding: 'utf8',
  }).stdout;
}

async function waitForProgram(name: string, expected: RegExp): Promise<void> {
  let last = '';
  for (let i = 0; i < 60 && !expected.test(last); i += 1) {
    last = programState(name);
    if (!expected.test(last)) await new Promise((r) => setTimeout(r, 250));
  }
  expect(last, `supervisord: ${name}`).toMatch(expected);
}

/** Creates a Paper bot through the panel's form (1 pair, 20 USDT) and returns its card. */
async function createBotInPanel(name: string, base: string) {
  await page.goto(`${tree.baseUrl}/bots`);
  await page.getByRole('link', { name: 'Create bot' }).click();
  await page.getByRole('heading', { level: 1, name: 'Create a bot' }).waitFor(WAIT);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Strategy', { exact: true }).selectOption('NeverEnterStrategy');
  await page.getByLabel('Pair to add').fill(base);
  await page.getByLabel('Pair to add').press('Enter');
  await page.getByLabel('Stake per trade (USDT)').fill('20');
  await page.getByLabel('Max open trades').fill('1');
  await page.getByLabel('Max exposure (USDT)').fill('20');
  await page.getByRole('button', { name: 'Create bot' }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await card.waitFor(WAIT);
  return card;
}

beforeAll(async () => {
  ({ tree, browser, page } = await signedInPanel(PASSWORD));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (tree) expect(await tree.stop()).toBe(0);
});

describe('a Paper bot in the offline demo', () => {
  it('when created, started, paused, resumed, stopped and deleted from the panel, then each state is the real one', async () => {
    expect(programState('sim-exchange')).toMatch(/RUNNING/);
    const card = await createBotInPanel('Demo rider', 'BTC');
    const dialog = page.getByRole('dialog');
    for (const [action, state] of [
      ['Start', 'Running'],
      ['Pause', 'Paused'],
      ['Resume', 'Running'],
      ['Stop', 'Stopped'],
    ] as const) {
      await card.getByRole('button', { name: action, exact: true }).click();
      await dialog.getByRole('button', { name: action, exact: true }).click();
      await card.getByText(state, { exact: true }).waitFor(SLOW);
      // The panel says Running once the bot's API answers; supervisord says RUNNING a little
      // later (after its startsecs).
      const expected = state === 'Stopped' ? /STOPPED|EXITED/ : /RUNNING/;
      await waitForProgram('bot-1', expected);
    }

    await card.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('Demo rider was deleted.').waitFor(WAIT);
    expect(programState('bot-1')).toMatch(/no such process|ERROR/i);
  }, 240_000);

  it('when a bot is switched to Live without the environment switch, then the panel says how to enable it', async () => {
    const card = await createBotInPanel('Wants real money', 'ETH');

    const dialog = page.getByRole('dialog');
    await card.getByRole('button', { name: 'Switch to Live' }).click();
    await dialog.getByLabel('Your current password').fill(PASSWORD);
    await dialog.getByLabel(/Type the bot’s name/).fill('Wants real money');
    await dialog.getByRole('button', { name: 'Switch to Live' }).click();

    await dialog
      .getByText(
        /Set SPOTDESK_LIVE_TRADING=enabled in the environment \(\.env\) and restart Spotdesk/,
      )
      .first()
      .waitFor(WAIT);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await card.getByText('Paper', { exact: true }).first().waitFor(WAIT);
  }, 120_000);
});
