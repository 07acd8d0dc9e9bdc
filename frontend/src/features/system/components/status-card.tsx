import { Card } from '../../../components/ui/card';
import type { MessageKey } from '../../../i18n/en';
import { useT } from '../../../i18n/use-t';
import { useReady } from '../api/get-ready';

const CHECK_NAMES: Record<string, MessageKey> = {
  database: 'status.check.database',
  supervisord: 'status.check.supervisord',
};

/** Readiness as the orchestrator itself reports it (`GET /ready`), each check with its reason. */
export function StatusCard() {
  const t = useT();
  const ready = useReady();
  const title = t('status.title');
  if (!ready.data) {
    return (
      <Card title={title}>
        <p role="status">{t('app.loading')}</p>
      </Card>
    );
  }
  const isReady = ready.data.status === 'ready';
  return (
    <Card title={title}>
      <p className={isReady ? 'badge badge-ok' : 'badge badge-bad'}>
        {isReady ? t('status.ready') : t('status.notReady')}
      </p>
      <ul className="checks">
        {ready.data.checks.map((check) => {
          const label = CHECK_NAMES[check.name];
          return (
            <li key={check.name} className={check.ok ? 'check-ok' : 'check-bad'}>
              <span className="check-name">{label ? t(label) : check.name}</span>
              <span className="check-state">{check.ok ? t('status.ok') : t('status.failing')}</span>
              {check.reason ? <span className="check-reason">{check.reason}</span> : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
