// API keys with their balances and rights. Balances are BigInt 1e-8 units split into free and locked.
import { randomBytes } from 'node:crypto';

import { formatUnits } from '../util/decimal.js';

export const DEFAULT_RIGHTS = Object.freeze({
  ipRestrict: false,
  enableReading: true,
  enableSpotAndMarginTrading: true,
  enableWithdrawals: false,
  enableInternalTransfer: false,
  enableMargin: false,
  enableFutures: false,
  permitsUniversalTransfer: false,
  enableVanillaOptions: false,
  enableFixApiTrade: false,
  enableFixReadOnly: false,
  enablePortfolioMarginTrading: false,
  ipWhitelist: [],
});

export const DEFAULT_KEYS = [
  { apiKey: 'sim-key', secret: 'sim-secret', balances: { USDT: 10000n * 100000000n } },
];

/**
 * @param {Array<{apiKey:string, secret:string, balances?:Record<string, bigint>, rights?:object}>} initialKeys
 *   balances already converted to 1e-8 units
 */
export function createAccounts(initialKeys) {
  /** @type {Map<string, any>} */
  let keys = new Map();
  let nextUid = 1000001;

  function create({ apiKey, secret, balances = {}, rights = {} }, now = Date.now()) {
    const key = apiKey ?? randomBytes(24).toString('hex');
    const account = {
      apiKey: key,
      secret: secret ?? randomBytes(32).toString('hex'),
      balances: new Map(),
      rights: { ...DEFAULT_RIGHTS, ...rights },
      createTime: now,
      updateTime: now,
      uid: nextUid,
    };
    nextUid += 1;
    for (const [asset, free] of Object.entries(balances))
      account.balances.set(asset, { free, locked: 0n });
    keys.set(key, account);
    return account;
  }

  function balance(account, asset) {
    let entry = account.balances.get(asset);
    if (!entry) {
      entry = { free: 0n, locked: 0n };
      account.balances.set(asset, entry);
    }
    return entry;
  }

  /** Moves `amount` from free to locked; false when free is short. */
  function lock(account, asset, amount) {
    const entry = balance(account, asset);
    if (entry.free < amount) return false;
    entry.free -= amount;
    entry.locked += amount;
    return true;
  }

  function unlock(account, asset, amount) {
    const entry = balance(account, asset);
    entry.locked -= amount;
    entry.free += amount;
  }

  function view(account) {
    const balances = {};
    for (const [asset, b] of account.balances) {
      balances[asset] = { free: formatUnits(b.free), locked: formatUnits(b.locked) };
    }
    return { apiKey: account.apiKey, balances, rights: { ...account.rights } };
  }

  function reset() {
    keys = new Map();
    for (const k of initialKeys) create(k);
  }

  reset();

  return {
    create,
    get: (apiKey) => keys.get(apiKey),
    remove: (apiKey) => keys.delete(apiKey),
    balance,
    lock,
    unlock,
    view,
    reset,
  };
}
