import { HttpError, RpcError } from '../errors.js';
import { infoRpc, API_PROFILES } from '../trading/rpc-info.js';
import { pairHistory } from '../trading/pair-history.js';
import { validateFields, requireObject } from './validate.js';

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
  { method: 'GET', path: '/health', mode: 'T', handler: ({ rt }) => infoRpc.health(rt.bot) },
];
