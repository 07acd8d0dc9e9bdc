import { useId, useState } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Loading } from '../../../components/ui/loading';
import { useI18n } from '../../../i18n/use-t';
import type { Bot } from '../api/get-bots';
import { useBotConfig } from '../api/get-bot-config';
import { ConfigHistory } from './config-history';

function ConfigView({ bot }: { bot: Bot }) {
  const { t } = useI18n();
  const config = useBotConfig(bot.id);
  if (config.isPending) return <Loading />;
  if (config.error) return <ErrorMessage error={config.error} />;
  return (
    <div className="stack">
      <div>
        <h3>{t('bots.config.current')}</h3>
        {config.data.pendingRestart ? <p className="bot-note">{t('bots.pendingRestart')}</p> : null}
        <pre className="code-block" tabIndex={0} aria-label={t('bots.config.current')}>
          {JSON.stringify(config.data.current, null, 2)}
        </pre>
      </div>
      <ConfigHistory versions={config.data.versions} />
    </div>
  );
}

/** The generated Freqtrade config (secrets redacted) and how it changed, read on demand. */
export function BotDetails({ bot }: { bot: Bot }) {
  const { t } = useI18n();
  const [isOpen, setOpen] = useState(false);
  const regionId = useId();
  return (
    <div className="bot-details">
      <button
        type="button"
        className="button button-secondary button-small"
        aria-expanded={isOpen}
        aria-controls={regionId}
        onClick={() => setOpen((open) => !open)}
      >
        {t(isOpen ? 'bots.config.hide' : 'bots.config.show')}
      </button>
      <div
        id={regionId}
        role="region"
        aria-label={t('bots.config.region', { name: bot.name })}
        hidden={!isOpen}
      >
        {isOpen ? <ConfigView bot={bot} /> : null}
      </div>
    </div>
  );
}
