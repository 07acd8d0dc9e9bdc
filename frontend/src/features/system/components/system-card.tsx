import { Card } from '../../../components/ui/card';
import { useI18n } from '../../../i18n/use-t';
import { useSystem } from '../api/get-system';

export function SystemCard() {
  const { t, formatDateTime } = useI18n();
  const system = useSystem();
  const title = t('system.title');
  if (!system.data) {
    return (
      <Card title={title}>
        <p role="status">{t('app.loading')}</p>
      </Card>
    );
  }
  const info = system.data;
  return (
    <Card title={title}>
      <dl className="facts">
        <dt>{t('system.version')}</dt>
        <dd>{info.version}</dd>
        <dt>{t('system.startedAt')}</dt>
        <dd>
          <time dateTime={info.startedAt}>{formatDateTime(info.startedAt)}</time>
        </dd>
        <dt>{t('system.market')}</dt>
        <dd>{info.simulation ? t('system.simulated') : t('system.real')}</dd>
        <dt>{t('system.supervisord')}</dt>
        <dd>
          {info.supervisord.ok ? t('status.ok') : t('status.failing')}
          {info.supervisord.reason ? ` — ${info.supervisord.reason}` : ''}
        </dd>
        <dt>{t('system.dataDir')}</dt>
        <dd>
          <code className="break">{info.dataDir}</code>
        </dd>
      </dl>
      <p className={info.liveTradingEnabled ? 'badge badge-warn' : 'badge badge-ok'}>
        {info.liveTradingEnabled ? t('system.liveEnabled') : t('system.liveDisabled')}
      </p>
    </Card>
  );
}
