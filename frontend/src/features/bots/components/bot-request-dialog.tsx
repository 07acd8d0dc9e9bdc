import type { ReactNode } from 'react';

import type { Bot } from '../api/get-bots';
import type { BotRequest } from './bot-actions';
import { ConfirmActionDialog } from './confirm-action-dialog';
import { LiveDialog } from './live-dialog';
import { RearmDialog } from './rearm-dialog';
import { StopDialog } from './stop-dialog';

type Props = {
  bot: Bot;
  request: BotRequest;
  liveGates: ReactNode;
  onDone: (bot: Bot | null) => void;
  onClose: () => void;
};

/**
 * The confirmation a request needs. Going Live, or bringing a Live bot back to RUNNING from a
 * standstill, asks for re-authentication as the server does (backend bot-service `act`).
 */
export function BotRequestDialog({ bot, request, liveGates, onDone, onClose }: Props) {
  const isLive = bot.mode === 'REAL_MARKET_SPOT';
  const common = { bot, onDone, onClose };
  if (request === 'stop') return <StopDialog {...common} />;
  if (request === 'rearm') return <RearmDialog {...common} />;
  if (request === 'mode') {
    return isLive ? (
      <ConfirmActionDialog {...common} request="toPaper" />
    ) : (
      <LiveDialog {...common} step="toLive" gates={liveGates} />
    );
  }
  const needsLiveConfirm =
    isLive && (request === 'start' || request === 'retry') && bot.desiredState !== 'RUNNING';
  if (needsLiveConfirm) return <LiveDialog {...common} step={request} gates={liveGates} />;
  return <ConfirmActionDialog {...common} request={request} />;
}
