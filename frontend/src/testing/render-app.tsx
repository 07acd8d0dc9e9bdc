import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';

import { AppProvider } from '../app/provider';
import { routes } from '../app/router';
import type { FakeApi } from './fake-api';

/** The whole panel (real providers, real routes) at `path`, talking to the loopback fake. */
export function renderApp(api: FakeApi, path = '/') {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 60_000 }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AppProvider queryClient={queryClient} apiBaseUrl={api.url}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, queryClient, router };
}
