import { validateFields, requireObject } from './validate.js';
import { tradeRpc } from '../trading/rpc-trades.js';
import { infoRpc } from '../trading/rpc-info.js';

const idParam = (ctx) =>
  validateFields(ctx.params, { tradeid: { type: 'int', required: true } }, 'path').tradeid;

const FORCE_ENTER = {
  pair: { type: 'str', required: true },
  side: { type: 'enum', values: ['long', 'short'], default: 'long' },
  price: { type: 'float', nullable: true },
  ordertype: { type: 'enum', values: ['limit', 'market'], nullable: true },
  stakeamount: { type: 'float', nullable: true },
  entry_tag: { type: 'str', nullable: true },
  leverage: { type: 'float', nullable: true },
};
const FORCE_EXIT = {
  tradeid: { type: 'str|int', required: true },
  ordertype: { type: 'enum', values: ['limit', 'market'], nullable: true },
  amount: { type: 'float', nullable: true },
};

function start(rt) {
  const bot = rt.bot;
  if (bot.state === 'running') return { status: 'already running' };
  bot.state = 'running';
  bot.stateSetByApi = true;
  rt.wake();
  return { status: 'starting trader ...' };
}

function stop(rt) {
  const bot = rt.bot;
  // 2.40 stops only a running bot (anything else, reload_config included: "already stopped").
  // Newer profile, beyond contract §3.4 but upstream: freqtrade develop rpc.py `_rpc_stop` is
  // `if self._freqtrade.state != State.STOPPED` (so paused and reload_config stop too).
  const active = bot.apiVersion === 'newer' ? bot.state !== 'stopped' : bot.state === 'running';
  if (!active) return { status: 'already stopped' };
  bot.state = 'stopped';
  bot.stateSetByApi = true;
  rt.wake();
  return { status: 'stopping trader ...' };
}

function stopEntry(rt) {
  if (rt.bot.state === 'running') rt.bot.maxOpenTrades = 0;
  rt.log.info('No more entries will occur from now. Run /reload_config to reset.');
  return { status: 'No more entries will occur from now. Run /reload_config to reset.' };
}

// Newer profile (contract §3.4: POST /pause, /stopentry and /stopbuy as aliases). Both answers
// and "from stopped, start paused" are upstream's: freqtrade develop rpc.py `_rpc_pause` sets
// PAUSED from RUNNING or STOPPED and returns these texts.
function pause(rt) {
  const wasStopped = rt.bot.state === 'stopped';
  if (rt.bot.state === 'running' || wasStopped) {
    rt.bot.state = 'paused';
    rt.bot.stateSetByApi = true;
    rt.wake();
  }
  if (wasStopped) {
    return {
      status:
        'starting bot with trader in paused state, no entries will occur. Run /start to enable entries.',
    };
  }
  return { status: 'paused, no more entries will occur from now. Run /start to enable entries.' };
}

/** Bot control and trade routes. `profile` limits a route to one API profile. */
export const botRoutes = [
  { method: 'POST', path: '/start', mode: 'T', handler: ({ rt }) => start(rt) },
  { method: 'POST', path: '/stop', mode: 'T', handler: ({ rt }) => stop(rt) },
  {
    method: 'POST',
    path: '/stopentry',
    mode: 'T',
    profile: '2.40',
    handler: ({ rt }) => stopEntry(rt),
  },
  {
    method: 'POST',
    path: '/stopbuy',
    mode: 'T',
    profile: '2.40',
    handler: ({ rt }) => stopEntry(rt),
  },
  { method: 'POST', path: '/pause', mode: 'T', profile: 'newer', handler: ({ rt }) => pause(rt) },
  {
    method: 'POST',
    path: '/stopentry',
    mode: 'T',
    profile: 'newer',
    handler: ({ rt }) => pause(rt),
  },
  { method: 'POST', path: '/stopbuy', mode: 'T', profile: 'newer', handler: ({ rt }) => pause(rt) },
  {
    method: 'POST',
    path: '/reload_config',
    mode: 'T',
    handler: ({ rt }) => {
      // Not woken on purpose: like Freqtrade, the reload happens on the next loop iteration.
      rt.bot.state = 'reload_config';
      rt.bot.stateSetByApi = true;
      return { status: 'Reloading config ...' };
    },
  },
  { method: 'GET', path: '/status', mode: 'T', handler: ({ rt }) => tradeRpc.status(rt.bot) },
  {
    method: 'GET',
    path: '/trades',
    mode: 'T',
    handler: ({ rt, query }) => {
      const ge = rt.bot.apiVersion === 'newer' ? 1 : undefined;
      const q = validateFields(
        query,
        { limit: { type: 'int', default: 500, ge }, offset: { type: 'int', default: 0 } },
        'query',
      );
      return tradeRpc.trades(rt.bot, q.limit, q.offset);
    },
  },
  {
    method: 'GET',
    path: '/trade/{tradeid}',
    mode: 'T',
    handler: (ctx) => tradeRpc.trade(ctx.rt.bot, idParam(ctx)),
  },
  {
    method: 'DELETE',
    path: '/trades/{tradeid}',
    mode: 'T',
    handler: (ctx) => tradeRpc.deleteTrade(ctx.rt.bot, idParam(ctx)),
  },
  {
    method: 'DELETE',
    path: '/trades/{tradeid}/open-order',
    mode: 'T',
    handler: (ctx) => tradeRpc.cancelOpenOrder(ctx.rt.bot, idParam(ctx)),
  },
  {
    method: 'POST',
    path: '/trades/{tradeid}/reload',
    mode: 'T',
    handler: (ctx) => tradeRpc.reloadTrade(ctx.rt.bot, idParam(ctx)),
  },
  ...['/forceenter', '/forcebuy'].map((path) => ({
    method: 'POST',
    path,
    mode: 'T',
    handler: async (ctx) =>
      tradeRpc.forceEnter(
        ctx.rt.bot,
        validateFields(requireObject(await ctx.json()), FORCE_ENTER, 'body'),
      ),
  })),
  ...['/forceexit', '/forcesell'].map((path) => ({
    method: 'POST',
    path,
    mode: 'T',
    handler: async (ctx) =>
      tradeRpc.forceExit(
        ctx.rt.bot,
        validateFields(requireObject(await ctx.json()), FORCE_EXIT, 'body'),
      ),
  })),
  { method: 'GET', path: '/count', mode: 'T', handler: ({ rt }) => infoRpc.count(rt.bot) },
  {
    method: 'GET',
    path: '/show_config',
    mode: 'B',
    handler: ({ rt }) => infoRpc.showConfig(rt.bot),
  },
];
