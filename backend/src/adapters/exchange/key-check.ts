import type { ErrorCode } from '../../domain/error-codes.js';
import { ValidationError, type ValidationIssue } from '../../domain/errors.js';

import type { BinanceAccount } from './schemas.js';
import type { AssetBalance, KeyWarning } from './types.js';

// The rules a Binance key must meet before Spotdesk stores it. A key that can withdraw is refused
// outright: Spotdesk never withdraws, and a leaked key that can is the one way to lose the whole
// account. Each refusal names the switch in Binance's API Management page that fixes it.

export interface KeyRights {
  canRead: boolean;
  canTrade: boolean;
  canWithdraw: boolean;
  ipRestricted: boolean;
}

interface Refusal {
  code: ErrorCode;
  message: string;
}

const REFUSALS = {
  canWithdraw: {
    code: 'exchange-key-can-withdraw',
    message:
      'This API key may withdraw funds. In Binance API Management, edit the key and turn off "Enable Withdrawals", then save it again.',
  },
  cannotTrade: {
    code: 'exchange-key-cannot-trade',
    message:
      'This API key may not trade spot. In Binance API Management, edit the key and turn on "Enable Spot & Margin Trading", then save it again.',
  },
  cannotRead: {
    code: 'exchange-key-cannot-read',
    message:
      'This API key may not read the account. In Binance API Management, edit the key and turn on "Enable Reading", then save it again.',
  },
} as const satisfies Record<string, Refusal>;

/**
 * Every rule the rights break, most dangerous first.
 * @throws ValidationError with the first refusal's code and one `apiKey` issue per refusal.
 */
export function assertKeyAcceptable(rights: KeyRights): void {
  const refusals: Refusal[] = [];
  if (rights.canWithdraw) refusals.push(REFUSALS.canWithdraw);
  if (!rights.canTrade) refusals.push(REFUSALS.cannotTrade);
  if (!rights.canRead) refusals.push(REFUSALS.cannotRead);
  const [first] = refusals;
  if (!first) return;
  const issues: ValidationIssue[] = refusals.map((r) => ({
    path: 'apiKey',
    rule: 'invalid',
    message: r.message,
  }));
  throw new ValidationError(issues, first.code, first.message);
}

/** Binance leaves IP restriction optional; without it a leaked key works from anywhere. */
export function keyWarnings(rights: KeyRights): KeyWarning[] {
  return rights.ipRestricted ? [] : ['no-ip-restriction'];
}

/**
 * The account may forbid trading even when the key allows it. `permissions` is not read: Binance
 * now lists trade groups there (`TRD_GRP_005`) instead of `SPOT` for many accounts.
 */
export function accountAllowsTrading(account: BinanceAccount): boolean {
  return account.canTrade;
}

export function nonZeroBalances(account: BinanceAccount): AssetBalance[] {
  return account.balances
    .filter((b) => b.free > 0 || b.locked > 0)
    .map((b) => ({ asset: b.asset, free: b.free, locked: b.locked }));
}

/** A refused key as a field error: -1022 means the secret is wrong, the rest name the key. */
export function keyRefusedIssue(binanceCode: unknown): ValidationIssue {
  return binanceCode === -1022
    ? {
        path: 'secret',
        rule: 'invalid',
        message: 'Binance says the signature is wrong: check the secret that belongs to this key.',
      }
    : {
        path: 'apiKey',
        rule: 'invalid',
        message:
          "Binance does not accept this key: check it, and that this server's IP is in the key's IP list.",
      };
}
