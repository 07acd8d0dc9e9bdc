import { useId, useState } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { Dialog } from '../../../components/ui/dialog';
import { useT } from '../../../i18n/use-t';
import { usePauseAllBots } from '../api/pause-all-bots';
import { useStopAllBots } from '../api/stop-all-bots';

type Kind = 'pause' | 'stop';

/** Emergency buttons for every bot at once, each confirmed; the reason goes to the audit log. */
export function EmergencyBar() {
  const t = useT();
  const pauseAll = usePauseAllBots();
  const stopAll = useStopAllBots();
  const [asking, setAsking] = useState<Kind | null>(null);
  const [done, setDone] = useState<Kind | null>(null);
  const reasonId = useId();
  const mutation = asking === 'stop' ? stopAll : pauseAll;
  const [reason, setReason] = useState('');

  function confirm() {
    if (!asking) return;
    const kind = asking;
    mutation.mutate(reason.trim(), {
      onSuccess: () => {
        setDone(kind);
        setAsking(null);
        setReason('');
      },
    });
  }

  function open(kind: Kind) {
    setDone(null);
    pauseAll.reset();
    stopAll.reset();
    setAsking(kind);
  }

  return (
    <section className="emergency" aria-label={t('bots.emergency.label')}>
      <div className="actions">
        <button type="button" className="button button-danger" onClick={() => open('pause')}>
          {t('bots.emergency.pauseAll')}
        </button>
        <button type="button" className="button button-danger" onClick={() => open('stop')}>
          {t('bots.emergency.stopAll')}
        </button>
      </div>
      {done ? (
        <Alert tone="success">
          {t(done === 'stop' ? 'bots.emergency.stopped' : 'bots.emergency.paused')}
        </Alert>
      ) : null}
      {asking ? (
        <Dialog
          title={t(asking === 'stop' ? 'bots.emergency.stopTitle' : 'bots.emergency.pauseTitle')}
          onClose={() => setAsking(null)}
          actions={
            <>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setAsking(null)}
              >
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button button-danger"
                disabled={mutation.isPending}
                onClick={confirm}
              >
                {mutation.isPending
                  ? t('form.wait')
                  : t(asking === 'stop' ? 'bots.emergency.stopAll' : 'bots.emergency.pauseAll')}
              </button>
            </>
          }
        >
          <p>{t(asking === 'stop' ? 'bots.emergency.stopBody' : 'bots.emergency.pauseBody')}</p>
          <div className="field">
            <label htmlFor={reasonId}>{t('bots.emergency.reason')}</label>
            <input
              id={reasonId}
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          {mutation.error ? <ErrorMessage error={mutation.error} /> : null}
        </Dialog>
      ) : null}
    </section>
  );
}
