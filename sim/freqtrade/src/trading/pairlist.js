function toRegex(pattern) {
  return new RegExp(`^${pattern}$`);
}

/** Expands wildcard pairs (for example `.*` + `/USDT`) against loaded markets; keeps literals when unknown. */
export function expandPairs(patterns, markets) {
  const out = [];
  for (const p of patterns) {
    if (!markets) {
      out.push(p);
      continue;
    }
    if (markets[p]) {
      out.push(p);
      continue;
    }
    let re;
    try {
      re = toRegex(p);
    } catch {
      continue;
    }
    for (const symbol of Object.keys(markets).sort()) if (re.test(symbol)) out.push(symbol);
  }
  return [...new Set(out)];
}

export function isValidWildcard(pattern) {
  try {
    toRegex(pattern);
    return true;
  } catch {
    return false;
  }
}

/** The active whitelist: StaticPairList minus expanded blacklist, restricted to active spot markets. */
export function computeWhitelist(bot) {
  const markets = bot.exchange.markets;
  const black = new Set(expandPairs(bot.blacklist, markets));
  return expandPairs(bot.config.exchange.pair_whitelist, markets).filter((p) => {
    if (black.has(p)) return false;
    if (!markets) return true;
    const m = markets[p];
    return m && m.active !== false && m.spot && m.quote === bot.config.stake_currency;
  });
}
