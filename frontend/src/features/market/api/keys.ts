/** Query keys of the market pages; everything sits under `['market']`. */
export const marketKeys = {
  all: ['market'] as const,
  watchlist: ['market', 'watchlist'] as const,
  pairs: ['market', 'pair'] as const,
  snapshot: (pair: string, timeframe: string) => ['market', 'pair', pair, timeframe] as const,
};
