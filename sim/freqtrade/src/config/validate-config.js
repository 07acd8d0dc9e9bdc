import { ConfigurationError, OperationalError, SchemaValidationError } from '../errors.js';
import {
  CONF_SCHEMA,
  SCHEMA_DEFAULTS,
  SCHEMA_TRADE_REQUIRED,
  STRATEGY_PROVIDED,
} from './schema.js';

/** Python repr, because jsonschema messages quote values the Python way. */
export function pyRepr(value) {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return `'${value.replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

function typeMatches(value, type) {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return true;
  }
}

function checkNumber(value, schema) {
  if (typeof value !== 'number') return null;
  if (schema.minimum !== undefined && value < schema.minimum) {
    return `${pyRepr(value)} is less than the minimum of ${schema.minimum}`;
  }
  if (schema.maximum !== undefined) {
    if (schema.exclusiveMaximum && value >= schema.maximum) {
      return `${pyRepr(value)} is greater than or equal to the maximum of ${schema.maximum}`;
    }
    if (value > schema.maximum) {
      return `${pyRepr(value)} is greater than the maximum of ${schema.maximum}`;
    }
  }
  return null;
}

/** Returns the first jsonschema-style error message for `value` against `schema`, or null. */
function validateNode(value, schema) {
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(value, t))) {
      return `${pyRepr(value)} is not of type ${types.map((t) => `'${t}'`).join(', ')}`;
    }
  }
  if (schema.enum && !schema.enum.includes(value)) {
    return `${pyRepr(value)} is not one of ${pyRepr(schema.enum)}`;
  }
  if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) {
    return `${pyRepr(value)} does not match ${pyRepr(schema.pattern)}`;
  }
  const numError = checkNumber(value, schema);
  if (numError) return numError;
  if (Array.isArray(value)) {
    if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
      return `${pyRepr(value)} has non-unique elements`;
    }
    if (schema.items) {
      for (const item of value) {
        const err = validateNode(item, schema.items);
        if (err) return err;
      }
    }
  }
  if (typeMatches(value, 'object')) {
    for (const key of schema.required ?? []) {
      if (!(key in value)) return `'${key}' is a required property`;
    }
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (key in value) {
        const err = validateNode(value[key], sub);
        if (err) return err;
      }
    }
    if (schema.patternValues) {
      for (const v of Object.values(value)) {
        const err = validateNode(v, schema.patternValues);
        if (err) return err;
      }
    }
  }
  return null;
}

/** Injects schema defaults, then validates; `preliminary` skips keys the strategy may provide. */
export function validateSchema(config, { preliminary, apiVersion = '2.40' }) {
  for (const [key, value] of Object.entries(SCHEMA_DEFAULTS)) {
    if (config[key] === undefined) config[key] = structuredClone(value);
  }
  const required = SCHEMA_TRADE_REQUIRED.filter(
    (k) => !preliminary || !STRATEGY_PROVIDED.includes(k),
  );
  let schema = { ...CONF_SCHEMA, required };
  if (apiVersion === 'newer') {
    // Beyond contract §3.4 but upstream: freqtrade develop configuration/config_schema.py has
    // "initial_state": {"enum": ["running", "paused", "stopped"]}.
    const initial = { type: 'string', enum: ['running', 'paused', 'stopped'] };
    schema = { ...schema, properties: { ...schema.properties, initial_state: initial } };
  }
  const error = validateNode(config, schema);
  if (error) throw new SchemaValidationError(error);
}

function validatePricing(config) {
  const types = config.order_types ?? {};
  const entrySide = config.entry_pricing?.price_side;
  const exitSide = config.exit_pricing?.price_side;
  if (types.entry === 'market' && !['other', 'ask'].includes(entrySide)) {
    throw new ConfigurationError('Market entry orders require entry_pricing.price_side = "other".');
  }
  if (types.exit === 'market' && !['other', 'bid'].includes(exitSide)) {
    throw new ConfigurationError('Market exit orders require exit_pricing.price_side = "other".');
  }
}

/** config_validation.validate_config_consistency, for the checks that matter in trade mode. */
export function validateConsistency(config) {
  if (config.protections !== undefined) {
    throw new ConfigurationError(
      "DEPRECATED: Setting 'protections' in the configuration is deprecated.",
    );
  }
  if (config.max_open_trades === -1 && config.stake_amount === 'unlimited') {
    throw new ConfigurationError('`max_open_trades` and `stake_amount` cannot both be unlimited.');
  }
  if (typeof config.stake_amount === 'string' && config.stake_amount !== 'unlimited') {
    throw new SchemaValidationError(`${pyRepr(config.stake_amount)} is not of type 'number'`);
  }
  validatePricing(config);
  if (config.trailing_stop && config.trailing_only_offset_is_reached) {
    const offset = config.trailing_stop_positive_offset ?? 0;
    if (offset <= 0) {
      throw new ConfigurationError(
        'The config trailing_only_offset_is_reached needs trailing_stop_positive_offset to be more ' +
          'than 0 in your config.',
      );
    }
  }
  const pairlists = config.pairlists ?? [{ method: 'StaticPairList' }];
  if (pairlists.length === 0) throw new OperationalError('No Pairlist Handlers defined');
  const unsupported = pairlists.find((p) => p.method !== 'StaticPairList');
  if (unsupported) {
    throw new OperationalError(
      `Pairlist Handler ${unsupported.method} is not implemented by this simulator ` +
        '(only StaticPairList is).',
    );
  }
  if (!config.exchange.pair_whitelist?.length) {
    throw new OperationalError(
      'No whitelist given: StaticPairList requires exchange.pair_whitelist.',
    );
  }
  if (config.exchange.name.toLowerCase() !== 'binance') {
    throw new OperationalError(
      `Exchange "${config.exchange.name}" is not supported by this simulator (only binance spot).`,
    );
  }
  if ((config.trading_mode ?? 'spot') !== 'spot') {
    throw new OperationalError('This simulator only implements trading_mode "spot".');
  }
}
