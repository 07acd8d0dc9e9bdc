import os from 'node:os';
import { HttpError } from '../errors.js';
import { validateFields, requireObject } from './validate.js';
import { listStrategies, loadStrategy } from '../strategy/find-strategy.js';

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

/** Routes that need no bot state: strategies, logs, system info, data stubs, webserver-only. */
export const miscRoutes = [
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
