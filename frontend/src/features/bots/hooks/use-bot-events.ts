import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';

import { useWsChannel } from '../../../lib/ws-context';
import { dropBot, putBot } from '../api/bots-cache';
import { BOT_CONFIG_QUERY_KEY } from '../api/get-bot-config';
import { BOTS_QUERY_KEY, botSchema } from '../api/get-bots';
import type { Bot } from '../api/get-bots';

const botEventSchema = z.union([
  z.object({ bot: botSchema }),
  z.object({ deletedId: z.number().int().positive() }),
]);

/**
 * Keeps the bot list current from the `bots` channel: each event carries the bot as it is now, or
 * the id of a bot that was deleted.
 * After every (re)connection the list is read again, since events sent meanwhile are lost.
 */
export function useBotEvents(): void {
  const queryClient = useQueryClient();
  useWsChannel('bots', {
    onEvent: (event) => {
      const parsed = botEventSchema.safeParse(event.payload);
      if (!parsed.success) return;
      if ('deletedId' in parsed.data) {
        dropBot(queryClient, parsed.data.deletedId);
        return;
      }
      const { bot } = parsed.data;
      const before = queryClient.getQueryData<Bot[]>(BOTS_QUERY_KEY)?.find((b) => b.id === bot.id);
      putBot(queryClient, bot);
      if (before && before.configVersion !== bot.configVersion) {
        void queryClient.invalidateQueries({ queryKey: BOT_CONFIG_QUERY_KEY(bot.id) });
      }
    },
    onResync: () => {
      void queryClient.invalidateQueries({ queryKey: BOTS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: ['bots', 'config'] });
    },
  });
}
