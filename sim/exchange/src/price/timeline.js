// Wall-clock price of one symbol: the seeded model (sped up from start-up by `speed`) interleaved with
// control-surface overrides. Every candle is an aggregate of wall-time pieces, so adjacent candles
// and all timeframes stay consistent even across overrides.
import { combine, createPriceModel } from './price-model.js';

const SECOND_MS = 1000;

/**
 * @param {{seed:number, market: import('../market/catalogue.js').Market, speed:number, startMs:number}} opts
 */
export function createTimeline({ seed, market, speed, startMs }) {
  const model = createPriceModel({ seed, market });
  const anchor = Math.floor(startMs / 60000) * 60000;
  const initial = () => [
    { from: -Infinity, kind: 'model', wallAnchor: 0, virtAnchor: 0, speed: 1, factor: 1 },
    { from: anchor, kind: 'model', wallAnchor: anchor, virtAnchor: anchor, speed, factor: 1 },
  ];
  let segments = initial();

  const virtSecond = (seg, t) =>
    Math.floor((seg.virtAnchor + (t - seg.wallAnchor) * seg.speed) / SECOND_MS);
  const scale = (seg, ticks) =>
    seg.factor === 1 ? ticks : Math.max(1, Math.round(ticks * seg.factor));

  function segmentIndexAt(t) {
    let i = segments.length - 1;
    while (i > 0 && segments[i].from > t) i -= 1;
    return i;
  }

  function overridePrice(seg, t) {
    const pts = seg.points;
    if (t <= pts[0][0]) return pts[0][1];
    for (let i = 1; i < pts.length; i += 1) {
      const [t1, p1] = pts[i];
      if (t <= t1) {
        const [t0, p0] = pts[i - 1];
        return Math.round(p0 + ((p1 - p0) * (t - t0)) / (t1 - t0));
      }
    }
    return pts[pts.length - 1][1];
  }

  /** Price in ticks at wall time t. */
  function priceAt(t) {
    const seg = segments[segmentIndexAt(t)];
    if (seg.kind === 'override') return overridePrice(seg, t);
    return scale(seg, model.priceAt(virtSecond(seg, t)));
  }

  function modelPiece(seg, a, b) {
    const agg = model.aggregate(virtSecond(seg, a), virtSecond(seg, b));
    if (!agg) return null;
    return {
      o: scale(seg, agg.o),
      h: scale(seg, agg.h),
      l: scale(seg, agg.l),
      c: scale(seg, agg.c),
      v: agg.v,
      n: agg.n,
    };
  }

  function overridePiece(seg, a, b) {
    const o = overridePrice(seg, a);
    const c = overridePrice(seg, b);
    let h = Math.max(o, c);
    let l = Math.min(o, c);
    for (const [t, p] of seg.points) {
      if (t > a && t < b) {
        h = Math.max(h, p);
        l = Math.min(l, p);
      }
    }
    // Whole seconds inside the piece, so volume stays additive when pieces are split.
    const secs = Math.ceil(b / SECOND_MS) - Math.ceil(a / SECOND_MS);
    const perSecond = Math.max(1, Math.round(market.dailyVolumeSteps / 86400));
    return { o, h, l, c, v: secs * perSecond, n: secs };
  }

  /**
   * OHLCV (ticks, steps) over wall time [from, to). An empty range gives a flat candle at `from`.
   */
  function aggregate(from, to) {
    let acc = null;
    let i = segmentIndexAt(from);
    let a = from;
    while (a < to && i < segments.length) {
      const seg = segments[i];
      const next = segments[i + 1];
      const b = Math.min(to, next ? next.from : Infinity);
      const part = seg.kind === 'override' ? overridePiece(seg, a, b) : modelPiece(seg, a, b);
      if (part) acc = combine(acc, part);
      a = b;
      i += 1;
    }
    if (acc) return acc;
    const p = priceAt(from);
    return { o: p, h: p, l: p, c: p, v: 0, n: 0 };
  }

  function cut(now) {
    segments = segments.filter((s) => s.from < now);
  }

  /** Holds the price at `ticks` from `now` on. */
  function setPrice(now, ticks) {
    cut(now);
    segments.push({ from: now, kind: 'override', points: [[now, ticks]] });
  }

  /** Linear path from the current price through `points` ([{afterMs, ticks}]), then holds. */
  function script(now, points) {
    const current = priceAt(now);
    cut(now);
    const pts = points.map((p) => [now + p.afterMs, p.ticks]);
    if (pts.length === 0 || pts[0][0] > now) pts.unshift([now, current]);
    segments.push({ from: now, kind: 'override', points: pts });
  }

  /** The seeded path resumes, scaled so it continues from the current price. */
  function release(now) {
    if (!isOverridden(now)) return;
    const current = priceAt(now);
    const lastModel = [...segments].reverse().find((s) => s.kind === 'model');
    cut(now);
    const seg = { ...lastModel, from: now, factor: 1 };
    const raw = model.priceAt(virtSecond(seg, now));
    seg.factor = current / raw;
    segments.push(seg);
  }

  const isOverridden = (now) => segments[segmentIndexAt(now)].kind === 'override';

  function reset() {
    segments = initial();
  }

  return { aggregate, priceAt, setPrice, script, release, isOverridden, reset, market };
}
