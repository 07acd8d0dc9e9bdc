import { useT } from '../../../i18n/use-t';
import type { Toast } from '../hooks/use-toasts';

/**
 * The notices of fills and bot alerts. The live region is always in the page, so a screen reader
 * announces each notice as it is added; every notice has its own Dismiss button.
 */
export function ToastList({
  toasts,
  onDismiss,
}: {
  toasts: Toast[];
  onDismiss: (id: number) => void;
}) {
  const t = useT();
  return (
    <section className="toasts" aria-label={t('monitor.toast.region')}>
      <div role="log" aria-live="polite" aria-atomic="false" className="toast-stack">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            <div className="toast-text">
              <strong>{toast.title}</strong>
              {toast.body ? <span>{toast.body}</span> : null}
            </div>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('monitor.toast.dismiss', { title: toast.title })}
              onClick={() => onDismiss(toast.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
