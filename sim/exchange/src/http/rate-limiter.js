// Request weight per IP per calendar minute, like Binance's REQUEST_WEIGHT limit: 429 past the limit,
// and a 418 ban for an IP that keeps sending while limited.

/** @param {{weightLimit:number, banSeconds:number, banAfterViolations:number}} opts */
export function createRateLimiter({ weightLimit, banSeconds, banAfterViolations }) {
  /** @type {Map<string, {minute:number, used:number, violations:number, bannedUntil:number}>} */
  let byIp = new Map();

  /**
   * Counts `weight` for `ip`.
   * @returns {{used:number, status:200|429|418, retryAfter?:number, bannedUntil?:number}}
   */
  function take(ip, weight, now) {
    const minute = Math.floor(now / 60000);
    let entry = byIp.get(ip);
    if (!entry) {
      entry = { minute, used: 0, violations: 0, bannedUntil: 0 };
      byIp.set(ip, entry);
    }
    if (entry.bannedUntil > now) {
      return {
        used: entry.used,
        status: 418,
        retryAfter: Math.ceil((entry.bannedUntil - now) / 1000),
        bannedUntil: entry.bannedUntil,
      };
    }
    if (entry.minute !== minute) {
      entry.minute = minute;
      entry.used = 0;
      entry.violations = 0;
    }
    entry.used += weight;
    if (entry.used <= weightLimit) return { used: entry.used, status: 200 };
    entry.violations += 1;
    if (entry.violations > banAfterViolations) {
      entry.bannedUntil = now + banSeconds * 1000;
      return {
        used: entry.used,
        status: 418,
        retryAfter: banSeconds,
        bannedUntil: entry.bannedUntil,
      };
    }
    return {
      used: entry.used,
      status: 429,
      retryAfter: Math.max(1, Math.ceil(((minute + 1) * 60000 - now) / 1000)),
    };
  }

  const usedWeight = (ip, now) => {
    const entry = byIp.get(ip);
    return entry && entry.minute === Math.floor(now / 60000) ? entry.used : 0;
  };

  return {
    take,
    usedWeight,
    reset: () => {
      byIp = new Map();
    },
  };
}
