/** Every route of the panel: `path` for the router, `getHref` for links. */
export const paths = {
  setup: { path: '/setup', getHref: () => '/setup' },
  login: {
    path: '/login',
    getHref: (redirectTo?: string) =>
      redirectTo && redirectTo !== '/'
        ? `/login?redirectTo=${encodeURIComponent(redirectTo)}`
        : '/login',
  },
  dashboard: { path: '/', getHref: () => '/' },
  bots: { path: '/bots', getHref: () => '/bots' },
  botNew: { path: '/bots/new', getHref: () => '/bots/new' },
  bot: {
    path: '/bots/:botId',
    getHref: (id: number) => `/bots/${encodeURIComponent(String(id))}`,
  },
  botEdit: {
    path: '/bots/:botId/edit',
    getHref: (id: number) => `/bots/${encodeURIComponent(String(id))}/edit`,
  },
  market: { path: '/market', getHref: () => '/market' },
  marketPair: {
    path: '/market/:pair',
    /** `BTC/USDT` → `/market/BTC-USDT` (a slash would split the path). */
    getHref: (pair: string, timeframe?: string) =>
      `/market/${encodeURIComponent(pair.replace('/', '-'))}${
        timeframe ? `?timeframe=${encodeURIComponent(timeframe)}` : ''
      }`,
  },
  audit: { path: '/audit', getHref: () => '/audit' },
  settings: { path: '/settings', getHref: () => '/settings' },
} as const;

/** Only same-site paths are followed after login, so a crafted link cannot send the user elsewhere. */
export function safeRedirect(target: string | null): string {
  if (!target || !target.startsWith('/') || target.startsWith('//'))
    return paths.dashboard.getHref();
  return target;
}
