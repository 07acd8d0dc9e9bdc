import { useT } from '../../../i18n/use-t';
import type { MonitorBot, MonitorMode } from '../api/get-dashboard-summary';

/** Live means real money: a solid red badge with the words, never colour alone. */
export function ModeBadge({ mode, short = false }: { mode: MonitorMode; short?: boolean }) {
  const t = useT();
  return mode === 'REAL_MARKET_SPOT' ? (
    <span className="badge badge-live">
      {t(short ? 'monitor.mode.liveShort' : 'monitor.mode.live')}
    </span>
  ) : (
    <span className="badge badge-paper">{t('monitor.mode.paper')}</span>
  );
}

const STATE_TONE: Record<MonitorBot['state'], string> = {
  CREATED: 'badge-neutral',
  RUNNING: 'badge-ok',
  PAUSED: 'badge-warn',
  STOPPED: 'badge-neutral',
  ERROR: 'badge-bad',
};

export function StateBadge({ state }: { state: MonitorBot['state'] }) {
  const t = useT();
  return <span className={`badge ${STATE_TONE[state]}`}>{t(`bot.state.${state}`)}</span>;
}
