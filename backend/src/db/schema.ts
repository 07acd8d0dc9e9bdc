import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    role: text('role', { enum: ['admin', 'viewer'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    passwordChangedAt: integer('password_changed_at').notNull(),
  },
  // Usernames are unique regardless of case, so "Admin" cannot shadow "admin".
  (t) => [uniqueIndex('users_username_lower_unique').on(sql`lower(${t.username})`)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    // SHA-256 of the cookie value: a leaked DB does not hand out live sessions.
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user_id').on(t.userId)],
);

export const secrets = sqliteTable('secrets', {
  name: text('name').primaryKey(),
  iv: text('iv').notNull(),
  ciphertext: text('ciphertext').notNull(),
  tag: text('tag').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    before: text('before'),
    after: text('after'),
    reason: text('reason'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_action').on(t.action),
    index('audit_log_actor').on(t.actorName),
  ],
);

// One row rewritten by /ready: proves the DB accepts writes, not just that the file opens.
export const healthProbe = sqliteTable('health_probe', {
  id: integer('id').primaryKey(),
  checkedAt: integer('checked_at').notNull(),
});

// Logical bots (domain/bot.ts). A deleted bot keeps its row (`deleted_at`) so its mirrored
// trades and audit rows still name it; names are unique among the bots that are not deleted.
export const bots = sqliteTable(
  'bots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    description: text('description').notNull(),
    mode: text('mode', { enum: ['SIMULATED', 'REAL_MARKET_SPOT'] }).notNull(),
    strategy: text('strategy').notNull(),
    strategyParams: text('strategy_params').notNull(),
    timeframe: text('timeframe').notNull(),
    pairs: text('pairs').notNull(),
    stakeAmount: real('stake_amount').notNull(),
    maxOpenTrades: integer('max_open_trades').notNull(),
    maxExposure: real('max_exposure').notNull(),
    stoploss: real('stoploss'),
    minimalRoi: text('minimal_roi'),
    dailyLossLimit: real('daily_loss_limit'),
    desiredState: text('desired_state', {
      enum: ['CREATED', 'RUNNING', 'PAUSED', 'STOPPED'],
    }).notNull(),
    state: text('state', { enum: ['CREATED', 'RUNNING', 'PAUSED', 'STOPPED', 'ERROR'] }).notNull(),
    stateReason: text('state_reason'),
    errorReason: text('error_reason'),
    stateSince: integer('state_since').notNull(),
    apiPort: integer('api_port').notNull(),
    configVersion: integer('config_version').notNull(),
    pendingRestart: integer('pending_restart', { mode: 'boolean' }).notNull(),
    lossLimitTrippedAt: integer('loss_limit_tripped_at'),
    lossLimitTripReason: text('loss_limit_trip_reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    uniqueIndex('bots_name_lower_live_unique')
      .on(sql`lower(${t.name})`)
      .where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex('bots_api_port_live_unique')
      .on(t.apiPort)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

// Every generated config of every bot, redacted, so a change can be shown as a diff.
export const botConfigVersions = sqliteTable(
  'bot_config_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    botId: integer('bot_id')
      .notNull()
      .references(() => bots.id),
    version: integer('version').notNull(),
    createdAt: integer('created_at').notNull(),
    reason: text('reason').notNull(),
    config: text('config').notNull(),
  },
  (t) => [uniqueIndex('bot_config_versions_bot_version').on(t.botId, t.version)],
);

// Installation-wide settings (the Live master switch, blocked pairs, the exchange key's check).
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

// Spotdesk's own history of every trade of every bot (issue #5): upserted by (bot, mode,
// Freqtrade trade id), so a Paper and a Live trade with the same id never collide, and kept
// after the bot is deleted. `data` is the last full trade Freqtrade reported (its orders too).
export const mirrorTrades = sqliteTable(
  'mirror_trades',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    botId: integer('bot_id')
      .notNull()
      .references(() => bots.id),
    mode: text('mode', { enum: ['SIMULATED', 'REAL_MARKET_SPOT'] }).notNull(),
    ftTradeId: integer('ft_trade_id').notNull(),
    pair: text('pair').notNull(),
    isOpen: integer('is_open', { mode: 'boolean' }).notNull(),
    openedAt: integer('opened_at').notNull(),
    closedAt: integer('closed_at'),
    openRate: real('open_rate').notNull(),
    closeRate: real('close_rate'),
    amount: real('amount').notNull(),
    stakeAmount: real('stake_amount').notNull(),
    /** Realised profit (quote) of the trade so far; the whole profit once closed. */
    realisedAbs: real('realised_abs').notNull(),
    profitRatio: real('profit_ratio'),
    exitReason: text('exit_reason'),
    enterTag: text('enter_tag'),
    stopLossAbs: real('stop_loss_abs'),
    strategy: text('strategy').notNull(),
    data: text('data').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('mirror_trades_bot_mode_ft').on(t.botId, t.mode, t.ftTradeId),
    index('mirror_trades_open').on(t.isOpen, t.botId),
    // The dashboard's per-bot counts of the day read only these indexes, never the rows.
    index('mirror_trades_closed_at_bot').on(t.closedAt, t.botId, t.mode, t.realisedAbs),
    index('mirror_trades_opened_at_bot').on(t.openedAt, t.botId),
  ],
);

// Every order of every mirrored trade (the orders of the day, markers on charts).
export const mirrorOrders = sqliteTable(
  'mirror_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    botId: integer('bot_id')
      .notNull()
      .references(() => bots.id),
    mode: text('mode', { enum: ['SIMULATED', 'REAL_MARKET_SPOT'] }).notNull(),
    ftTradeId: integer('ft_trade_id').notNull(),
    orderId: text('order_id').notNull(),
    pair: text('pair').notNull(),
    side: text('side').notNull(),
    orderType: text('order_type'),
    status: text('status'),
    price: real('price'),
    amount: real('amount'),
    filled: real('filled'),
    placedAt: integer('placed_at').notNull(),
    filledAt: integer('filled_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('mirror_orders_bot_mode_order').on(t.botId, t.mode, t.orderId),
    index('mirror_orders_placed_at_bot').on(t.placedAt, t.botId),
  ],
);

// How far each bot's closed trades were paged (`/trades` offset), per mode.
export const mirrorCursors = sqliteTable(
  'mirror_cursors',
  {
    botId: integer('bot_id')
      .notNull()
      .references(() => bots.id),
    mode: text('mode', { enum: ['SIMULATED', 'REAL_MARKET_SPOT'] }).notNull(),
    closedSeen: integer('closed_seen').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('mirror_cursors_bot_mode').on(t.botId, t.mode)],
);

// Each bot's equity once a minute (Freqtrade keeps no equity history).
export const equitySamples = sqliteTable(
  'equity_samples',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    botId: integer('bot_id')
      .notNull()
      .references(() => bots.id),
    mode: text('mode', { enum: ['SIMULATED', 'REAL_MARKET_SPOT'] }).notNull(),
    at: integer('at').notNull(),
    equity: real('equity').notNull(),
  },
  (t) => [
    uniqueIndex('equity_samples_bot_mode_at').on(t.botId, t.mode, t.at),
    index('equity_samples_at').on(t.at),
  ],
);

// Every call the AI assistant made to its model (issue #6): the daily token budget and the
// estimated cost are sums over the trading day. Tokens are the server's own count, or estimated
// from the text's length when it reports none (`reported` false).
export const assistantUsage = sqliteTable(
  'assistant_usage',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    kind: text('kind').notNull(),
    model: text('model').notNull(),
    promptTokens: integer('prompt_tokens').notNull(),
    completionTokens: integer('completion_tokens').notNull(),
    reported: integer('reported', { mode: 'boolean' }).notNull(),
    /** USD, at the Settings prices in force at the time of the call. */
    estimatedCost: real('estimated_cost').notNull(),
    latencyMs: integer('latency_ms').notNull(),
  },
  (t) => [index('assistant_usage_at').on(t.at)],
);
