import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FakeApi } from '../../../testing/fake-api';
import { startFakeApi } from '../../../testing/fake-api';
import { renderApp } from '../../../testing/render-app';
import { card, lastBody, signIn } from './market-helpers';

const SETTINGS = '/api/settings/assistant';

let api: FakeApi;

beforeEach(async () => {
  api = await startFakeApi();
});

afterEach(async () => {
  await api.close();
});

describe('settings › AI assistant', () => {
  test('when the environment sets the base URL and key, then those are read-only with a note and only the rest is sent', async () => {
    signIn(api);
    Object.assign(api.state.assistant, {
      baseUrl: 'http://host.docker.internal:11434/v1',
      model: 'llama3.1',
      keySet: true,
      enabled: true,
      fromEnvironment: ['baseUrl', 'apiKey'],
      usedToday: 12_345,
    });
    renderApp(api, '/settings');
    const section = await card('AI assistant');

    const baseUrl = await within(section).findByLabelText('Base URL');

    expect((baseUrl as HTMLInputElement).readOnly).toBe(true);
    expect(
      within(section).getByText('Set by SPOTDESK_LLM_BASE_URL in the environment, which wins.'),
    ).toBeTruthy();
    expect(
      within(section).getByText('Set by SPOTDESK_LLM_API_KEY in the environment, which wins.'),
    ).toBeTruthy();
    expect(within(section).queryByLabelText('API key')).toBeNull();
    expect(within(section).getByText('12,345 of 200,000 tokens')).toBeTruthy();
    expect(within(section).getByText('Configured and enabled')).toBeTruthy();

    fireEvent.change(within(section).getByLabelText('Model'), { target: { value: 'qwen2.5' } });
    fireEvent.change(within(section).getByLabelText('Daily token budget'), {
      target: { value: '50000' },
    });
    fireEvent.change(within(section).getByLabelText('Price per million prompt tokens (USD)'), {
      target: { value: '0,5' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Save settings' }));

    expect(await within(section).findByText('The assistant’s settings are saved.')).toBeTruthy();
    expect(lastBody(api, 'PUT', SETTINGS)).toEqual({
      enabled: true,
      model: 'qwen2.5',
      dailyTokenBudget: 50_000,
      pricePerMillionPrompt: 0.5,
      pricePerMillionCompletion: 0.6,
    });
    expect(within(section).getByText('12,345 of 50,000 tokens')).toBeTruthy();
  });

  test('when a key is saved, then the field is write-only, says so, and the key can be forgotten', async () => {
    signIn(api);
    Object.assign(api.state.assistant, {
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      keySet: true,
    });
    renderApp(api, '/settings');
    const section = await card('AI assistant');

    const key = (await within(section).findByLabelText('API key')) as HTMLInputElement;

    expect(key.type).toBe('password');
    expect(key.value).toBe('');
    expect(within(section).getByText(/^A key is saved\./)).toBeTruthy();

    fireEvent.click(within(section).getByRole('button', { name: 'Forget the saved key' }));

    expect(await within(section).findByText('The saved key was forgotten.')).toBeTruthy();
    expect(lastBody(api, 'PUT', SETTINGS)).toEqual({ apiKey: null });
    expect(api.state.assistant.keySet).toBe(false);
    await waitFor(() =>
      expect(
        within(section).getByText('No key is saved (local servers such as Ollama need none).'),
      ).toBeTruthy(),
    );
  });

  test('when a new key is typed and saved, then it is sent once and the field empties', async () => {
    signIn(api);
    renderApp(api, '/settings');
    const section = await card('AI assistant');
    const key = (await within(section).findByLabelText('API key')) as HTMLInputElement;

    fireEvent.change(within(section).getByLabelText('Base URL'), {
      target: { value: 'https://api.openai.com/v1' },
    });
    fireEvent.change(within(section).getByLabelText('Model'), { target: { value: 'gpt-4o-mini' } });
    fireEvent.change(key, { target: { value: 'sk-test-0123456789' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Save settings' }));

    await within(section).findByText('The assistant’s settings are saved.');
    expect(lastBody(api, 'PUT', SETTINGS)).toMatchObject({
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      apiKey: 'sk-test-0123456789',
    });
    expect(key.value).toBe('');
    expect(within(section).getByText(/^A key is saved\./)).toBeTruthy();
    expect(within(section).getByText('Disabled: summaries are rules-based')).toBeTruthy();
  });

  test('when a viewer opens Settings, then the assistant’s state shows without a form', async () => {
    signIn(api, 'viewer');
    renderApp(api, '/settings');
    const section = await card('AI assistant');

    expect(
      await within(section).findByText('Not configured: summaries are rules-based'),
    ).toBeTruthy();
    expect(within(section).queryByRole('textbox')).toBeNull();
    expect(screen.getByText('Only an admin can change the assistant’s settings.')).toBeTruthy();
    expect(api.requestsTo('GET', SETTINGS)).toHaveLength(0);
  });
});
