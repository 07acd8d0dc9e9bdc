// What the message WebSocket (contract §4) delivers once parsed: camelCase, Dates, lowercase
// direction. Vendor frames are in ws-schemas.ts.

import type { PairLock } from './types.js';

/** RPCMessageType values; Freqtrade ignores a whole subscribe if one topic is not in this list. */
export const MESSAGE_TOPICS = [
  'status',
  'warning',
  'exception',
  'startup',
  'entry',
  'entry_fill',
  'entry_cancel',
  'exit',
  'exit_fill',
  'exit_cancel',
  'protection_trigger',
  'protection_trigger_global',
  'strategy_msg',
  'whitelist',
  'analyzed_df',
  'new_candle',
] as const;

export type MessageTopic = (typeof MESSAGE_TOPICS)[number];

/** `status` texts include "running", "stopped", "reload_config", "config reloaded", "process died". */
export interface TextMessage {
  type: 'status' | 'warning' | 'startup' | 'exception' | 'strategy_msg';
  text: string;
}

export interface EntryMessage {
  type: 'entry' | 'entry_fill' | 'entry_cancel';
  tradeId: number;
  pair: string;
  enterTag: string | null;
  direction: 'long' | 'short';
  orderType: string | null;
  amount: number | null;
  openRate: number | null;
  stakeAmount: number | null;
  stakeCurrency: string;
  currentRate: number | null;
  openDate: Date;
  /** entry_cancel only. */
  reason: string | null;
  subTrade: boolean;
}

export interface ExitMessage {
  type: 'exit' | 'exit_fill' | 'exit_cancel';
  tradeId: number;
  pair: string;
  enterTag: string | null;
  direction: 'long' | 'short';
  gain: 'profit' | 'loss';
  orderType: string | null;
  amount: number | null;
  openRate: number | null;
  /** Absent on exit_cancel. */
  closeRate: number | null;
  /** null on exit_fill. */
  currentRate: number | null;
  profitAmount: number | null;
  profitRatio: number | null;
  exitReason: string | null;
  openDate: Date;
  closeDate: Date | null;
  /** exit_cancel only. */
  reason: string | null;
  /** exit/exit_fill: whether the trade closed (false for a partial exit); null when not sent. */
  isFinalExit: boolean | null;
  subTrade: boolean;
}

export interface ProtectionMessage {
  type: 'protection_trigger' | 'protection_trigger_global';
  lock: PairLock;
}

export interface WhitelistMessage {
  type: 'whitelist';
  pairs: string[];
}

export interface CandleMessage {
  type: 'new_candle' | 'analyzed_df';
  pair: string;
  timeframe: string;
  candleType: string;
  /** analyzed_df only (its dataframe payload is not decoded). */
  analyzedAt: Date | null;
}

/** A frame whose `type` this client does not know (a newer Freqtrade): reported, not thrown. */
export interface UnknownMessage {
  type: 'unknown';
  receivedType: string;
}

export type BotMessage =
  | TextMessage
  | EntryMessage
  | ExitMessage
  | ProtectionMessage
  | WhitelistMessage
  | CandleMessage
  | UnknownMessage;
