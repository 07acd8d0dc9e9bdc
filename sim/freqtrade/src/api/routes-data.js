import os from 'node:os';
import { HttpError, RpcError } from '../errors.js';
import { infoRpc, API_PROFILES } from '../trading/rpc-info.js';
import { pairHistory } from '../trading/pair-history.js';
import { validateFields, requireObject } from './validate.js';
import { listStrategies, loadStrategy } from '../strategy/find-strategy.js';

const pairQuery = (query) => validateFields(query, { pair: { type: 'str' } }, 'query').pair;

function timeunit(unit, def) {
  return ({ rt, query }) => {
    const q = validateFields(query, { timescale: { type: 'int', default: def } }, 'query');
    return infoRpc.timeunit(rt.bot, unit, q.timescale);
  };
}

const LOCK_ENTRY = {
  pair: { type: 'str', required: true },
  until: { type: 'aware-datetime', required: true },
  side: { type: 'str', default: '*' },
  reason: { type: 'str', nullable: true },
};

function cpuTimes() {
  return os
    .cpus()
    .map((c) => ({ idle: c.times.idle, total: Object.values(c.times).reduce((a, b) => a + b, 0) }));
}

/** /sysinfo samples CPU for ~1 s like psutil.cpu_percent(interval=1, percpu=True). */
async function sysinfo() {
  const before = cpuTimes();
  await new Promise((r) => setTimeout(r, 1000));
  const after = cpuTimes();
  const cpu = after.map((a, i) => {
    const total = a.total - before[i].total;
    return total > 0 ? Number((100 * (1 - (a.idle - before[i].idle) / total)).toFixed(1)) : 0;
  });
  return { cpu_pct: cpu, ram_pct: Number((100 * (1 - os.freemem() / os.totalmem())).toFixed(1)) };
}

function strategyDetail(rt, name) {
  if (name.includes(':')) throw new HttpError(500, 'base64 encoded strategies are not allowed.');
  if (!listStrategies(rt.bot.config).some((s) => s.name === name))
    throw new HttpError(404, 'Strategy not found');
  const s = loadStrategy(rt.bot.config, name);
  return { strategy: s.name, code: s.code, timeframe: s.attrs.timeframe ?? null };
}

function plotConfig(rt, query) {
  const name = validateFields(query, { strategy: { type: 'str' } }, 'query').strategy;
  if (!name) return rt.bot.strategy.attrs.plot_config ?? {};
  try {
    return loadStrategy(rt.bot.config, name).attrs.plot_config ?? {};
  } catch (err) {
    throw new HttpError(502, err.message);
  }
}

const HISTORY = {
  pair: { type: 'str', required: true },
  timeframe: { type: 'str', required: true },
  timerange: { type: 'str', required: true },
  strategy: { type: 'str', required: true },
};

function noHistory(q) {
  // The sim downloads no historical data, so this is what Freqtrade answers without data files.
  throw new HttpError(502, `No data for ${q.pair}, ${q.timeframe} in ${q.timerange} found.`);
}

const WEBSERVER_ONLY = [
  ['POST', '/backtest'],
  ['GET', '/backtest'],
  ['DELETE', '/backtest'],
  ['GET', '/backtest/abort'],
  ['GET', '/backtest/history'],
  ['GET', '/backtest/history/result'],
  ['DELETE', '/backtest/history/{file}'],
  ['PATCH', '/backtest/history/{file}'],
  ['GET', '/backtest/history/{file}/market_change'],
  ['GET', '/background'],
  ['GET', '/background/{jobid}'],
  ['GET', '/pairlists/available'],
  ['POST', '/pairlists/evaluate'],
  ['GET', '/pairlists/evaluate/{jobid}'],
];

export const dataRoutes = [
  { method: 'GET', path: '/ping', auth: 'public', mode: 'B', handler: () => ({ status: 'pong' }) },
  {
    method: 'POST',
    path: '/token/login',
    auth: 'login',
    mode: 'B',
    handler: ({ rt, req }) => rt.auth.login(req),
  },
  {
    method: 'POST',
    path: '/token/refresh',
    auth: 'refresh',
    mode: 'B',
    handler: ({ rt, req }) => rt.auth.refresh(req),
  },
  {
    method: 'GET',
    path: '/version',
    mode: 'B',
    handler: ({ rt }) => ({ version: API_PROFILES[rt.bot.apiVersion].version }),
  },
  { method: 'GET', path: '/balance', mode: 'T', handler: ({ rt }) => infoRpc.balance(rt.bot) },
  { method: 'GET', path: '/profit', mode: 'T', handler: ({ rt }) => infoRpc.profit(rt.bot) },
  {
    method: 'GET',
    path: '/profit_all',
    mode: 'T',
    profile: 'newer',
    handler: ({ rt }) => ({ all: infoRpc.profit(rt.bot) }),
  },
  {
    method: 'GET',
    path: '/performance',
    mode: 'T',
    handler: ({ rt }) => infoRpc.performance(rt.bot),
  },
  {
    method: 'GET',
    path: '/entries',
    mode: 'T',
    handler: ({ rt, query }) => infoRpc.tags(rt.bot, 'entries', pairQuery(query)),
  },
  {
    method: 'GET',
    path: '/exits',
    mode: 'T',
    handler: ({ rt, query }) => infoRpc.tags(rt.bot, 'exits', pairQuery(query)),
  },
  {
    method: 'GET',
    path: '/mix_tags',
    mode: 'T',
    handler: ({ rt, query }) => infoRpc.tags(rt.bot, 'mix_tags', pairQuery(query)),
  },
  { method: 'GET', path: '/daily', mode: 'T', handler: timeunit('days', 7) },
  { method: 'GET', path: '/weekly', mode: 'T', handler: timeunit('weeks', 4) },
  { method: 'GET', path: '/monthly', mode: 'T', handler: timeunit('months', 3) },
  { method: 'GET', path: '/stats', mode: 'T', handler: ({ rt }) => infoRpc.stats(rt.bot) },
  {
    method: 'GET',
    path: '/edge',
    mode: 'T',
    handler: () => {
      throw new RpcError('Edge is not enabled.');
    },
  },
  { method: 'GET', path: '/whitelist', mode: 'T', handler: ({ rt }) => infoRpc.whitelist(rt.bot) },
  { method: 'GET', path: '/blacklist', mode: 'T', handler: ({ rt }) => infoRpc.blacklist(rt.bot) },
  {
    method: 'POST',
    path: '/blacklist',
    mode: 'T',
    handler: async ({ rt, json }) => {
      const body = validateFields(
        requireObject(await json()),
        { blacklist: { type: 'list[str]', required: true } },
        'body',
      );
      return infoRpc.addBlacklist(rt.bot, body.blacklist);
    },
  },
  {
    method: 'DELETE',
    path: '/blacklist',
    mode: 'T',
    handler: ({ rt, searchParams }) =>
      infoRpc.deleteBlacklist(rt.bot, searchParams.getAll('pairs_to_delete')),
  },
  { method: 'GET', path: '/locks', mode: 'T', handler: ({ rt }) => infoRpc.locks(rt.bot) },
  {
    method: 'POST',
    path: '/locks',
    mode: 'T',
    handler: async ({ rt, json }) => {
      const body = await json();
      if (!Array.isArray(body)) {
        throw new HttpError(422, [
          { type: 'list_type', loc: ['body'], msg: 'Input should be a valid list', input: body },
        ]);
      }
      const entries = body.map((e, i) => {
        try {
          return validateFields(requireObject(e), LOCK_ENTRY, 'body');
        } catch (err) {
          err.detail = err.detail.map((d) => ({ ...d, loc: ['body', i, ...d.loc.slice(1)] }));
          throw err;
        }
      });
      return infoRpc.addLocks(rt.bot, entries);
    },
  },
  {
    method: 'DELETE',
    path: '/locks/{lockid}',
    mode: 'T',
    handler: ({ rt, params }) => {
      const { lockid } = validateFields(
        params,
        { lockid: { type: 'int', required: true } },
        'path',
      );
      return infoRpc.deleteLocks(rt.bot, { lockid });
    },
  },
  {
    method: 'POST',
    path: '/locks/delete',
    mode: 'T',
    handler: async ({ rt, json }) => {
      const body = validateFields(
        requireObject(await json()),
        { pair: { type: 'str', nullable: true }, lockid: { type: 'int', nullable: true } },
        'body',
      );
      return infoRpc.deleteLocks(rt.bot, body);
    },
  },
  {
    method: 'GET',
    path: '/pair_candles',
    mode: 'T',
    handler: ({ rt, query }) => {
      const q = validateFields(
        query,
        {
          pair: { type: 'str', required: true },
          timeframe: { type: 'str', required: true },
          limit: { type: 'int' },
        },
        'query',
      );
      return pairHistory(rt.bot, q);
    },
  },
  {
    method: 'POST',
    path: '/pair_candles',
    mode: 'T',
    handler: async ({ rt, json }) => {
      const spec = {
        pair: { type: 'str', required: true },
        timeframe: { type: 'str', required: true },
        limit: { type: 'int', nullable: true },
        columns: { type: 'list[str]', nullable: true },
      };
      return pairHistory(rt.bot, validateFields(requireObject(await json()), spec, 'body'));
    },
  },
  {
    method: 'GET',
    path: '/pair_history',
    mode: 'B',
    handler: ({ query }) => noHistory(validateFields(query, HISTORY, 'query')),
  },
  {
    method: 'POST',
    path: '/pair_history',
    mode: 'B',
    handler: async ({ json }) =>
      noHistory(validateFields(requireObject(await json()), HISTORY, 'body')),
  },
  {
    method: 'GET',
    path: '/plot_config',
    mode: 'B',
    handler: ({ rt, query }) => plotConfig(rt, query),
  },
  {
    method: 'GET',
    path: '/strategies',
    mode: 'B',
    handler: ({ rt }) => ({
      strategies: [...new Set(listStrategies(rt.bot.config).map((s) => s.name))].sort(),
    }),
  },
  {
    method: 'GET',
    path: '/strategy/{strategy}',
    mode: 'B',
    handler: ({ rt, params }) => strategyDetail(rt, params.strategy),
  },
  { method: 'GET', path: '/health', mode: 'T', handler: ({ rt }) => infoRpc.health(rt.bot) },
  {
    method: 'GET',
    path: '/logs',
    mode: 'B',
    handler: ({ rt, query }) => {
      const { limit } = validateFields(query, { limit: { type: 'int' } }, 'query');
      const logs = rt.logger.recent(limit);
      return { log_count: logs.length, logs };
    },
  },
  { method: 'GET', path: '/sysinfo', mode: 'B', handler: () => sysinfo() },
  {
    method: 'GET',
    path: '/exchanges',
    mode: 'B',
    handler: () => ({
      exchanges: [
        {
          name: 'binance',
          classname: 'binance',
          valid: true,
          supported: true,
          comment: '',
          dex: false,
          is_alias: false,
          alias_for: null,
          trade_modes: [{ trading_mode: 'spot', margin_mode: '' }],
        },
      ],
    }),
  },
  {
    method: 'GET',
    path: '/hyperoptloss',
    mode: 'B',
    handler: () => ({ loss_functions: [] }),
  },
  { method: 'GET', path: '/freqaimodels', mode: 'B', handler: () => ({ freqaimodels: [] }) },
  {
    method: 'GET',
    path: '/available_pairs',
    mode: 'B',
    handler: () => ({ length: 0, pairs: [], pair_interval: [] }),
  },
  ...WEBSERVER_ONLY.map(([method, path]) => ({
    method,
    path,
    mode: 'W',
    handler: () => {
      throw new HttpError(503, 'Bot is not in the correct state.');
    },
  })),
];
