import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import type { WsEvent } from '../../../lib/ws-client';
import { useWsChannel } from '../../../lib/ws-context';
import { botPageBotSchema } from '../api/get-bot';
import { botPageKeys } from '../api/keys';
import { refreshTrading } from '../api/refresh';

const botEventSchema = z.object({ bot: botPageBotSchema });
const marketEventSchema = z.object({
  kind: z.literal('bot-candles'),
  botId: z.number().int(),
  pair: z.string(),
});

const isAbout = (event: WsEvent, botId: number) => event.botId === botId;

/**
 * Keeps the page current from the panel WebSocket: the bot's state (`bots`), its refreshed
 * candles (`market`) and its orders and positions (`orders`, `positions` re-read the trades and
 * the chart's markers). Each channel re-reads what it covers after a (re)connection.
 */
export function useBotPageEvents(botId: number): void {
  const queryClient = useQueryClient();
  const invalidate = (queryKey: readonly unknown[]) =>
    void queryClient.invalidateQueries({ queryKey });

  useWsChannel('bots', {
    onEvent: (event) => {
      if (!isAbout(event, botId)) return;
      const parsed = botEventSchema.safeParse(event.payload);
      if (parsed.success && parsed.data.bot.id === botId) {
        queryClient.setQueryData(botPageKeys.bot(botId), parsed.data.bot);
      } else {
        // Deleted, or a shape this page does not know: ask the server.
        invalidate(botPageKeys.bot(botId));
      }
    },
    onResync: () => invalidate(botPageKeys.bot(botId)),
  });
  useWsChannel('market', {
    onEvent: (event) => {
      const parsed = marketEventSchema.safeParse(event.payload);
      if (!parsed.success || parsed.data.botId !== botId) return;
      invalidate(botPageKeys.candlesOfPair(botId, parsed.data.pair));
    },
    onResync: () => invalidate(botPageKeys.candlesAll(botId)),
  });
  const trading = {
    onEvent: (event: WsEvent) => {
      if (isAbout(event, botId)) void refreshTrading(queryClient, botId);
    },
    onResync: () => void refreshTrading(queryClient, botId),
  };
  useWsChannel('orders', trading);
  useWsChannel('positions', trading);
}
