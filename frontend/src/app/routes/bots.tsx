import { useSession } from '../../features/auth/api/get-session';
import { BotsPage } from '../../features/bots/components/bots-page';
import { LiveGates } from '../../features/settings/components/live-gates';

/** Bots, with the Live gates of Settings inside its Live confirmations (features meet here). */
export function BotsRoute() {
  const { data: session } = useSession();
  if (!session?.user) return null;
  return (
    <BotsPage isAdmin={session.user.role === 'admin'} liveGates={<LiveGates linkToSettings />} />
  );
}
