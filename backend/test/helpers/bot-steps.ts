// Steps the bot-edit tests share: create, edit, read the config file, the bot's show_config
// and the config history of one bot in a BotEnv.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect } from 'vitest';

import type { BotEnv } from './bot-env.js';

export function botSteps(current: () => BotEnv) {
  interface ConfigFile {
    stake_amount: number;
    timeframe: string;
    max_open_trades: number;
    api_server: { password: string };
  }

  const botDir = (id: number) => path.join(current().dataDir, 'bots', String(id));
  const configText = (id: number) => readFileSync(path.join(botDir(id), 'config.json'), 'utf8');
  const configOf = (id: number) => JSON.parse(configText(id)) as ConfigFile;

  async function create(settings: Record<string, unknown>): Promise<number> {
    const reply = await current().admin.post('/api/bots', settings);
    expect(reply.status, reply.text).toBe(201);
    return reply.body.id as number;
  }

  const put = (id: number, body: Record<string, unknown>) =>
    current().admin.request('PUT', `/api/bots/${id}`, { body });

  // show_config gives stake_amount as a string (Freqtrade's ShowConfig schema).
  async function showConfig(id: number): Promise<{ stake_amount: string; state: string }> {
    const reply = await current().botApi(id, '/show_config');
    expect(reply.status).toBe(200);
    return (await reply.json()) as { stake_amount: string; state: string };
  }

  async function history(id: number) {
    const reply = await current().admin.get(`/api/bots/${id}/config`);
    expect(reply.status).toBe(200);
    return reply.body as {
      current: { stake_amount: number; api_server: { password: string } };
      pendingRestart: boolean;
      versions: Array<{
        version: number;
        reason: string;
        changes: Array<{ path: string; before: unknown; after: unknown }>;
      }>;
    };
  }

  async function startAndWait(id: number): Promise<void> {
    const reply = await current().admin.post(`/api/bots/${id}/start`, {});
    expect(reply.status, reply.text).toBe(200);
    await current().waitForBot(id, (b) => b.state === 'RUNNING' && b.stateReason === null);
  }

  return { botDir, configText, configOf, create, put, showConfig, history, startAndWait };
}
