// Validates startExchange options (the CLI feeds the same function), naming the bad field.
import { DEFAULT_KEYS, DEFAULT_RIGHTS } from './engine/accounts.js';
import { DEFAULT_SYMBOLS } from './market/catalogue.js';
import { toUnits } from './util/decimal.js';

function int(value, field, min, max, fallback) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${field}: expected an integer ${min}-${max}`);
  return value;
}

/** @throws {Error} whose message starts with the bad option's name */
export function resolveOptions(input = {}) {
  if (typeof input !== 'object' || input === null) throw new Error('options: expected an object');
  const speed = input.speed ?? 1;
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > 100000) {
    throw new Error('speed: expected a number > 0 and <= 100000');
  }
  const symbols = input.symbols ?? DEFAULT_SYMBOLS;
  if (
    !Array.isArray(symbols) ||
    symbols.length === 0 ||
    symbols.some((s) => typeof s !== 'string')
  ) {
    throw new Error('symbols: expected a non-empty array of symbol strings');
  }
  const host = input.host ?? '127.0.0.1';
  if (typeof host !== 'string' || host === '') throw new Error('host: expected a string');
  const keys = input.keys ?? DEFAULT_KEYS;
  if (!Array.isArray(keys))
    throw new Error('keys: expected an array of {apiKey, secret, balances?, rights?}');
  const parsedKeys = keys.map((k, i) => {
    if (!k || typeof k.apiKey !== 'string' || typeof k.secret !== 'string')
      throw new Error(`keys[${i}]: apiKey and secret strings are required`);
    const balances = {};
    for (const [asset, amount] of Object.entries(k.balances ?? {})) {
      const units = typeof amount === 'bigint' ? amount : toUnits(amount);
      if (units === null)
        throw new Error(`keys[${i}].balances.${asset}: expected a non-negative amount`);
      balances[asset] = units;
    }
    const rights = k.rights ?? {};
    for (const [name, value] of Object.entries(rights)) {
      const ok = name === 'ipWhitelist' ? Array.isArray(value) : typeof value === 'boolean';
      if (!(name in DEFAULT_RIGHTS) || !ok)
        throw new Error(`keys[${i}].rights.${name}: unknown right or wrong type`);
    }
    return { apiKey: k.apiKey, secret: k.secret, balances, rights };
  });
  return {
    port: int(input.port, 'port', 0, 65535, 0),
    host,
    symbols,
    seed: int(input.seed, 'seed', 0, 2 ** 31 - 1, 1),
    speed,
    weightLimit: int(input.weightLimit, 'weightLimit', 1, 10_000_000, 6000),
    sapiWeightLimit: 12000,
    banSeconds: int(input.banSeconds, 'banSeconds', 1, 3 * 86400, 120),
    banAfterViolations: int(input.banAfterViolations, 'banAfterViolations', 0, 1000, 5),
    logRequests: Boolean(input.logRequests),
    clockOffsetMs: int(input.clockOffsetMs, 'clockOffsetMs', -86400000, 86400000, 0),
    keys: parsedKeys,
  };
}
