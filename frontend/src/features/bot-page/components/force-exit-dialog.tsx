import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { Dialog } from '../../../components/ui/dialog';
import { useT } from '../../../i18n/use-t';
import { ApiError } from '../../../lib/api-client';
import { useForceExit } from '../api/force-exit';

type Props = {
  botId: number;
  botName: string;
  /** One trade, or every open trade of the bot. */
  target: { tradeId: number; pair: string } | { tradeId: 'all'; count: number };
  onDone: () => void;
  onClose: () => void;
};

function ExitError({ error }: { error: unknown }) {
  const t = useT();
  if (error instanceof ApiError && error.status === 404 && error.code === 'not-found') {
    return <Alert tone="error">{t('botPage.exit.notOpen')}</Alert>;
  }
  return <ErrorMessage error={error} />;
}

/** Asks before selling at market price: a forced exit cannot be undone. */
export function ForceExitDialog({ botId, botName, target, onDone, onClose }: Props) {
  const t = useT();
  const exit = useForceExit();
  const all = target.tradeId === 'all';
  return (
    <Dialog
      title={
        'pair' in target
          ? t('botPage.exit.oneTitle', { id: target.tradeId, pair: target.pair })
          : t('botPage.exit.allTitle', { name: botName })
      }
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={exit.isPending}
            onClick={() => exit.mutate({ botId, tradeId: target.tradeId }, { onSuccess: onDone })}
          >
            {exit.isPending
              ? t('form.wait')
              : t(all ? 'botPage.exit.allConfirm' : 'botPage.exit.oneConfirm')}
          </button>
        </>
      }
    >
      <p>
        {'count' in target
          ? t('botPage.exit.allBody', { count: target.count, name: botName })
          : t('botPage.exit.oneBody', { pair: target.pair })}
      </p>
      {exit.error ? <ExitError error={exit.error} /> : null}
    </Dialog>
  );
}
