import { useState } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { Dialog } from '../../../components/ui/dialog';
import { Loading } from '../../../components/ui/loading';
import { useI18n } from '../../../i18n/use-t';
import { useDeleteExchangeKey } from '../api/delete-exchange-key';
import { useExchangeKey } from '../api/get-exchange-key';
import type { ExchangeKeyInfo } from '../api/get-exchange-key';
import type { SavedKey } from '../api/save-exchange-key';
import { ExchangeKeyForm } from './exchange-key-form';

function KeyFacts({ info }: { info: ExchangeKeyInfo }) {
  const { t, formatDateTime } = useI18n();
  const yesNo = (value: boolean) => t(value ? 'common.yes' : 'common.no');
  return (
    <>
      <dl className="facts">
        <dt>{t('exchange.hint')}</dt>
        <dd>
          <code>…{info.hint}</code>
        </dd>
        <dt>{t('exchange.canTrade')}</dt>
        <dd>{yesNo(info.canTrade)}</dd>
        <dt>{t('exchange.canWithdraw')}</dt>
        <dd>{yesNo(info.canWithdraw)}</dd>
        <dt>{t('exchange.ipRestricted')}</dt>
        <dd>{yesNo(info.ipRestricted)}</dd>
        <dt>{t('exchange.checkedAt')}</dt>
        <dd>{formatDateTime(new Date(info.checkedAt))}</dd>
      </dl>
      {info.warnings.map((warning) => (
        <Alert key={warning} tone="info">
          {warning === 'no-ip-restriction' ? (
            t('exchange.warning.noIp')
          ) : (
            <span lang="en">{warning}</span>
          )}
        </Alert>
      ))}
    </>
  );
}

function Balances({ balances }: { balances: SavedKey['balances'] }) {
  const { t, formatNumber } = useI18n();
  if (balances.length === 0) return <p className="muted">{t('exchange.noBalances')}</p>;
  const amount = (n: number) => formatNumber(n, { maximumFractionDigits: 8 });
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="sr-only">{t('exchange.balances')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exchange.asset')}</th>
            <th scope="col">{t('exchange.free')}</th>
            <th scope="col">{t('exchange.locked')}</th>
          </tr>
        </thead>
        <tbody>
          {balances.map((balance) => (
            <tr key={balance.asset}>
              <td>{balance.asset}</td>
              <td>{amount(balance.free)}</td>
              <td>{amount(balance.locked)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The installation's one Binance key: saved once (checked by Binance), then only its hint shows. */
export function ExchangeKeyCard({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useI18n();
  const key = useExchangeKey();
  const remove = useDeleteExchangeKey();
  const [saved, setSaved] = useState<SavedKey | null>(null);
  const [confirming, setConfirming] = useState(false);
  if (key.isPending) return <Loading />;
  if (key.error) return <ErrorMessage error={key.error} />;
  const info = key.data.key;
  return (
    <div className="stack">
      <p className="muted">{t('exchange.intro')}</p>
      {info ? <KeyFacts info={info} /> : <p>{t('exchange.none')}</p>}
      {saved ? (
        <>
          <Alert tone="success">{t('exchange.saved')}</Alert>
          <h3>{t('exchange.balances')}</h3>
          <Balances balances={saved.balances} />
        </>
      ) : null}
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
      {isAdmin ? (
        <ExchangeKeyForm hasKey={info !== null} onSaved={setSaved} />
      ) : (
        <p className="muted">{t('exchange.readOnly')}</p>
      )}
      {isAdmin && info ? (
        <div>
          <button
            type="button"
            className="button button-danger"
            onClick={() => setConfirming(true)}
          >
            {t('exchange.remove')}
          </button>
        </div>
      ) : null}
      {confirming ? (
        <Dialog
          title={t('exchange.removeTitle')}
          onClose={() => setConfirming(false)}
          actions={
            <>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setConfirming(false)}
              >
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  setConfirming(false);
                  setSaved(null);
                  remove.mutate();
                }}
              >
                {t('exchange.remove')}
              </button>
            </>
          }
        >
          <p>{t('exchange.removeBody')}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
