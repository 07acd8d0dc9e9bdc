import { useState } from 'react';

import { Alert } from '../../../components/ui/alert';
import { useT } from '../../../i18n/use-t';
import { notificationApi, readFillPreference, writeFillPreference } from '../lib/alert-preferences';
import { beep } from '../lib/beep';

/**
 * This browser's choices for fills on the dashboard: a beep and a system notification, both off
 * until turned on. Turning notifications on asks the browser's permission.
 */
export function FillAlertsCard() {
  const t = useT();
  const [sound, setSound] = useState(() => readFillPreference('sound'));
  const [notification, setNotification] = useState(
    () => readFillPreference('notification') && notificationApi()?.permission === 'granted',
  );
  const [problem, setProblem] = useState<'unsupported' | 'denied' | null>(null);

  function toggleSound(isOn: boolean) {
    writeFillPreference('sound', isOn);
    setSound(isOn);
    // The click is the user gesture that lets the browser start audio; it doubles as a preview.
    if (isOn) beep();
  }

  async function toggleNotification(isOn: boolean) {
    setProblem(null);
    if (!isOn) {
      writeFillPreference('notification', false);
      setNotification(false);
      return;
    }
    const Api = notificationApi();
    if (!Api) {
      setProblem('unsupported');
      return;
    }
    const permission =
      Api.permission === 'default' ? await Api.requestPermission() : Api.permission;
    if (permission !== 'granted') {
      setProblem('denied');
      return;
    }
    writeFillPreference('notification', true);
    setNotification(true);
  }

  return (
    <div className="stack">
      <p className="muted">{t('monitor.prefs.intro')}</p>
      <label className="radio">
        <input
          type="checkbox"
          checked={sound}
          onChange={(event) => toggleSound(event.target.checked)}
        />
        {t('monitor.prefs.sound')}
      </label>
      <label className="radio">
        <input
          type="checkbox"
          checked={notification}
          onChange={(event) => void toggleNotification(event.target.checked)}
        />
        {t('monitor.prefs.notification')}
      </label>
      {problem ? (
        <Alert tone="error">
          {t(problem === 'unsupported' ? 'monitor.prefs.unsupported' : 'monitor.prefs.denied')}
        </Alert>
      ) : null}
    </div>
  );
}
