import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ReactNode } from 'react';

import { RootErrorBoundary } from '../components/errors/root-error-boundary';
import { SESSION_QUERY_KEY } from '../features/auth/api/get-session';
import type { Session } from '../features/auth/api/get-session';
import { I18nProvider } from '../i18n/i18n-provider';
import { createApiClient } from '../lib/api-client';
import { ApiProvider } from '../lib/api-context';
import { ThemeProvider } from '../lib/theme';
import { createWsClient, wsUrl } from '../lib/ws-client';
import { WsProvider } from '../lib/ws-context';

function ApiClientProvider({ baseUrl, children }: { baseUrl: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const client = useMemo(
    () =>
      createApiClient({
        baseUrl,
        getCsrfToken: () => queryClient.getQueryData<Session>(SESSION_QUERY_KEY)?.csrfToken,
        // The session ended (expired, removed user): re-read it, and the router shows Login.
        onUnauthorized: () => void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }),
      }),
    [baseUrl, queryClient],
  );
  // One socket per tab; it opens only while a page listens (so only when signed in).
  const ws = useMemo(
    () =>
      createWsClient({
        url: wsUrl(baseUrl),
        onSessionEnded: () => void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }),
      }),
    [baseUrl, queryClient],
  );
  return (
    <ApiProvider client={client}>
      <WsProvider client={ws}>{children}</WsProvider>
    </ApiProvider>
  );
}

type AppProviderProps = {
  queryClient: QueryClient;
  /** '' in the browser; tests pass their loopback fake's URL. */
  apiBaseUrl?: string;
  children: ReactNode;
};

export function AppProvider({ queryClient, apiBaseUrl = '', children }: AppProviderProps) {
  return (
    <I18nProvider>
      <ThemeProvider>
        <RootErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <ApiClientProvider baseUrl={apiBaseUrl}>{children}</ApiClientProvider>
          </QueryClientProvider>
        </RootErrorBoundary>
      </ThemeProvider>
    </I18nProvider>
  );
}
