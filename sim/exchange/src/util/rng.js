// Stateless hashing so any candle can be generated on its own, in any order, from (seed, symbol, time).

/** @param {...number} parts @returns {number} unsigned 32-bit hash */
export function hash32(...parts) {
  let h = 0x811c9dc5;
  for (const p of parts) {
    let x = p | 0;
    // Mix the high half too: day and hour indices exceed 32 bits only when multiplied.
    const hi = Math.floor(p / 4294967296) | 0;
    h = Math.imul(h ^ x, 0x9e3779b1);
    h ^= h >>> 15;
    x = hi;
    h = Math.imul(h ^ x, 0x85ebca77);
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** @param {string} text */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** Uniform in [0, 1) from a hash. */
export function unit(...parts) {
  return hash32(...parts) / 4294967296;
}

/** mulberry32: a small sequential generator for one subdivision. */
export function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gauss = () => {
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return { next, gauss };
}
