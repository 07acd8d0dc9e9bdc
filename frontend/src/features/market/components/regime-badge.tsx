import type { RegimeLabel } from '../../../../../backend/src/http/routes/market-schemas';
import { useT } from '../../../i18n/use-t';

/** A glyph per regime, so the label is never told by colour alone. */
const GLYPHS: Record<RegimeLabel, string> = {
  'trend-up': '▲',
  'trend-down': '▼',
  range: '↔',
  volatile: '↕',
  unknown: '…',
};

export function RegimeBadge({ label }: { label: RegimeLabel }) {
  const t = useT();
  return (
    <span className={`regime regime-${label}`}>
      <span className="dir-arrow" aria-hidden="true">
        {GLYPHS[label]}
      </span>
      {t(`market.regime.${label}`)}
    </span>
  );
}
