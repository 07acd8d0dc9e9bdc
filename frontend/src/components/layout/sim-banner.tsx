import { useT } from '../../i18n/use-t';

/** Shown on every page while the orchestrator runs against the simulators, never hidden. */
export function SimBanner() {
  const t = useT();
  return (
    <div className="sim-banner" role="note">
      {t('app.simBanner')}
    </div>
  );
}
