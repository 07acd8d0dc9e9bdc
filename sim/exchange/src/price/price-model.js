// Deterministic price path generated top-down: day candles come from smooth seeded noise, then each
// day is split into 24 hours, each hour into 60 minutes and each minute into 60 seconds with a
// Brownian bridge that keeps the parent's open, high, low, close and volume exactly. Any range of
// seconds can therefore be aggregated from the coarsest whole pieces, and every timeframe agrees.
import { boundedCache } from '../util/bounded-cache.js';
import { hash32, hashString, makeRng, unit } from '../util/rng.js';

const DAY = 86400;
const HOUR = 3600;
const MINUTE = 60;
// Long waves give trends, short ones give swings; amplitudes are in log-price.
const OCTAVES = [
  [400, 0.3],
  [120, 0.18],
  [36, 0.1],
  [11, 0.06],
  [3.5, 0.035],
  [1.3, 0.02],
];

// Floored modulo: the path is defined before 1970 too, where % would go negative.
const mod = (a, n) => ((a % n) + n) % n;

/** @typedef {{o:number,h:number,l:number,c:number,v:number,n:number}} Candle prices in ticks, volume in steps */

function smoothNoise(key, octave, x) {
  const i = Math.floor(x);
  const f = x - i;
  const a = unit(key, octave, i) * 2 - 1;
  const b = unit(key, octave, i + 1) * 2 - 1;
  const s = f * f * (3 - 2 * f);
  return a + (b - a) * s;
}

/**
 * @param {{o:number,h:number,l:number,c:number,v:number,n:number}} parent
 * @param {number} count
 * @param {number} seed
 * @returns {Candle[]}
 */
export function subdivide(parent, count, seed) {
  const rng = makeRng(seed);
  const { o, h, l, c } = parent;
  const walk = [0];
  for (let i = 1; i <= count; i += 1) walk.push(walk[i - 1] + rng.gauss());
  const end = walk[count];
  let maxAbs = 1e-9;
  const bridge = walk.map((w, i) => {
    const x = w - (end * i) / count;
    maxAbs = Math.max(maxAbs, Math.abs(x));
    return x;
  });
  const amp = (h - l) * (0.25 + 0.35 * rng.next());
  const points = bridge.map((x, i) => {
    if (i === 0) return o;
    if (i === count) return c;
    const p = Math.round(o + ((c - o) * i) / count + (x / maxAbs) * amp);
    return Math.min(h, Math.max(l, p));
  });
  const children = [];
  let hiIndex = 0;
  let loIndex = 0;
  for (let i = 0; i < count; i += 1) {
    const co = points[i];
    const cc = points[i + 1];
    const top = Math.max(co, cc);
    const bottom = Math.min(co, cc);
    children.push({
      o: co,
      c: cc,
      h: top + Math.floor(rng.next() ** 3 * (h - top) * 0.5),
      l: bottom - Math.floor(rng.next() ** 3 * (bottom - l) * 0.5),
      v: 0,
      n: 0,
    });
    if (top > Math.max(points[hiIndex], points[hiIndex + 1])) hiIndex = i;
    if (bottom < Math.min(points[loIndex], points[loIndex + 1])) loIndex = i;
  }
  children[hiIndex].h = h;
  children[loIndex].l = l;
  splitInteger(parent.v, children, 'v', rng, h - l);
  splitInteger(parent.n, children, 'n', rng, h - l);
  return children;
}

function splitInteger(total, children, field, rng, range) {
  const weights = children.map(
    (ch) => 0.3 + rng.next() + (3 * Math.abs(ch.c - ch.o)) / Math.max(range, 1),
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  children.forEach((ch, i) => {
    ch[field] = Math.floor((total * weights[i]) / sum);
    given += ch[field];
  });
  let rest = total - given;
  for (let i = 0; rest > 0; i = (i + 7) % children.length, rest -= 1) children[i][field] += 1;
}

/** Combines consecutive candles into one (first open, last close, extremes, sums). */
export function combine(a, b) {
  if (!a) return b;
  return {
    o: a.o,
    c: b.c,
    h: Math.max(a.h, b.h),
    l: Math.min(a.l, b.l),
    v: a.v + b.v,
    n: a.n + b.n,
  };
}

/** @param {{seed:number, market: import('../market/catalogue.js').Market}} opts */
export function createPriceModel({ seed, market }) {
  const key = hash32(seed, hashString(market.symbol));
  const logBase = Math.log(market.basePrice);
  const dailyTrades = Math.round(market.dailyVolumeSteps / 50) + 50000;
  const days = boundedCache(4000);
  const hours = boundedCache(2000);
  const minutes = boundedCache(6000);
  const seconds = boundedCache(600);

  function closeTicks(day) {
    let x = logBase;
    for (let j = 0; j < OCTAVES.length; j += 1) {
      const [period, amp] = OCTAVES[j];
      x += amp * smoothNoise(key, j, day / period);
    }
    x += (unit(key, 99, day) * 2 - 1) * market.dailyVol * 0.4;
    return Math.max(1, Math.round(Math.exp(x) / market.tick));
  }

  function dayCandle(day) {
    return days.get(day, () => {
      const o = closeTicks(day - 1);
      const c = closeTicks(day);
      const spread = market.dailyVol * 0.7;
      const h = Math.ceil(Math.max(o, c) * (1 + unit(key, 101, day) * spread));
      const l = Math.max(1, Math.floor(Math.min(o, c) * (1 - unit(key, 102, day) * spread)));
      const move = Math.abs(c - o) / o;
      const volumeFactor = (0.5 + unit(key, 103, day)) * (1 + 5 * move);
      return {
        o,
        h,
        l,
        c,
        v: Math.round(market.dailyVolumeSteps * volumeFactor),
        n: Math.round(dailyTrades * volumeFactor),
      };
    });
  }

  const hourCandles = (day) =>
    hours.get(day, () => subdivide(dayCandle(day), 24, hash32(key, 1, day)));
  const minuteCandles = (hour) =>
    minutes.get(hour, () =>
      subdivide(hourCandles(Math.floor(hour / 24))[mod(hour, 24)], 60, hash32(key, 2, hour)),
    );
  const secondCandles = (minute) =>
    seconds.get(minute, () =>
      subdivide(
        minuteCandles(Math.floor(minute / 60))[mod(minute, 60)],
        60,
        hash32(key, 3, minute),
      ),
    );

  /** @returns {Candle} the candle of one aligned piece of `size` seconds starting at `start` */
  function piece(start, size) {
    if (size === DAY) return dayCandle(start / DAY);
    if (size === HOUR) return hourCandles(Math.floor(start / DAY))[mod(start, DAY) / HOUR];
    if (size === MINUTE) return minuteCandles(Math.floor(start / HOUR))[mod(start, HOUR) / MINUTE];
    return secondCandles(Math.floor(start / MINUTE))[mod(start, MINUTE)];
  }

  /**
   * Aggregate over whole seconds [start, end). Returns null for an empty range.
   * @returns {Candle | null}
   */
  function aggregate(start, end) {
    let acc = null;
    let s = start;
    while (s < end) {
      let size = 1;
      if (mod(s, DAY) === 0 && s + DAY <= end) size = DAY;
      else if (mod(s, HOUR) === 0 && s + HOUR <= end) size = HOUR;
      else if (mod(s, MINUTE) === 0 && s + MINUTE <= end) size = MINUTE;
      acc = combine(acc, piece(s, size));
      s += size;
    }
    return acc;
  }

  /** Price (ticks) at the start of second `s`. */
  const priceAt = (s) => piece(s, 1).o;

  return { aggregate, priceAt, market };
}
