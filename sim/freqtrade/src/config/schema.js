// A subset of freqtrade/configuration/config_schema.py (CONF_SCHEMA) covering every key the sim uses.
// Unknown keys stay allowed, as upstream.

const num = { type: 'number' };
const bool = { type: 'boolean' };
const str = { type: 'string' };
const priceSide = { type: 'string', enum: ['ask', 'bid', 'same', 'other'] };
const orderType = { type: 'string', enum: ['limit', 'market'] };
const strList = { type: 'array', items: str };

export const PAIRLIST_METHODS = [
  'StaticPairList',
  'VolumePairList',
  'PercentChangePairList',
  'ProducerPairList',
  'RemotePairList',
  'MarketCapPairList',
  'AgeFilter',
  'FullTradesFilter',
  'OffsetFilter',
  'PerformanceFilter',
  'PrecisionFilter',
  'PriceFilter',
  'RangeStabilityFilter',
  'ShuffleFilter',
  'SpreadFilter',
  'VolatilityFilter',
];

export const CONF_SCHEMA = {
  type: 'object',
  properties: {
    max_open_trades: { type: ['integer', 'number'], minimum: -1 },
    timeframe: str,
    stake_currency: str,
    stake_amount: { type: ['number', 'string'], minimum: 0.0001, pattern: 'unlimited' },
    tradable_balance_ratio: { type: 'number', minimum: 0, maximum: 1 },
    available_capital: { type: 'number', minimum: 0 },
    amend_last_stake_amount: { type: 'boolean' },
    last_stake_amount_min_ratio: { type: 'number', minimum: 0, maximum: 1 },
    fiat_display_currency: str,
    dry_run: bool,
    dry_run_wallet: num,
    cancel_open_orders_on_exit: bool,
    process_only_new_candles: bool,
    minimal_roi: { type: 'object', patternValues: num },
    trailing_stop: bool,
    trailing_stop_positive: { type: 'number', minimum: 0, maximum: 1 },
    trailing_stop_positive_offset: { type: 'number', minimum: 0, maximum: 1 },
    trailing_only_offset_is_reached: bool,
    stoploss: { type: 'number', maximum: 0, exclusiveMaximum: true },
    unfilledtimeout: {
      type: 'object',
      properties: {
        entry: { type: 'number', minimum: 1 },
        exit: { type: 'number', minimum: 1 },
        exit_timeout_count: { type: 'number', minimum: 0 },
        unit: { type: 'string', enum: ['minutes', 'seconds'] },
      },
    },
    entry_pricing: {
      type: 'object',
      properties: {
        price_last_balance: { type: 'number', minimum: 0, maximum: 1 },
        price_side: priceSide,
        use_order_book: bool,
        order_book_top: { type: 'integer', minimum: 1, maximum: 50 },
      },
      required: ['price_side'],
    },
    exit_pricing: {
      type: 'object',
      properties: {
        price_side: priceSide,
        price_last_balance: { type: 'number', minimum: 0, maximum: 1 },
        use_order_book: bool,
        order_book_top: { type: 'integer', minimum: 1, maximum: 50 },
      },
      required: ['price_side'],
    },
    order_types: {
      type: 'object',
      properties: {
        entry: orderType,
        exit: orderType,
        force_exit: orderType,
        force_entry: orderType,
        emergency_exit: orderType,
        stoploss: orderType,
        stoploss_on_exchange: bool,
        stoploss_on_exchange_interval: { type: 'number' },
        stoploss_on_exchange_limit_ratio: { type: 'number', minimum: 0, maximum: 1 },
      },
      required: ['entry', 'exit', 'stoploss', 'stoploss_on_exchange'],
    },
    bot_name: str,
    db_url: str,
    initial_state: { type: 'string', enum: ['running', 'stopped'] },
    force_entry_enable: bool,
    strategy: str,
    strategy_path: str,
    internals: {
      type: 'object',
      properties: {
        process_throttle_secs: { type: 'integer' },
        heartbeat_interval: { type: 'integer' },
      },
    },
    exchange: {
      type: 'object',
      properties: {
        name: str,
        key: str,
        secret: str,
        password: str,
        uid: str,
        pair_whitelist: { type: 'array', items: str, uniqueItems: true },
        pair_blacklist: { type: 'array', items: str, uniqueItems: true },
        ccxt_config: { type: 'object' },
        ccxt_async_config: { type: 'object' },
      },
      required: ['name'],
    },
    pairlists: {
      type: 'array',
      items: {
        type: 'object',
        properties: { method: { type: 'string', enum: PAIRLIST_METHODS } },
        required: ['method'],
      },
    },
    webhook: {
      type: 'object',
      properties: {
        enabled: bool,
        url: str,
        format: { type: 'string', enum: ['form', 'json', 'raw'] },
        retries: { type: 'integer' },
        retry_delay: num,
        timeout: { type: 'integer' },
        allow_custom_messages: bool,
      },
    },
    api_server: {
      type: 'object',
      properties: {
        enabled: bool,
        listen_ip_address: str,
        listen_port: { type: 'integer', minimum: 1024, maximum: 65535 },
        username: str,
        password: str,
        ws_token: { type: ['string', 'array'], items: str },
        jwt_secret_key: str,
        CORS_origins: strList,
      },
      required: ['enabled', 'listen_ip_address', 'listen_port', 'username', 'password'],
    },
  },
};

export const SCHEMA_TRADE_REQUIRED = [
  'exchange',
  'timeframe',
  'max_open_trades',
  'stake_currency',
  'stake_amount',
  'tradable_balance_ratio',
  'last_stake_amount_min_ratio',
  'dry_run',
  'dry_run_wallet',
  'exit_pricing',
  'entry_pricing',
  'stoploss',
  'minimal_roi',
  'internals',
  'dataformat_ohlcv',
  'dataformat_trades',
];

/** Keys that may come from the strategy, so the preliminary validation skips them. */
export const STRATEGY_PROVIDED = ['timeframe', 'stoploss', 'minimal_roi', 'max_open_trades'];

export const SCHEMA_DEFAULTS = {
  tradable_balance_ratio: 0.99,
  last_stake_amount_min_ratio: 0.5,
  dry_run_wallet: 1000,
  internals: {},
  dataformat_ohlcv: 'feather',
  dataformat_trades: 'feather',
};
