import crypto from 'node:crypto';
import { WebSocketServer } from 'ws';
import { analyzedDfMessage } from '../trading/pair-history.js';
import { HttpError, OperationalError, RpcError, TemporaryError } from '../errors.js';

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

// ws/channel.py: a send gets `_send_high_limit` seconds (3, then min(max(2 × average, 1), 3) once
// 10 send times are known); a send that takes longer drops the connection.
const SEND_LIMIT_MAX_MS = 3000;
const SEND_LIMIT_MIN_MS = 1000;
const SEND_SAMPLES = 10;
// api_ws.py: analyzed_df replies are capped at 1500 candles.
const DF_LIMIT = 1500;

/** The errors FreqtradeException stands for: answered with an `exception` reply, not a close. */
const isFreqtradeError = (err) =>
  err instanceof OperationalError ||
  err instanceof TemporaryError ||
  err instanceof RpcError ||
  err instanceof HttpError;

class InvalidRequest extends Error {}

/**
 * The analyzed_df request as api_ws.py reads it: `data` missing/empty → the whole dataframe;
 * otherwise limit = int(min(data.limit ?? 1500, 1500)) and an optional pair. A value Python could
 * not use (non-object data, non-number limit, non-string pair) raises outside FreqtradeException.
 */
function analyzedDfRequest(data) {
  if (data === undefined || data === null) return { limit: undefined, pair: undefined };
  if (typeof data !== 'object' || Array.isArray(data)) throw new InvalidRequest('data');
  if (Object.keys(data).length === 0) return { limit: undefined, pair: undefined };
  const raw = data.limit ?? DF_LIMIT;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) throw new InvalidRequest('limit');
  if (data.pair !== undefined && data.pair !== null && typeof data.pair !== 'string')
    throw new InvalidRequest('pair');
  return { limit: Math.trunc(Math.min(raw, DF_LIMIT)), pair: data.pair || undefined };
}

/**
 * The message WebSocket of contract §4: nothing is sent before a valid subscribe, subscribe
 * replaces the topic list, any invalid topic voids the request, bad JSON closes the socket, a
 * failing request gets `{"type": "exception", "data": "Error processing request"}`, and a send
 * that does not complete in time (a consumer that stopped reading) drops the connection.
 */
export function createMessageHub({ getBot, log, faults }) {
  const wss = new WebSocketServer({ noServer: true });
  const channels = new Map();

  const drop = (ws) => {
    const ch = channels.get(ws);
    if (!ch) return;
    log.info(`Connection for ${ch.name} timed out, disconnecting`);
    channels.delete(ws);
    ws.terminate();
  };

  const sendJson = (ws, msg) => {
    const ch = channels.get(ws);
    if (!ch || ws.readyState !== ws.OPEN) return;
    const started = Date.now();
    const timer = setTimeout(() => drop(ws), ch.limitMs);
    ws.send(JSON.stringify(msg), (err) => {
      clearTimeout(timer);
      if (err) return;
      ch.sendTimes.push(Date.now() - started);
      if (ch.sendTimes.length > SEND_SAMPLES) ch.sendTimes.shift();
      if (ch.sendTimes.length === SEND_SAMPLES) {
        const avg = ch.sendTimes.reduce((a, b) => a + b, 0) / SEND_SAMPLES;
        ch.limitMs = Math.min(Math.max(avg * 2, SEND_LIMIT_MIN_MS), SEND_LIMIT_MAX_MS);
      }
    });
  };

  const sendAnalyzedDf = (ws, bot, data) => {
    const { limit, pair } = analyzedDfRequest(data);
    for (const p of pair ? [pair] : bot.whitelist) {
      // A pair without analysed data answers with an empty dataframe, like the DataProvider.
      const df = bot.dataframes.get(p) ?? { columns: [], rows: [], analyzedAt: 0 };
      const rows = limit ? df.rows.slice(-limit) : df.rows;
      sendJson(ws, analyzedDfMessage(bot, p, { ...df, rows }, df.analyzedAt));
    }
  };

  const handleRequest = (ws, msg) => {
    const ch = channels.get(ws);
    const bot = getBot();
    if (msg.type === 'subscribe') {
      const data = msg.data;
      if (!Array.isArray(data) || data.length === 0) return;
      if (!data.every((t) => RPC_MESSAGE_TYPES.includes(t))) {
        log.warning(`Invalid subscription request: ${JSON.stringify(data)}`);
        return;
      }
      ch.topics = new Set(data);
      return;
    }
    if (msg.type !== 'whitelist' && msg.type !== 'analyzed_df') return;
    try {
      if (faults?.take('ws')) throw new OperationalError('Simulated request failure');
      if (msg.type === 'whitelist') sendJson(ws, { type: 'whitelist', data: bot.whitelist });
      else sendAnalyzedDf(ws, bot, msg.data);
    } catch (err) {
      if (!isFreqtradeError(err)) throw err;
      log.error(`Error processing request from ${ch.name}: ${err.message}`);
      sendJson(ws, { type: 'exception', data: 'Error processing request' });
    }
  };

  wss.on('connection', (ws, req) => {
    const peer = `('${req?.socket?.remoteAddress ?? ''}', ${req?.socket?.remotePort ?? 0})`;
    const ch = {
      name: `WebSocketChannel(${crypto.randomUUID().replace(/-/g, '')}, ${peer})`,
      topics: new Set(),
      sendTimes: [],
      limitMs: SEND_LIMIT_MAX_MS,
    };
    channels.set(ws, ch);
    ws.on('message', (raw, isBinary) => {
      let msg;
      try {
        msg = JSON.parse(isBinary ? Buffer.from(raw).toString('utf8') : raw.toString());
      } catch {
        ws.close(1003);
        return;
      }
      if (!msg || typeof msg !== 'object') return;
      try {
        handleRequest(ws, msg);
      } catch (err) {
        // Anything else ends the channel's reader task: the connection is closed.
        log.error(`Error in ${ch.name}: ${err.message}`);
        channels.delete(ws);
        ws.close(1011);
      }
    });
    ws.on('close', () => channels.delete(ws));
    ws.on('error', () => channels.delete(ws));
  });

  return {
    wss,
    broadcast(msg) {
      for (const [ws, ch] of channels) if (ch.topics.has(msg.type)) sendJson(ws, msg);
    },
    closeAll() {
      for (const ws of wss.clients) ws.terminate();
      channels.clear();
    },
  };
}
