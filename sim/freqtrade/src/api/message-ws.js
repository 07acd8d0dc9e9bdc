import { WebSocketServer } from 'ws';
import { analyzedDfMessage } from '../trading/pair-history.js';

export const RPC_MESSAGE_TYPES = [
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
];

/**
 * The message WebSocket of contract §4: nothing is sent before a valid subscribe, subscribe
 * replaces the topic list, any invalid topic voids the request, bad JSON closes the socket.
 */
export function createMessageHub({ getBot, log }) {
  const wss = new WebSocketServer({ noServer: true });
  const subs = new Map();

  const sendJson = (ws, msg) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };

  const handleRequest = (ws, msg) => {
    const bot = getBot();
    if (msg.type === 'subscribe') {
      const data = msg.data;
      if (!Array.isArray(data) || data.length === 0) return;
      if (!data.every((t) => RPC_MESSAGE_TYPES.includes(t))) {
        log.warning(`Invalid subscription request: ${JSON.stringify(data)}`);
        return;
      }
      subs.set(ws, new Set(data));
    } else if (msg.type === 'whitelist') {
      sendJson(ws, { type: 'whitelist', data: bot.whitelist });
    } else if (msg.type === 'analyzed_df') {
      const data = msg.data && typeof msg.data === 'object' ? msg.data : {};
      const limit = Number.isInteger(data.limit) ? Math.min(data.limit, 1500) : undefined;
      const pairs = data.pair ? [data.pair] : bot.whitelist;
      for (const pair of pairs) {
        const df = bot.dataframes.get(pair);
        if (!df) continue;
        const rows = limit === undefined ? df.rows : df.rows.slice(-limit);
        sendJson(ws, analyzedDfMessage(bot, pair, { ...df, rows }, df.analyzedAt));
      }
    }
  };

  wss.on('connection', (ws) => {
    subs.set(ws, new Set());
    ws.on('message', (raw, isBinary) => {
      let msg;
      try {
        msg = JSON.parse(isBinary ? Buffer.from(raw).toString('utf8') : raw.toString());
      } catch {
        ws.close(1003);
        return;
      }
      if (msg && typeof msg === 'object') handleRequest(ws, msg);
    });
    ws.on('close', () => subs.delete(ws));
    ws.on('error', () => subs.delete(ws));
  });

  return {
    wss,
    broadcast(msg) {
      for (const [ws, topics] of subs) if (topics.has(msg.type)) sendJson(ws, msg);
    },
    closeAll() {
      for (const ws of wss.clients) ws.terminate();
      subs.clear();
    },
  };
}
