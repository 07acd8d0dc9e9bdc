import { useI18n } from '../../../i18n/use-t';
import { ARROWS, directionOf, formatChangePct } from '../lib/figures';

/** A 24 h change (in %) with its arrow and sign; colour only repeats what they say. */
export function Change({ pct }: { pct: number | null }) {
  const i18n = useI18n();
  if (pct === null) return <span className="muted">{i18n.t('common.none')}</span>;
  const direction = directionOf(pct);
  return (
    <span className={`dir dir-${direction}`}>
      <span className="dir-arrow" aria-hidden="true">
        {ARROWS[direction]}
      </span>
      {formatChangePct(i18n, pct)}
    </span>
  );
}
