import { useState } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/use-t';
import { serverFieldErrors } from '../../../lib/form-errors';
import { CLOSE_ALL_PHRASE, useCloseAllPositions } from '../api/close-all-positions';
import type { CloseReport } from '../api/close-all-positions';
import { ModeBadge } from './badges';

const RESULT: Record<CloseReport['bots'][number]['result'], { key: MessageKey; tone: string }> = {
  closed: { key: 'monitor.closeAll.result.closed', tone: 'badge-ok' },
  pending: { key: 'monitor.closeAll.result.pending', tone: 'badge-warn' },
  failed: { key: 'monitor.closeAll.result.failed', tone: 'badge-bad' },
};

function Report({ report }: { report: CloseReport }) {
  const { t, formatNumber } = useI18n();
  const count = (value: number | null) =>
    value === null ? t('monitor.unknown') : formatNumber(value);
  if (report.bots.length === 0) return <p>{t('monitor.closeAll.noBots')}</p>;
  return (
    <div className="table-scroll">
      <table className="table" aria-label={t('monitor.closeAll.reportLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('monitor.col.bot')}</th>
            <th scope="col">{t('monitor.closeAll.result')}</th>
            <th scope="col">{t('monitor.closeAll.openBeforeAfter')}</th>
          </tr>
        </thead>
        <tbody>
          {report.bots.map((row) => (
            <tr key={row.botId}>
              <th scope="row">
                {row.name} <ModeBadge mode={row.mode} short />
                {row.startedPaused ? (
                  <span className="cell-note">{t('monitor.closeAll.startedPaused')}</span>
                ) : null}
              </th>
              <td>
                <span className={`badge ${RESULT[row.result].tone}`}>
                  {t(RESULT[row.result].key)}
                </span>
                {row.error ? <span className="cell-note">{row.error}</span> : null}
              </td>
              <td className="nowrap">
                {count(row.openBefore)} → {count(row.openAfter)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Emergency close-all: every bot is paused and every open trade sold at market. The user types
 * CLOSE ALL first; the answer (up to a minute later) is a report per bot.
 */
export function CloseAllButton() {
  const i18n = useI18n();
  const { t } = i18n;
  const closeAll = useCloseAllPositions();
  const [isOpen, setOpen] = useState(false);
  const [phrase, setPhrase] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const report = closeAll.data;
  const server = serverFieldErrors(closeAll.error, i18n);
  const isTyped = phrase.trim() === CLOSE_ALL_PHRASE;

  function open() {
    closeAll.reset();
    setPhrase('');
    setReason('');
    setTried(false);
    setOpen(true);
  }

  function close() {
    if (closeAll.isPending) return;
    setOpen(false);
  }

  function confirm() {
    setTried(true);
    if (!isTyped) return;
    closeAll.mutate({ confirm: CLOSE_ALL_PHRASE, reason: reason.trim() });
  }

  const phraseError =
    server['confirm'] ?? (tried && !isTyped ? t('monitor.closeAll.typeFirst') : undefined);

  return (
    <>
      <button type="button" className="button button-danger" onClick={open}>
        {t('monitor.closeAll.button')}
      </button>
      {isOpen ? (
        <Dialog
          title={t(report ? 'monitor.closeAll.reportTitle' : 'monitor.closeAll.title')}
          onClose={close}
          actions={
            report ? (
              <button type="button" className="button" onClick={close}>
                {t('common.close')}
              </button>
            ) : (
              <>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={closeAll.isPending}
                  onClick={close}
                >
                  {t('common.cancel')}
                </button>
                <button
                  type="button"
                  className="button button-danger"
                  disabled={closeAll.isPending || !isTyped}
                  onClick={confirm}
                >
                  {closeAll.isPending
                    ? t('monitor.closeAll.working')
                    : t('monitor.closeAll.confirm')}
                </button>
              </>
            )
          }
        >
          {report ? (
            <>
              <Alert
                tone={report.bots.every((row) => row.result === 'closed') ? 'success' : 'error'}
              >
                {t('monitor.closeAll.summary', {
                  closed: report.bots.filter((row) => row.result === 'closed').length,
                  total: report.bots.length,
                })}
              </Alert>
              <Report report={report} />
            </>
          ) : (
            <>
              <p>{t('monitor.closeAll.body')}</p>
              <TextField
                label={t('monitor.closeAll.phraseLabel', { phrase: CLOSE_ALL_PHRASE })}
                value={phrase}
                autoComplete="off"
                spellCheck={false}
                autoCapitalize="characters"
                error={phraseError}
                disabled={closeAll.isPending}
                onChange={(event) => setPhrase(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') confirm();
                }}
              />
              <TextField
                label={t('monitor.closeAll.reason')}
                value={reason}
                maxLength={500}
                error={server['reason']}
                disabled={closeAll.isPending}
                onChange={(event) => setReason(event.target.value)}
              />
              {closeAll.isPending ? <p role="status">{t('monitor.closeAll.waiting')}</p> : null}
              {closeAll.error ? <ErrorMessage error={closeAll.error} /> : null}
            </>
          )}
        </Dialog>
      ) : null}
    </>
  );
}
