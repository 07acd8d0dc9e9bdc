import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { useI18n } from '../../../i18n/use-t';
import { ApiError } from '../../../lib/api-client';

/**
 * An action's refusal in words. A mode switch refused for open trades gets its own sentence: the
 * general one offers a choice (close or leave) that only stopping has.
 */
export function BotErrorMessage({
  error,
  isModeSwitch,
}: {
  error: unknown;
  isModeSwitch: boolean;
}) {
  const { t, formatNumber } = useI18n();
  if (isModeSwitch && error instanceof ApiError && error.code === 'bot-has-open-trades') {
    const count = error.details?.['count'];
    return (
      <Alert tone="error">
        {t('bots.modeOpenTrades', {
          count: typeof count === 'number' ? formatNumber(count) : '?',
        })}
      </Alert>
    );
  }
  return <ErrorMessage error={error} />;
}
