import { useI18n } from '../../../i18n/use-t';
import { directionOf, formatPrice } from '../lib/figures';
import { sparklinePoints } from '../lib/sparkline';

const WIDTH = 96;
const HEIGHT = 24;

/** The last closes as a small inline SVG line (no chart library), described in words. */
export function Sparkline({ values }: { values: readonly number[] }) {
  const i18n = useI18n();
  const first = values[0];
  const last = values[values.length - 1];
  if (values.length < 2 || first === undefined || last === undefined) {
    return <span className="muted">{i18n.t('common.none')}</span>;
  }
  const direction = directionOf(last - first);
  return (
    <svg
      className={`sparkline sparkline-${direction}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={i18n.t('market.sparkline.label', {
        count: values.length,
        first: formatPrice(i18n, first),
        last: formatPrice(i18n, last),
      })}
    >
      <polyline points={sparklinePoints(values, WIDTH, HEIGHT)} />
    </svg>
  );
}
