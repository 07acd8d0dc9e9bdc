const TRADE_COLUMNS = [
  'exchange',
  'pair',
  'base_currency',
  'stake_currency',
  'is_open',
  'fee_open',
  'fee_open_cost',
  'fee_close',
  'fee_close_cost',
  'open_rate',
  'open_rate_requested',
  'open_trade_value',
  'close_rate',
  'close_rate_requested',
  'realized_profit',
  'close_profit',
  'close_profit_abs',
  'stake_amount',
  'max_stake_amount',
  'amount',
  'amount_requested',
  'open_date',
  'open_fill_date',
  'close_date',
  'stop_loss',
  'stop_loss_pct',
  'initial_stop_loss',
  'initial_stop_loss_pct',
  'is_stop_loss_trailing',
  'stoploss_last_update',
  'max_rate',
  'min_rate',
  'exit_reason',
  'exit_order_status',
  'strategy',
  'enter_tag',
  'timeframe',
];
const ORDER_COLUMNS = [
  'ft_trade_id',
  'ft_order_side',
  'ft_pair',
  'ft_is_open',
  'ft_amount',
  'ft_price',
  'ft_order_tag',
  'order_id',
  'status',
  'symbol',
  'order_type',
  'side',
  'price',
  'average',
  'amount',
  'filled',
  'remaining',
  'cost',
  'stop_price',
  'order_date',
  'order_filled_date',
  'order_update_date',
  'ft_fee_base',
];
const LOCK_COLUMNS = ['pair', 'side', 'reason', 'lock_time', 'lock_end_time', 'active'];

function insertSql(table, columns) {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
}

function pick(obj, columns) {
  const out = {};
  for (const c of columns) out[c] = obj[c] ?? null;
  return out;
}

function updater(db, table, columns) {
  return (id, patch) => {
    const keys = Object.keys(patch).filter((k) => columns.includes(k));
    if (keys.length === 0) return;
    db.prepare(
      `UPDATE ${table} SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`,
    ).run({ ...pick(patch, keys), id });
  };
}

/** Trades, orders, pair locks and the key/value store of the bot database. */
export function createTradeRepo(db) {
  const withOrders = (trade) =>
    trade && {
      ...trade,
      orders: db.prepare('SELECT * FROM orders WHERE ft_trade_id = ? ORDER BY id').all(trade.id),
    };
  const many = (sql, ...args) =>
    db
      .prepare(sql)
      .all(...args)
      .map(withOrders);

  return {
    transaction: (fn) => db.transaction(fn)(),
    insertTrade: (trade) =>
      Number(
        db.prepare(insertSql('trades', TRADE_COLUMNS)).run(pick(trade, TRADE_COLUMNS))
          .lastInsertRowid,
      ),
    updateTrade: updater(db, 'trades', TRADE_COLUMNS),
    getTrade: (id) => withOrders(db.prepare('SELECT * FROM trades WHERE id = ?').get(id)),
    openTrades: () => many('SELECT * FROM trades WHERE is_open = 1 ORDER BY id'),
    closedTrades: () => many('SELECT * FROM trades WHERE is_open = 0 ORDER BY id'),
    allTrades: () => many('SELECT * FROM trades ORDER BY id'),
    closedTradesPage: (limit, offset) =>
      limit === 0
        ? many('SELECT * FROM trades WHERE is_open = 0 ORDER BY close_date DESC')
        : many(
            'SELECT * FROM trades WHERE is_open = 0 ORDER BY id LIMIT ? OFFSET ?',
            limit,
            offset,
          ),
    countClosed: () => db.prepare('SELECT COUNT(*) AS n FROM trades WHERE is_open = 0').get().n,
    deleteTrade: (id) => db.prepare('DELETE FROM trades WHERE id = ?').run(id),
    insertOrder: (order) =>
      Number(
        db.prepare(insertSql('orders', ORDER_COLUMNS)).run(pick(order, ORDER_COLUMNS))
          .lastInsertRowid,
      ),
    updateOrder: updater(db, 'orders', ORDER_COLUMNS),
    insertLock: (lock) =>
      Number(
        db.prepare(insertSql('pairlocks', LOCK_COLUMNS)).run(pick(lock, LOCK_COLUMNS))
          .lastInsertRowid,
      ),
    updateLock: updater(db, 'pairlocks', LOCK_COLUMNS),
    activeLocks: (now) =>
      db
        .prepare('SELECT * FROM pairlocks WHERE active = 1 AND lock_end_time > ? ORDER BY id')
        .all(now),
    getValue: (key) =>
      db.prepare('SELECT value FROM key_value_store WHERE key = ?').get(key)?.value,
    setValue: (key, value) =>
      db
        .prepare('INSERT OR REPLACE INTO key_value_store (key, value) VALUES (?, ?)')
        .run(key, value),
  };
}
