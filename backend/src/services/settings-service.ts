// Installation-wide settings that guard real money: the Live master switch, the Binance key
// (checked, sealed in the secret store, never shown again) and the blocked pairs. Every change
// is audited.
import { z } from 'zod';

import { AppError, ValidationError } from '../domain/errors.js';
import { PAIR_PATTERN } from '../domain/bot.js';
import { isTimeZone } from '../domain/trading-day.js';
import type { SettingsRepo } from '../db/repos/settings-repo.js';

import type { Actor, AuditService } from './audit-service.js';
import type { SecretStore } from './secret-store.js';

export interface KeyCheck {
  canRead: boolean;
  canTrade: boolean;
  canWithdraw: boolean;
  ipRestricted: boolean;
  balances: Array<{ asset: string; free: number; locked: number }>;
  warnings: string[];
}

/** The exchange adapter's key check: refuses a key that can withdraw or cannot trade. */
export interface KeyChecker {
  checkKey(key: { apiKey: string; secret: string }): Promise<KeyCheck>;
}

const EXCHANGE_SECRET = 'exchange:binance';
const keyInfoSchema = z.object({
  hint: z.string(),
  canTrade: z.boolean(),
  canWithdraw: z.boolean(),
  ipRestricted: z.boolean(),
  warnings: z.array(z.string()),
  checkedAt: z.number(),
});
export type ExchangeKeyInfo = z.infer<typeof keyInfoSchema>;
const storedKeySchema = z.object({ apiKey: z.string(), secret: z.string() });

export interface LiveGate {
  /** SPOTDESK_LIVE_TRADING=enabled: the installation's own gate, set outside the panel. */
  environment: boolean;
  /** The panel's audited master switch. */
  masterSwitch: boolean;
  key: ExchangeKeyInfo | null;
}

export function createSettingsService(deps: {
  repo: SettingsRepo;
  secrets: SecretStore;
  audit: AuditService;
  keyChecker: KeyChecker;
  liveTradingEnabled: boolean;
  now: () => number;
  /** Called after the master switch goes off (Live bots are paused). */
  onLiveSwitchOff?: (actor: Actor) => Promise<void>;
  /** Called when the saved exchange key changes (the account adapter follows it). */
  onKeyChanged?: (key: { apiKey: string; secret: string } | null) => void;
}) {
  const { repo, secrets, audit, now } = deps;

  const keyInfo = () => repo.get('exchange.key', keyInfoSchema.nullable(), null);

  return {
    liveGate(): LiveGate {
      return {
        environment: deps.liveTradingEnabled,
        masterSwitch: repo.get('live.masterSwitch', z.boolean(), false),
        key: keyInfo(),
      };
    },

    async setMasterSwitch(enabled: boolean, actor: Actor, ip: string): Promise<LiveGate> {
      const before = this.liveGate().masterSwitch;
      repo.set('live.masterSwitch', enabled, now());
      audit.record({
        actor,
        action: 'live-switch',
        target: 'settings:live',
        before: { masterSwitch: before },
        after: { masterSwitch: enabled },
        ip,
      });
      if (before && !enabled) await deps.onLiveSwitchOff?.(actor);
      return this.liveGate();
    },

    exchangeKey(): ExchangeKeyInfo | null {
      return keyInfo();
    },

    /** The sealed key, for the launcher of a Live bot only. */
    exchangeCredentials(): { apiKey: string; secret: string } | null {
      const stored = secrets.get(EXCHANGE_SECRET);
      return stored ? storedKeySchema.parse(JSON.parse(stored)) : null;
    },

    /**
     * Checks the key with Binance before anything is stored; a key that can withdraw or cannot
     * trade spot is refused by the checker with the Binance setting to change.
     */
    async saveExchangeKey(
      key: { apiKey: string; secret: string },
      actor: Actor,
      ip: string,
    ): Promise<{ key: ExchangeKeyInfo; balances: KeyCheck['balances'] }> {
      const check = await deps.keyChecker.checkKey(key);
      if (check.canWithdraw || !check.canTrade) {
        // The checker refuses these itself; this guards a checker that only reports.
        throw new AppError(
          check.canWithdraw ? 'exchange-key-can-withdraw' : 'exchange-key-cannot-trade',
          check.canWithdraw
            ? 'the key may withdraw: turn off "Enable Withdrawals" for it in Binance API Management'
            : 'the key may not trade: turn on "Enable Spot & Margin Trading" in Binance API Management',
          400,
        );
      }
      const info: ExchangeKeyInfo = {
        hint: key.apiKey.slice(-4),
        canTrade: check.canTrade,
        canWithdraw: check.canWithdraw,
        ipRestricted: check.ipRestricted,
        warnings: check.warnings,
        checkedAt: now(),
      };
      const before = keyInfo();
      secrets.put(EXCHANGE_SECRET, JSON.stringify(key));
      repo.set('exchange.key', info, now());
      deps.onKeyChanged?.(key);
      audit.record({
        actor,
        action: 'exchange-key-save',
        target: 'settings:exchange',
        before,
        after: info,
        ip,
      });
      return { key: info, balances: check.balances };
    },

    removeExchangeKey(actor: Actor, ip: string): void {
      const before = keyInfo();
      secrets.remove(EXCHANGE_SECRET);
      repo.remove('exchange.key');
      deps.onKeyChanged?.(null);
      audit.record({
        actor,
        action: 'exchange-key-remove',
        target: 'settings:exchange',
        before,
        ip,
      });
    },

    blockedPairs(): string[] {
      return repo.get('risk.blockedPairs', z.array(z.string()), []);
    },

    /** The installation's trading day starts at midnight in this IANA zone (default UTC). */
    tradingTimeZone(): string {
      const zone = repo.get('trading.timeZone', z.string(), 'UTC');
      return isTimeZone(zone) ? zone : 'UTC';
    },

    setTradingTimeZone(timeZone: string, actor: Actor, ip: string): string {
      if (!isTimeZone(timeZone)) {
        throw new ValidationError([
          {
            path: 'timeZone',
            rule: 'time-zone-unknown',
            params: {},
            message: 'must be an IANA time zone such as UTC or America/Sao_Paulo',
          },
        ]);
      }
      const before = this.tradingTimeZone();
      repo.set('trading.timeZone', timeZone, now());
      audit.record({
        actor,
        action: 'trading-time-zone',
        target: 'settings:trading',
        before,
        after: timeZone,
        ip,
      });
      return timeZone;
    },

    setBlockedPairs(pairs: string[], actor: Actor, ip: string): string[] {
      const issues = pairs.flatMap((pair, index) =>
        PAIR_PATTERN.test(pair)
          ? []
          : [
              {
                path: `blockedPairs.${index}`,
                rule: 'pair-format' as const,
                params: {},
                message: 'must look like BASE/QUOTE in capitals, e.g. BTC/USDT',
              },
            ],
      );
      if (issues.length > 0) throw new ValidationError(issues);
      const unique = [...new Set(pairs)];
      const before = this.blockedPairs();
      repo.set('risk.blockedPairs', unique, now());
      audit.record({
        actor,
        action: 'blocked-pairs',
        target: 'settings:risk',
        before,
        after: unique,
        ip,
      });
      return unique;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
