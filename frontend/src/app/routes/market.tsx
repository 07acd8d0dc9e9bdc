import { useSession } from '../../features/auth/api/get-session';
import { MarketPage } from '../../features/market/components/market-page';

/** The watchlist; admins change it. */
export function MarketRoute() {
  const { data: session } = useSession();
  if (!session?.user) return null;
  return <MarketPage isAdmin={session.user.role === 'admin'} />;
}
