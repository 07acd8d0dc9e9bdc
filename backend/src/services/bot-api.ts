// One Freqtrade client per bot (its own port and loopback credentials), shaped as the converger
// needs it. Clients are rebuilt when a bot's port or credentials change.
import { createFreqtradeClient, type FreqtradeClient } from '../adapters/freqtrade/client.js';
import type { Bot, BotId } from '../domain/bot.js';

import type { BotApi } from './bot-converger.js';
import type { BotWorkspace } from './bot-workspace.js';

const limit = (value: number | 'unlimited') => (value === 'unlimited' ? -1 : value);

export function toBotApi(client: FreqtradeClient): BotApi {
  return {
    async showConfig() {
      const config = await client.showConfig();
      return { state: config.state, maxOpenTrades: limit(config.maxOpenTrades) };
    },
    async health() {
      return { lastProcessAt: (await client.health()).lastProcess };
    },
    async openTrades() {
      return (await client.status()).map((t) => ({ profitAbs: t.totalProfitAbs }));
    },
    async pause() {
      await client.pause();
    },
    async start() {
      await client.start();
    },
    async reloadConfig() {
      await client.reloadConfig();
    },
    async forceExitAll() {
      await client.forceExit({ tradeId: 'all', orderType: 'market' });
    },
  };
}

export function createBotApis(deps: { workspace: BotWorkspace; timeoutMs?: number }) {
  const clients = new Map<BotId, { key: string; client: FreqtradeClient; api: BotApi }>();
  return {
    /** The client of this bot, for the monitor and the converger alike. */
    client(bot: Bot): FreqtradeClient {
      const credentials = deps.workspace.credentials(bot.id);
      const key = `${bot.apiPort}|${credentials.username}|${credentials.password}`;
      const cached = clients.get(bot.id);
      if (cached?.key === key) return cached.client;
      void cached?.client.close();
      const client = createFreqtradeClient({
        baseUrl: `http://127.0.0.1:${bot.apiPort}`,
        username: credentials.username,
        password: credentials.password,
        timeoutMs: deps.timeoutMs ?? 5000,
      });
      clients.set(bot.id, { key, client, api: toBotApi(client) });
      return client;
    },
    api(bot: Bot): BotApi {
      this.client(bot);
      return clients.get(bot.id)!.api;
    },
    forget(id: BotId): void {
      void clients.get(id)?.client.close();
      clients.delete(id);
    },
    async closeAll(): Promise<void> {
      await Promise.all([...clients.values()].map((c) => c.client.close()));
      clients.clear();
    },
  };
}

export type BotApis = ReturnType<typeof createBotApis>;
