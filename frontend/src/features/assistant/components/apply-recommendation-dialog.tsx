import type { Recommendation } from '../../../../../backend/src/http/routes/assistant-schemas';
import { Dialog } from '../../../components/ui/dialog';
import { useI18n } from '../../../i18n/use-t';
import type { ApplyMode } from '../lib/apply-recommendation';
import { formatSettingValue } from '../lib/values';

type Props = {
  botName: string;
  changes: Recommendation['changes'];
  /** The bot's process runs: the settings take effect by a restart now, or at its next start. */
  isRunning: boolean;
  onConfirm: (apply: ApplyMode) => void;
  onClose: () => void;
};

/** The one step before a recommendation is saved: the exact changes, and when they take effect. */
export function ApplyRecommendationDialog({
  botName,
  changes,
  isRunning,
  onConfirm,
  onClose,
}: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Dialog
      title={t('assistant.rec.confirmTitle', { count: changes.length, name: botName })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {isRunning ? (
            <>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => onConfirm('next-start')}
              >
                {t('assistant.rec.confirmNextStart')}
              </button>
              <button type="button" className="button" onClick={() => onConfirm('restart')}>
                {t('assistant.rec.confirmRestart')}
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => onConfirm('restart')}>
              {t('assistant.rec.confirm')}
            </button>
          )}
        </>
      }
    >
      <p>{t('assistant.rec.confirmBody')}</p>
      <ul className="plain-list">
        {changes.map((change) => (
          <li key={change.field}>
            <strong>{t(`assistant.field.${change.field}`)}</strong>:{' '}
            {formatSettingValue(i18n, change.field, change.from)} →{' '}
            {formatSettingValue(i18n, change.field, change.to)}
          </li>
        ))}
      </ul>
      {isRunning ? <p>{t('assistant.rec.runningNote')}</p> : null}
    </Dialog>
  );
}
