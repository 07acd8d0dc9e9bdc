// In-process control of the simulator; the HTTP control surface calls exactly these operations.
import { DEFAULT_RIGHTS } from '../engine/accounts.js';
import { parseFault } from '../http/faults.js';
import { toUnits } from '../util/decimal.js';

/** A control-surface input error; `message` names the field. */
export class ControlError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// A scripted path may reach at most 30 days ahead.
const MAX_SCRIPT_MS = 30 * 86400000;

const bad = (msg) => new ControlError(400, msg);
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function parseBalances(input, field = 'balances') {
  if (!isObject(input)) throw bad(`${field}: expected an object of ASSET: amount`);
  const out = {};
  for (const [asset, amount] of Object.entries(input)) {
    if (!/^[A-Z0-9]{1,20}$/.test(asset))
      throw bad(`${field}.${asset}: asset names are upper-case letters/digits`);
    const units = toUnits(amount);
    if (units === null) throw bad(`${field}.${asset}: expected a non-negative decimal amount`);
    out[asset] = units;
  }
  return out;
}

function parseRights(input) {
  if (!isObject(input)) throw bad('rights: expected an object');
  const out = {};
  for (const [name, value] of Object.entries(input)) {
    if (!(name in DEFAULT_RIGHTS)) throw bad(`rights.${name}: unknown right`);
    if (name === 'ipWhitelist') {
      if (!Array.isArray(value) || value.some((ip) => typeof ip !== 'string'))
        throw bad('rights.ipWhitelist: expected an array of IP strings');
    } else if (typeof value !== 'boolean') {
      throw bad(`rights.${name}: expected a boolean`);
    }
    out[name] = value;
  }
  return out;
}

function keyString(value, field) {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[A-Za-z0-9_\-.]{1,128}$/.test(value))
    throw bad(`${field}: expected 1-128 letters, digits, '_', '-', '.'`);
  return value;
}

/** @param {any} ctx */
export function createControl(ctx) {
  const { accounts, engine, markets, data } = ctx;

  const account = (apiKey) => {
    const a = accounts.get(apiKey);
    if (!a) throw new ControlError(404, `apiKey: no such key`);
    return a;
  };
  const timeline = (symbol) => {
    if (typeof symbol !== 'string' || !markets.has(symbol))
      throw new ControlError(404, `symbol: unknown symbol ${String(symbol).slice(0, 20)}`);
    return data.timeline(symbol);
  };
  const priceTicks = (symbol, price, field = 'price') => {
    const units = toUnits(price);
    const market = markets.get(symbol);
    if (units === null || units <= 0n) throw bad(`${field}: expected a positive decimal price`);
    return Number(units / market.tickUnits) || 1;
  };
  const priceView = (symbol) => {
    const now = ctx.clock.now();
    return {
      symbol,
      price: data.lastPrice(markets.get(symbol), now),
      overridden: data.timeline(symbol).isOverridden(now),
    };
  };

  return {
    createKey(input = {}) {
      if (!isObject(input)) throw bad('body: expected a JSON object');
      const apiKey = keyString(input.apiKey, 'apiKey');
      const secret = keyString(input.secret, 'secret');
      const balances = input.balances === undefined ? {} : parseBalances(input.balances);
      const rights = input.rights === undefined ? {} : parseRights(input.rights);
      if (apiKey) engine.dropAccount(apiKey);
      const created = accounts.create({ apiKey, secret, balances, rights }, ctx.clock.now());
      return { ...accounts.view(created), secret: created.secret };
    },
    deleteKey(apiKey) {
      account(apiKey);
      engine.dropAccount(apiKey);
      accounts.remove(apiKey);
    },
    setBalances(apiKey, balances) {
      const a = account(apiKey);
      for (const [asset, units] of Object.entries(parseBalances(balances, 'body')))
        accounts.balance(a, asset).free = units;
      return accounts.view(a);
    },
    getAccount: (apiKey) => accounts.view(account(apiKey)),
    setKeyRights(apiKey, rights) {
      const a = account(apiKey);
      a.rights = { ...a.rights, ...parseRights(rights) };
      return accounts.view(a);
    },
    setPrice(symbol, price) {
      const t = timeline(symbol);
      t.setPrice(ctx.clock.now(), priceTicks(symbol, price));
      return priceView(symbol);
    },
    scriptPrice(symbol, points) {
      const t = timeline(symbol);
      if (!Array.isArray(points) || points.length === 0)
        throw bad('points: expected a non-empty array of {afterMs, price}');
      let last = -1;
      const parsed = points.map((p, i) => {
        if (
          !isObject(p) ||
          !Number.isInteger(p.afterMs) ||
          p.afterMs < 0 ||
          p.afterMs > MAX_SCRIPT_MS
        )
          throw bad(`points[${i}].afterMs: expected an integer 0-${MAX_SCRIPT_MS}`);
        if (p.afterMs < last) throw bad(`points[${i}].afterMs: must not decrease`);
        last = p.afterMs;
        return { afterMs: p.afterMs, ticks: priceTicks(symbol, p.price, `points[${i}].price`) };
      });
      t.script(ctx.clock.now(), parsed);
      return priceView(symbol);
    },
    releasePrice(symbol) {
      timeline(symbol).release(ctx.clock.now());
      return priceView(symbol);
    },
    getPrice(symbol) {
      timeline(symbol);
      return priceView(symbol).price;
    },
    priceView: (symbol) => (timeline(symbol), priceView(symbol)),
    addFault(input) {
      const { fault, error } = parseFault(input);
      if (error) throw bad(error);
      return ctx.faults.add(fault);
    },
    /** exchangeInfo's `status` of a pair (`BREAK`, `HALT`, … as Binance lists a delisted one). */
    setMarketStatus(symbol, status) {
      const market = markets.get(symbol);
      if (!market) throw bad(`symbol: unknown symbol ${symbol}`);
      if (typeof status !== 'string' || !/^[A-Z_]{1,20}$/.test(status))
        throw bad('status: expected an upper-case word such as TRADING or BREAK');
      if (status === 'TRADING') delete market.status;
      else market.status = status;
      return { symbol, status };
    },
    listSymbols: () => [...markets.keys()],
    listFaults: () => ctx.faults.list(),
    removeFault: (id) => ctx.faults.remove(id),
    clearFaults: () => ctx.faults.clear(),
    requestLog: (filter = {}) => ctx.log.list(filter),
    clearRequestLog: () => ctx.log.clear(),
    setClockOffset(ms) {
      if (!Number.isInteger(ms) || Math.abs(ms) > 86400000)
        throw bad('offsetMs: expected an integer within ±86400000');
      ctx.clock.offsetMs = ms;
      return { offsetMs: ms };
    },
    reset() {
      accounts.reset();
      engine.reset();
      for (const symbol of markets.keys()) data.timeline(symbol).reset();
      for (const market of markets.values()) delete market.status;
      ctx.faults.clear();
      ctx.log.clear();
      ctx.limiter.reset();
      ctx.sapiLimiter.reset();
      ctx.clock.offsetMs = ctx.options.clockOffsetMs;
      for (const socket of ctx.hanging) socket.destroy();
      ctx.hanging.clear();
    },
  };
}
