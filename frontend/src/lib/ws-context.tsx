import { createContext, useContext, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

import type { WsClient, WsEvent } from './ws-client';

const WsContext = createContext<WsClient | null>(null);

export function WsProvider({ client, children }: { client: WsClient; children: ReactNode }) {
  useEffect(() => () => client.close(), [client]);
  return <WsContext.Provider value={client}>{children}</WsContext.Provider>;
}

/**
 * Listens on one channel of the panel WebSocket while the component is mounted. The handlers
 * may change between renders; the subscription does not.
 */
export function useWsChannel(
  channel: string,
  handlers: { onEvent: (event: WsEvent) => void; onResync: () => void },
): void {
  const client = useContext(WsContext);
  if (!client) throw new Error('useWsChannel must be used inside WsProvider');
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(
    () =>
      client.listen(channel, {
        onEvent: (event) => latest.current.onEvent(event),
        onResync: () => latest.current.onResync(),
      }),
    [client, channel],
  );
}
