// A bot's own messages (Freqtrade's message WebSocket, contract §4.3) as the panel's channel
// events (http/ws/messages.ts CHANNELS): orders, signals, logs and alerts, each naming its bot.
import type { BotMessage } from '../adapters/freqtrade/client.js';
import type { Bot } from '../domain/bot.js';
import type { Channel } from '../http/ws/messages.js';

export type PanelPublish = (channel: Channel, payload: unknown, botId: number | null) => void;

export interface PanelEvent {
  channel: Channel;
  payload: Record<string, unknown>;
}

type Stage = 'placed' | 'filled' | 'cancelled';

const STAGES: Record<string, Stage> = {
  entry: 'placed',
  entry_fill: 'filled',
  entry_cancel: 'cancelled',
  exit: 'placed',
  exit_fill: 'filled',
  exit_cancel: 'cancelled',
};

/** The events one bot message becomes; most messages become one, fills two (order + alert). */
export function toPanelEvents(bot: Bot, message: BotMessage, now: number): PanelEvent[] {
  const about = {
    botId: bot.id,
    botName: bot.name,
    mode: bot.mode,
    at: new Date(now).toISOString(),
  };
  switch (message.type) {
    case 'entry':
    case 'entry_fill':
    case 'entry_cancel': {
      const order = {
        ...about,
        tradeId: message.tradeId,
        pair: message.pair,
        side: 'buy',
        stage: STAGES[message.type],
        orderType: message.orderType,
        price: message.openRate,
        amount: message.amount,
        stakeAmount: message.stakeAmount,
        reason: message.reason,
      };
      const events: PanelEvent[] = [{ channel: 'orders', payload: order }];
      if (message.type === 'entry') {
        events.push({
          channel: 'signals',
          payload: { ...about, kind: 'entry', pair: message.pair, tag: message.enterTag },
        });
      }
      if (message.type === 'entry_fill')
        events.push({ channel: 'alerts', payload: { ...order, kind: 'fill' } });
      return events;
    }
    case 'exit':
    case 'exit_fill':
    case 'exit_cancel': {
      const order = {
        ...about,
        tradeId: message.tradeId,
        pair: message.pair,
        side: 'sell',
        stage: STAGES[message.type],
        orderType: message.orderType,
        price: message.closeRate ?? message.currentRate,
        amount: message.amount,
        profitAbs: message.profitAmount,
        profitRatio: message.profitRatio,
        exitReason: message.exitReason,
        reason: message.reason,
      };
      const events: PanelEvent[] = [{ channel: 'orders', payload: order }];
      if (message.type === 'exit') {
        events.push({
          channel: 'signals',
          payload: { ...about, kind: 'exit', pair: message.pair, tag: message.exitReason },
        });
      }
      if (message.type === 'exit_fill')
        events.push({ channel: 'alerts', payload: { ...order, kind: 'fill' } });
      return events;
    }
    case 'status':
    case 'warning':
    case 'startup':
    case 'exception':
    case 'strategy_msg': {
      const level =
        message.type === 'exception' ? 'error' : message.type === 'warning' ? 'warning' : 'info';
      const events: PanelEvent[] = [
        { channel: 'logs', payload: { ...about, level, kind: message.type, text: message.text } },
      ];
      if (message.type === 'exception') {
        events.push({
          channel: 'alerts',
          payload: { ...about, kind: 'bot-exception', text: message.text },
        });
      }
      return events;
    }
    case 'protection_trigger':
    case 'protection_trigger_global':
      return [
        {
          channel: 'alerts',
          payload: {
            ...about,
            kind: 'protection',
            pair: message.lock.pair,
            reason: message.lock.reason,
            until: message.lock.lockedUntil.toISOString(),
          },
        },
      ];
    default:
      return [];
  }
}
