import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { Bot } from '../../../../../backend/src/domain/bot';
import type { Recommendation } from '../../../../../backend/src/http/routes/assistant-schemas';
import type { FakeApi } from '../../../testing/fake-api';
import { startFakeApi } from '../../../testing/fake-api';
import { addFakeBot, settingsOf } from '../../../testing/fake-bots-state';
import { renderApp } from '../../../testing/render-app';
import { card, signIn } from './market-helpers';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
});

afterEach(async () => {
  await api.close();
});

type Change = Recommendation['changes'][number];

function recommendation(bot: Bot, changes: Change[], patch: Record<string, unknown>) {
  return (): Recommendation => ({
    kind: 'model',
    language: 'en',
    model: 'llama3.1',
    usage: { promptTokens: 900, completionTokens: 200 },
    cached: false,
    generatedAt: Date.UTC(2026, 2, 2, 11, 58),
    notice: null,
    facts: [{ id: 'atr_pct', label: 'ATR as % of price', value: 3.1, unit: '%' }],
    claims: [{ text: 'Volatility is high.', cites: ['atr_pct'], marks: [] }],
    changes,
    patch,
    configVersion: bot.configVersion,
  });
}

function nightOwl(overrides: Partial<Bot> = {}) {
  return addFakeBot(api.state.bots, {
    name: 'Night owl',
    pairs: ['BTC/USDT'],
    stakeAmount: 20,
    maxOpenTrades: 2,
    maxExposure: 50,
    stoploss: -0.1,
    desiredState: 'RUNNING',
    state: 'RUNNING',
    ...overrides,
  });
}

const SMALLER_STAKE: Change[] = [
  {
    field: 'stakeAmount',
    from: 20,
    to: 15,
    reason: { text: 'ATR is <i>high</i>: risk less per trade.', cites: ['atr_pct'], marks: [] },
  },
  {
    field: 'stoploss',
    from: -0.1,
    to: -0.06,
    reason: { text: 'A tighter stop.', cites: [], marks: [{ kind: 'no-citation' }] },
  },
];

async function ask(botId: number) {
  renderApp(api, `/bots/${botId}`);
  const region = await card('Recommended settings');
  fireEvent.click(within(region).getByRole('button', { name: 'Recommend settings' }));
  await within(region).findByRole('button', { name: 'Ask again' });
  return region;
}

const puts = (botId: number) => api.requestsTo('PUT', `/api/bots/${botId}`);

describe('assistant › recommended settings', () => {
  test('when a recommendation arrives, then it shows as a diff with each reason and its marks, and nothing is sent', async () => {
    signIn(api);
    const bot = nightOwl();
    api.state.assistant.next.recommendation = recommendation(bot, SMALLER_STAKE, {
      stakeAmount: 15,
      stoploss: -0.06,
    });

    const region = await ask(bot.id);

    const stake = within(region).getByRole('row', { name: /^Stake per trade/ });
    expect(
      within(stake)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      '20',
      '15',
      expect.stringMatching(/^ATR is <i>high<\/i>: risk less per trade\.Cited facts \(1\)/),
    ]);
    expect(region.querySelector('i')).toBeNull();
    const stop = within(region).getByRole('row', { name: /^Stop-loss/ });
    expect(within(stop).getByText('-10%')).toBeTruthy();
    expect(within(stop).getByText('-6%')).toBeTruthy();
    expect(within(stop).getByText('Cites nothing')).toBeTruthy();
    expect(puts(bot.id)).toHaveLength(0);
  });

  test('when an admin applies and confirms, then exactly the patch is saved on the bot through its update call', async () => {
    signIn(api);
    const bot = nightOwl();
    const before = settingsOf(bot);
    const patch = { stakeAmount: 15, stoploss: -0.06 };
    api.state.assistant.next.recommendation = recommendation(bot, SMALLER_STAKE, patch);
    const region = await ask(bot.id);

    fireEvent.click(within(region).getByRole('button', { name: 'Apply these changes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Apply 2 change(s) to Night owl?' });
    expect(within(dialog).getByText(/^: 20 → 15$/)).toBeTruthy();
    expect(puts(bot.id)).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(puts(bot.id)).toHaveLength(0);

    fireEvent.click(within(region).getByRole('button', { name: 'Apply these changes' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Apply at next start',
      }),
    );

    expect(await within(region).findByText('Applied: the bot’s settings are saved.')).toBeTruthy();
    expect(puts(bot.id)).toHaveLength(1);
    expect(puts(bot.id)[0]?.body).toEqual({ ...before, ...patch, apply: 'next-start' });
    expect(api.state.bots.bots[0]).toMatchObject({ stakeAmount: 15, stoploss: -0.06 });
    expect(within(region).queryByRole('button', { name: 'Apply these changes' })).toBeNull();
  });

  test('when the bot is not running, then the confirmation offers a single Apply, sent as a plain save', async () => {
    signIn(api);
    const bot = nightOwl({ desiredState: 'STOPPED', state: 'STOPPED' });
    api.state.assistant.next.recommendation = recommendation(bot, SMALLER_STAKE.slice(0, 1), {
      stakeAmount: 15,
    });
    const region = await ask(bot.id);

    fireEvent.click(within(region).getByRole('button', { name: 'Apply these changes' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('button', { name: 'Apply and restart' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(puts(bot.id)).toHaveLength(1));
    expect(puts(bot.id)[0]?.body).toMatchObject({ stakeAmount: 15, apply: 'restart' });
  });

  test('when the server refuses the proposed values, then its field reasons show and nothing changes', async () => {
    signIn(api);
    const bot = nightOwl();
    const changes: Change[] = [{ ...SMALLER_STAKE[0]!, to: 1 }];
    api.state.assistant.next.recommendation = recommendation(bot, changes, { stakeAmount: 1 });
    const region = await ask(bot.id);

    fireEvent.click(within(region).getByRole('button', { name: 'Apply these changes' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Apply and restart' }),
    );

    expect((await within(region).findByRole('alert')).textContent).toBe(
      'Please correct the fields marked below.',
    );
    expect(within(region).getByText(/^Stake per trade: /)).toBeTruthy();
    expect(api.state.bots.bots[0]?.stakeAmount).toBe(20);
  });

  test('when the bot’s settings change after the recommendation, then it says it is stale and cannot be applied', async () => {
    signIn(api);
    const bot = nightOwl();
    api.state.assistant.next.recommendation = recommendation(bot, SMALLER_STAKE, {
      stakeAmount: 15,
    });
    const region = await ask(bot.id);
    const version = bot.configVersion;

    api.changeBot(bot.id, (b) => {
      b.configVersion = version + 1;
    });

    expect(
      await within(region).findByText(
        `The bot’s settings changed since this recommendation was made (version ${version}, now ${version + 1}). Ask again before applying.`,
      ),
    ).toBeTruthy();
    const apply = within(region).getByRole('button', { name: 'Apply these changes' });
    expect(apply.hasAttribute('disabled')).toBe(true);
    expect(puts(bot.id)).toHaveLength(0);
  });

  test('when a viewer opens the bot page, then the assistant cards explain that only admins ask, and nothing is sent', async () => {
    signIn(api, 'viewer');
    const bot = nightOwl();
    renderApp(api, `/bots/${bot.id}`);

    const region = await card('Recommended settings');
    const summary = await card('Bot summary');

    const note =
      'Only an admin can ask the assistant: each question spends the daily token budget.';
    expect(within(region).getByText(note)).toBeTruthy();
    expect(within(summary).getByText(note)).toBeTruthy();
    expect(within(region).queryByRole('button', { name: 'Recommend settings' })).toBeNull();
    expect(within(region).queryByRole('button', { name: 'Apply these changes' })).toBeNull();
    expect(api.requestsTo('POST', `/api/assistant/bots/${bot.id}/recommendation`)).toHaveLength(0);
  });
});
