/** Query keys of the bot page; everything of one bot sits under `['bot-page', id]`. */
export const botPageKeys = {
  all: (botId: number) => ['bot-page', botId] as const,
  bot: (botId: number) => ['bot-page', botId, 'bot'] as const,
  candlesOfPair: (botId: number, pair: string) => ['bot-page', botId, 'candles', pair] as const,
  candles: (botId: number, pair: string, timeframe: string) =>
    ['bot-page', botId, 'candles', pair, timeframe] as const,
  candlesAll: (botId: number) => ['bot-page', botId, 'candles'] as const,
  trades: (botId: number) => ['bot-page', botId, 'trades'] as const,
  openTrades: (botId: number) => ['bot-page', botId, 'trades', 'open'] as const,
  closedTrades: (botId: number) => ['bot-page', botId, 'trades', 'closed'] as const,
  positions: (botId: number) => ['bot-page', botId, 'positions'] as const,
  logs: (botId: number) => ['bot-page', botId, 'logs'] as const,
};
