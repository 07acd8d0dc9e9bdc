import type { QueryClient } from '@tanstack/react-query';

import type { Bot } from './get-bots';
import { BOTS_QUERY_KEY } from './get-bots';

/** Puts the server's latest copy of a bot into the list (added if new); the list stays in id order. */
export function putBot(queryClient: QueryClient, bot: Bot): void {
  queryClient.setQueryData<Bot[]>(BOTS_QUERY_KEY, (list) => {
    if (!list) return list;
    const others = list.filter((item) => item.id !== bot.id);
    return [...others, bot].sort((a, b) => a.id - b.id);
  });
}

export function dropBot(queryClient: QueryClient, id: number): void {
  queryClient.setQueryData<Bot[]>(BOTS_QUERY_KEY, (list) => list?.filter((bot) => bot.id !== id));
}

/** Emergency answers carry every bot. */
export function putBots(queryClient: QueryClient, bots: Bot[]): void {
  queryClient.setQueryData<Bot[]>(
    BOTS_QUERY_KEY,
    [...bots].sort((a, b) => a.id - b.id),
  );
}
