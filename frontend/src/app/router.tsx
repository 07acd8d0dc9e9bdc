import { RouterProvider, createBrowserRouter } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';

import { RouteError } from '../components/errors/route-error';
import { Loading } from '../components/ui/loading';
import { paths } from '../config/paths';
import { AppRoute } from './routes/app-route';
import { DashboardRoute } from './routes/dashboard';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { RootRoute } from './routes/root';
import { SetupRoute } from './routes/setup';

function FullPageLoading() {
  return (
    <main className="page page-narrow" id="main">
      <Loading />
    </main>
  );
}

/** The route table; Bots, Settings and Audit are loaded on first visit to keep the first load small. */
export const routes: RouteObject[] = [
  {
    element: <RootRoute />,
    errorElement: <RouteError />,
    // Shown while a lazy page (Bots, Settings, Audit) loads on a direct visit.
    hydrateFallbackElement: <FullPageLoading />,
    children: [
      { path: paths.setup.path, element: <SetupRoute /> },
      { path: paths.login.path, element: <LoginRoute /> },
      {
        element: <AppRoute />,
        children: [
          { path: paths.dashboard.path, element: <DashboardRoute /> },
          {
            path: paths.bots.path,
            lazy: async () => ({ Component: (await import('./routes/bots')).BotsRoute }),
          },
          {
            path: paths.botNew.path,
            lazy: async () => ({ Component: (await import('./routes/bot-form')).BotNewRoute }),
          },
          {
            path: paths.bot.path,
            lazy: async () => ({ Component: (await import('./routes/bot-page')).BotPageRoute }),
          },
          {
            path: paths.botEdit.path,
            lazy: async () => ({ Component: (await import('./routes/bot-form')).BotEditRoute }),
          },
          {
            path: paths.market.path,
            lazy: async () => ({ Component: (await import('./routes/market')).MarketRoute }),
          },
          {
            path: paths.marketPair.path,
            lazy: async () => ({
              Component: (await import('./routes/market-pair')).MarketPairRoute,
            }),
          },
          {
            path: paths.settings.path,
            lazy: async () => ({ Component: (await import('./routes/settings')).SettingsRoute }),
          },
          {
            path: paths.audit.path,
            lazy: async () => ({ Component: (await import('./routes/audit')).AuditRoute }),
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export function AppRouter({ router }: { router: ReturnType<typeof createBrowserRouter> }) {
  return <RouterProvider router={router} />;
}

export function createAppRouter() {
  return createBrowserRouter(routes);
}
