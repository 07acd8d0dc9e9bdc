import { useQueryClient } from '@tanstack/react-query';

import { marketEventSchema } from '../../../../../backend/src/http/routes/market-schemas';
import type {
  MarketSnapshot,
  Watchlist,
} from '../../../../../backend/src/http/routes/market-schemas';
import type { WsEvent } from '../../../lib/ws-client';
import { useWsChannel } from '../../../lib/ws-context';
import { CHART_CANDLES } from '../api/get-pair-snapshot';
import { marketKeys } from '../api/keys';
import { withCandle, withRow, withRowTicker } from '../lib/live-updates';

function parse(event: WsEvent) {
  const parsed = marketEventSchema.safeParse(event.payload);
  return parsed.success ? parsed.data : null;
}

/**
 * Keeps the watchlist current from the `market` channel: a pushed row replaces its copy in the
 * cache (no refetch); a changed setting, or a row the list does not hold yet, re-reads it, and
 * so does every (re)subscription, since events sent while the socket was down are lost.
 */
export function useWatchlistEvents(): void {
  const queryClient = useQueryClient();
  const reread = () => void queryClient.invalidateQueries({ queryKey: marketKeys.watchlist });
  useWsChannel('market', {
    onEvent: (event) => {
      const message = parse(event);
      if (message?.kind === 'watchlist-changed') reread();
      if (message?.kind !== 'market-row') return;
      const current = queryClient.getQueryData<Watchlist>(marketKeys.watchlist);
      if (!current) return;
      const next = withRow(current, message.row);
      if (next) queryClient.setQueryData(marketKeys.watchlist, next);
      else reread();
    },
    onResync: reread,
  });
}

/** Keeps one pair page's snapshot current: its candles, indicators and regime, and its ticker. */
export function usePairEvents(pair: string, timeframe: string): void {
  const queryClient = useQueryClient();
  const key = marketKeys.snapshot(pair, timeframe);
  useWsChannel('market', {
    onEvent: (event) => {
      const message = parse(event);
      const current = queryClient.getQueryData<MarketSnapshot>(key);
      if (!message || !current) return;
      let next = current;
      if (message.kind === 'market-candle') {
        const at = Date.parse(event.at);
        next = withCandle(current, message, Number.isNaN(at) ? Date.now() : at, CHART_CANDLES);
      } else if (message.kind === 'market-row') {
        next = withRowTicker(current, message.row);
      }
      if (next !== current) queryClient.setQueryData(key, next);
    },
    onResync: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
}
