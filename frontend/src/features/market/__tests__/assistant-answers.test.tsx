import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { Answer } from '../../../../../backend/src/http/routes/assistant-schemas';
import type { FakeApi } from '../../../testing/fake-api';
import { startFakeApi } from '../../../testing/fake-api';
import { addFakeBot } from '../../../testing/fake-bots-state';
import { renderApp } from '../../../testing/render-app';
import { card, lastBody, signIn } from './market-helpers';

const SUMMARY = '/api/assistant/market-summary';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
  signIn(api);
});

afterEach(async () => {
  await api.close();
});

/** A model's answer with one clean claim (holding markup) and one of each mark. */
function modelAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    kind: 'model',
    language: 'en',
    model: 'gpt-4o-mini',
    usage: { promptTokens: 1200, completionTokens: 300 },
    cached: false,
    generatedAt: Date.UTC(2026, 2, 2, 11, 59),
    notice: null,
    facts: [
      { id: 'rsi_14', label: 'RSI(14) on 1h', value: 71.2 },
      { id: 'close', label: 'Last close', value: 67_250, unit: 'USDT' },
    ],
    claims: [
      { text: 'RSI is <b>overbought</b> at 71.2.', cites: ['rsi_14'], marks: [] },
      {
        text: 'Volume doubled.',
        cites: ['volume_ratio'],
        marks: [{ kind: 'unknown-id', id: 'volume_ratio' }],
      },
      {
        text: 'Price will reach 80,000.',
        cites: ['close'],
        marks: [{ kind: 'unsupported-number', value: '80,000' }],
      },
      { text: 'Momentum is strong.', cites: [], marks: [{ kind: 'no-citation' }] },
    ],
    ...overrides,
  };
}

async function askMarket() {
  const summary = await card('Market summary');
  fireEvent.click(within(summary).getByRole('button', { name: 'Summarise this market' }));
  await within(summary).findByRole('button', { name: 'Ask again' });
  return summary;
}

describe('assistant › market summary on the pair page', () => {
  test('when no model is configured, then the answer is labelled rules-based and was asked in the panel’s language', async () => {
    renderApp(api, '/market/BTC-USDT?timeframe=4h');

    const summary = await askMarket();

    expect(within(summary).getByText('Rules-based summary — no AI model configured')).toBeTruthy();
    expect(within(summary).getByText(/^BTC\/USDT is in a /)).toBeTruthy();
    expect(lastBody(api, 'POST', SUMMARY)).toEqual({
      pair: 'BTC/USDT',
      timeframe: '4h',
      language: 'en',
    });
  });

  test('when the panel is in Portuguese, then the question asks for a Portuguese answer', async () => {
    localStorage.setItem('spotdesk.language', 'pt-BR');
    renderApp(api, '/market/ETH-USDT');

    const summary = await card('Resumo do mercado');
    fireEvent.click(within(summary).getByRole('button', { name: 'Resumir este mercado' }));

    expect(
      await within(summary).findByText('Resumo por regras — nenhum modelo de IA configurado'),
    ).toBeTruthy();
    expect(lastBody(api, 'POST', SUMMARY)).toEqual({
      pair: 'ETH/USDT',
      timeframe: '1h',
      language: 'pt-BR',
    });
  });

  test('when a model answers with markup and flawed claims, then the markup is literal text and each flaw is flagged in words', async () => {
    api.state.assistant.next.marketSummary = modelAnswer();
    renderApp(api, '/market/BTC-USDT');

    const summary = await askMarket();

    expect(within(summary).getByText('RSI is <b>overbought</b> at 71.2.')).toBeTruthy();
    expect(summary.querySelector('b')).toBeNull();
    expect(within(summary).getByText('Cites an unknown fact (volume_ratio)')).toBeTruthy();
    expect(within(summary).getByText('States a number not in its facts (80,000)')).toBeTruthy();
    expect(within(summary).getByText('Cites nothing')).toBeTruthy();
    // Marks carry an icon and words, and a screen reader hears them as warnings.
    const mark = within(summary).getByText('Cites nothing').closest('li');
    expect(mark?.textContent).toBe('⚠Warning: Cites nothing');
    expect(
      within(summary).getByText(
        'Written by the AI model gpt-4o-mini — check the figures each claim cites.',
      ),
    ).toBeTruthy();
    // The cost comes from today's prices: (1,200 × 0.15 + 300 × 0.6) per million tokens.
    expect(
      await within(summary).findByText(
        / · 1,200 prompt \+ 300 completion tokens · about \$0\.0004$/,
      ),
    ).toBeTruthy();
    expect(within(summary).getByText(/ · answered in \d+(\.\d)? s · /)).toBeTruthy();
  });

  test('when a claim’s cited facts are opened, then each shows its label and value; an unknown id says so', async () => {
    api.state.assistant.next.marketSummary = modelAnswer();
    renderApp(api, '/market/BTC-USDT');
    const summary = await askMarket();
    const [first, second, third] = within(summary).getAllByText(/^Cited facts \(1\)$/);

    fireEvent.click(first as HTMLElement);
    fireEvent.click(second as HTMLElement);
    fireEvent.click(third as HTMLElement);

    expect(within(summary).getByText('RSI(14) on 1h')).toBeTruthy();
    expect(within(summary).getByText('71.2')).toBeTruthy();
    expect(within(summary).getByText('67,250 USDT')).toBeTruthy();
    expect(within(summary).getByText('Not among the facts')).toBeTruthy();
    expect(first?.getAttribute('title')).toBe('RSI(14) on 1h: 71.2');
  });

  test('when the model failed or the answer came from the cache, then the label says why and the cache is noted', async () => {
    api.state.assistant.next.marketSummary = modelAnswer({
      kind: 'rules',
      model: null,
      usage: null,
      cached: true,
      notice: { code: 'assistant-timeout', message: 'timed out' },
    });
    renderApp(api, '/market/BTC-USDT');

    const summary = await askMarket();

    expect(
      within(summary).getByText('Rules-based summary — the AI model did not answer in time'),
    ).toBeTruthy();
    expect(within(summary).getByText(/ · from the cache \(no new call\)$/)).toBeTruthy();
  });
});

describe('assistant › bot summary on the bot page', () => {
  test('when the bot summary is asked for, then its answer shows with its label and cited facts', async () => {
    const bot = addFakeBot(api.state.bots, { name: 'Night owl', state: 'RUNNING' });
    api.state.assistant.next.botSummary = modelAnswer({
      claims: [{ text: 'Night owl has <script>x</script> 2 wins.', cites: ['rsi_14'], marks: [] }],
    });
    renderApp(api, `/bots/${bot.id}`);

    const summary = await card('Bot summary');
    fireEvent.click(within(summary).getByRole('button', { name: 'Summarise this bot' }));

    expect(
      await within(summary).findByText('Night owl has <script>x</script> 2 wins.'),
    ).toBeTruthy();
    expect(summary.querySelector('script')).toBeNull();
    await waitFor(() =>
      expect(lastBody(api, 'POST', `/api/assistant/bots/${bot.id}/summary`)).toEqual({
        language: 'en',
      }),
    );
    expect(screen.getByRole('region', { name: 'Recommended settings' })).toBeTruthy();
  });
});
