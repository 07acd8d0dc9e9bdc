import type { AssistantStatus } from '../../../../../backend/src/http/routes/assistant-schemas';
import { ErrorMessage } from '../../../components/errors/error-message';
import { Loading } from '../../../components/ui/loading';
import { useI18n } from '../../../i18n/use-t';
import { useAssistantSettings } from '../api/get-assistant-settings';
import { useAssistantStatus } from '../api/get-assistant-status';
import { AssistantSettingsForm } from './assistant-settings-form';
import './assistant.css';

function stateKey(status: AssistantStatus) {
  if (!status.configured) return 'assistant.settings.state.notConfigured' as const;
  if (!status.enabled) return 'assistant.settings.state.disabled' as const;
  return 'assistant.settings.state.ready' as const;
}

/** Where the assistant stands and what it spent today against the budget. */
function Usage({ status }: { status: AssistantStatus }) {
  const { t, formatNumber } = useI18n();
  const { budget } = status;
  return (
    <dl className="facts">
      <dt>{t('assistant.settings.state')}</dt>
      <dd>{t(stateKey(status))}</dd>
      <dt>{t('assistant.settings.usage')}</dt>
      <dd>
        {t('assistant.settings.usageValue', {
          used: formatNumber(budget.usedToday),
          budget: formatNumber(budget.dailyTokens),
        })}
      </dd>
      <dt>{t('assistant.settings.cost')}</dt>
      <dd>
        {formatNumber(budget.estimatedCostToday, {
          style: 'currency',
          currency: 'USD',
          maximumFractionDigits: 4,
        })}
      </dd>
      <dt>{t('assistant.settings.limits')}</dt>
      <dd>
        {t('assistant.settings.limitsValue', {
          seconds: formatNumber(status.timeoutMs / 1000, { maximumFractionDigits: 1 }),
          minutes: formatNumber(status.cacheTtlMs / 60_000, { maximumFractionDigits: 1 }),
        })}
      </dd>
    </dl>
  );
}

/** Settings → AI assistant: admins edit it; viewers see its state and today's use. */
export function AssistantSettingsCard({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useI18n();
  const settings = useAssistantSettings({ enabled: isAdmin });
  const status = useAssistantStatus({ enabled: !isAdmin });
  const query = isAdmin ? settings : status;
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorMessage error={query.error} />;
  const current = query.data;
  return (
    <div className="stack">
      <p className="muted">{t('assistant.settings.intro')}</p>
      <Usage status={current} />
      {isAdmin ? (
        <AssistantSettingsForm status={current} />
      ) : (
        <>
          <dl className="facts">
            <dt>{t('assistant.settings.baseUrl')}</dt>
            <dd className="wrap-anywhere">{current.baseUrl ?? t('common.none')}</dd>
            <dt>{t('assistant.settings.model')}</dt>
            <dd>{current.model ?? t('common.none')}</dd>
          </dl>
          <p className="muted">{t('assistant.settings.adminOnly')}</p>
        </>
      )}
    </div>
  );
}
