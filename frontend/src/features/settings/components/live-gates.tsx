import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/use-t';
import { useLiveGate } from '../api/get-live-gate';

function Gate({ isOpen, label, how }: { isOpen: boolean; label: string; how: ReactNode }) {
  const t = useT();
  return (
    <li className={isOpen ? 'check-ok' : 'check-bad'}>
      <span className="check-name">{label}</span>
      <span className="check-state">{t(isOpen ? 'live.gate.open' : 'live.gate.closed')}</span>
      {isOpen ? null : <span className="check-reason">{how}</span>}
    </li>
  );
}

/** The three gates every Live bot needs, each with what opens it when closed. */
export function LiveGates({ linkToSettings = false }: { linkToSettings?: boolean }) {
  const t = useT();
  const gate = useLiveGate();
  if (gate.isPending) return <Loading />;
  if (gate.error) return <ErrorMessage error={gate.error} />;
  const settingsLink = linkToSettings ? (
    <>
      {' '}
      <Link to={paths.settings.getHref()}>{t('live.gate.openSettings')}</Link>
    </>
  ) : null;
  return (
    <ul className="checks live-gates" aria-label={t('live.gate.label')}>
      <Gate
        isOpen={gate.data.environment}
        label={t('live.gate.environment')}
        how={t('live.gate.environmentHow')}
      />
      <Gate
        isOpen={gate.data.masterSwitch}
        label={t('live.gate.switch')}
        how={
          <>
            {t('live.gate.switchHow')}
            {settingsLink}
          </>
        }
      />
      <Gate
        isOpen={gate.data.key !== null}
        label={t('live.gate.key')}
        how={
          <>
            {t('live.gate.keyHow')}
            {settingsLink}
          </>
        }
      />
    </ul>
  );
}
