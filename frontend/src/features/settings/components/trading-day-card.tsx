import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/use-t';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useTradingSettings } from '../api/get-trading-settings';
import { useSaveTradingSettings } from '../api/save-trading-settings';

/** The zones this browser knows, offered as suggestions; the server decides what it accepts. */
function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

function Editor({ initial }: { initial: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const save = useSaveTradingSettings();
  const [timeZone, setTimeZone] = useState(initial);
  const zones = useMemo(knownZones, []);
  const listId = useId();
  const server = serverFieldErrors(save.error, i18n);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ timeZone: timeZone.trim() });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      {save.isSuccess ? (
        <Alert tone="success">{t('tradingDay.saved', { timeZone: save.data.timeZone })}</Alert>
      ) : null}
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <TextField
        label={t('tradingDay.timeZone')}
        hint={t('tradingDay.hint')}
        value={timeZone}
        list={zones.length > 0 ? listId : undefined}
        autoComplete="off"
        spellCheck={false}
        error={server['timeZone']}
        onChange={(event) => setTimeZone(event.target.value)}
      />
      {zones.length > 0 ? (
        <datalist id={listId}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      ) : null}
      <div>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('form.wait') : t('tradingDay.save')}
        </button>
      </div>
    </form>
  );
}

/** When "today" starts for every figure and limit: midnight in one IANA time zone. */
export function TradingDayCard({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useI18n();
  const trading = useTradingSettings();
  if (trading.isPending) return <Loading />;
  if (trading.error) return <ErrorMessage error={trading.error} />;
  return (
    <div className="stack">
      <p className="muted">{t('tradingDay.intro')}</p>
      {isAdmin ? (
        <Editor initial={trading.data.timeZone} />
      ) : (
        <>
          <dl className="facts">
            <dt>{t('tradingDay.timeZone')}</dt>
            <dd>{trading.data.timeZone}</dd>
          </dl>
          <p className="muted">{t('tradingDay.adminOnly')}</p>
        </>
      )}
    </div>
  );
}
