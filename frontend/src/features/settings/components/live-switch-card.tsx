import { useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/use-t';
import { useLiveGate } from '../api/get-live-gate';
import { useSetLiveSwitch } from '../api/set-live-switch';
import { LiveGates } from './live-gates';

/** Turning the switch either way needs the password again; turning it off pauses Live bots. */
function SwitchForm({ isOn }: { isOn: boolean }) {
  const t = useT();
  const change = useSetLiveSwitch();
  const [error, setError] = useState<string | undefined>();
  const [changed, setChanged] = useState<boolean | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const password = String(new FormData(form).get('password') ?? '');
    if (!password) {
      setError(t('form.required'));
      return;
    }
    setError(undefined);
    setChanged(null);
    change.mutate(
      { enabled: !isOn, password },
      {
        onSuccess: (gate) => {
          form.reset();
          setChanged(gate.masterSwitch);
        },
      },
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {changed !== null ? (
        <Alert tone="success">
          {t(changed ? 'live.switch.turnedOn' : 'live.switch.turnedOff')}
        </Alert>
      ) : null}
      {change.error ? <ErrorMessage error={change.error} /> : null}
      <p className="muted">{t(isOn ? 'live.switch.offExplain' : 'live.switch.onExplain')}</p>
      <TextField
        label={t('live.switch.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        error={error}
      />
      <div>
        <button
          type="submit"
          className={isOn ? 'button button-secondary' : 'button button-live'}
          disabled={change.isPending}
        >
          {change.isPending
            ? t('form.wait')
            : t(isOn ? 'live.switch.turnOff' : 'live.switch.turnOn')}
        </button>
      </div>
    </form>
  );
}

/** Both gates a Live bot needs from the installation, and (for admins) the panel's switch. */
export function LiveSwitchCard({ isAdmin }: { isAdmin: boolean }) {
  const t = useT();
  const gate = useLiveGate();
  return (
    <div className="stack">
      <p className="muted">{t('live.intro')}</p>
      <LiveGates />
      {gate.data ? (
        <p>
          <strong>{t(gate.data.masterSwitch ? 'live.switch.isOn' : 'live.switch.isOff')}</strong>
        </p>
      ) : null}
      {gate.data && isAdmin ? <SwitchForm isOn={gate.data.masterSwitch} /> : null}
      {!isAdmin ? <p className="muted">{t('live.readOnly')}</p> : null}
    </div>
  );
}
