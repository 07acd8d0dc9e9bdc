import { useId } from 'react';

import { useT } from '../../../i18n/use-t';

/** Asks once at a time: while an answer is on its way the button waits, and says why. */
export function AskButton({
  onAsk,
  isPending,
  hasAnswer,
  label,
  canAsk,
}: {
  onAsk: () => void;
  isPending: boolean;
  hasAnswer: boolean;
  label: string;
  /** Asking spends the installation's token budget: admins only, as on the server. */
  canAsk: boolean;
}) {
  const t = useT();
  const hintId = useId();
  if (!canAsk) return <p className="muted small">{t('assistant.askAdminOnly')}</p>;
  return (
    <div className="ask">
      <button
        type="button"
        className="button"
        disabled={isPending}
        aria-describedby={isPending ? hintId : undefined}
        onClick={onAsk}
      >
        {isPending ? t('assistant.asking') : hasAnswer ? t('assistant.askAgain') : label}
      </button>
      {isPending ? (
        <p id={hintId} className="field-hint" role="status">
          {t('assistant.pendingHint')}
        </p>
      ) : null}
    </div>
  );
}
