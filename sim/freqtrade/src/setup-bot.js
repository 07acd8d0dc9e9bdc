import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { loadConfig } from './config/load-config.js';
import { validateConsistency, validateSchema } from './config/validate-config.js';
import { OperationalError } from './errors.js';
import { loadStrategy } from './strategy/find-strategy.js';
import { dbPathFromUrl, openDb, resolveDbUrl } from './db/open-db.js';
import { createTradeRepo } from './db/trade-repo.js';
import { createBot } from './trading/bot.js';
import { createExchangeClient } from './trading/exchange-client.js';
import { USERDIR_SUBDIRS } from './commands/utility-commands.js';

const STRATEGY_KEYS = [
  'timeframe',
  'stoploss',
  'minimal_roi',
  'max_open_trades',
  'trailing_stop',
  'trailing_stop_positive',
  'trailing_stop_positive_offset',
  'trailing_only_offset_is_reached',
  'order_types',
];

/** StrategyResolver: config values win over the strategy's class attributes. */
function mergeStrategy(config, strategy, log) {
  for (const key of STRATEGY_KEYS) {
    if (config[key] !== undefined) {
      if (strategy.attrs[key] !== undefined) {
        log.info(
          `Override strategy '${key}' with value in config file: ${JSON.stringify(config[key])}.`,
        );
      }
    } else if (strategy.attrs[key] !== undefined) {
      config[key] = strategy.attrs[key];
      log.info(`Strategy using ${key}: ${JSON.stringify(config[key])}`);
    }
  }
}

function prepareUserdir(config) {
  const dir = config.user_data_dir;
  if (!fs.existsSync(dir)) {
    throw new OperationalError(
      `Directory \`${dir}\` does not exist. Please use \`freqtrade create-userdir\` to create a user directory`,
    );
  }
  for (const sub of USERDIR_SUBDIRS) fs.mkdirSync(path.join(dir, sub), { recursive: true });
}

/** Everything FreqtradeBot.__init__ does before the API starts. Throws the Freqtrade error classes. */
export async function setupBot({ options, env, logger, apiVersion, notify }) {
  const log = logger.get('freqtrade.configuration.configuration');
  const { config, envNames } = loadConfig({
    files: options.config,
    options,
    env,
    cwd: process.cwd(),
  });
  for (const f of config.config_files)
    logger.get('freqtrade.configuration.load_config').info(`Using config: ${f} ...`);
  for (const n of envNames)
    logger.get('freqtrade.configuration.environment_vars').info(`Loading variable '${n}'`);
  logger.addSecrets([
    config.api_server?.password,
    config.api_server?.jwt_secret_key,
    config.exchange?.key,
    config.exchange?.secret,
  ]);
  logger.addSecrets([config.api_server?.ws_token].flat());
  if (config.logfile && !options.logfile) logger.setLogfile(config.logfile);
  validateSchema(config, { preliminary: true, apiVersion });
  prepareUserdir(config);
  log.info(`Using user-data directory: ${config.user_data_dir} ...`);
  if (config.dry_run) log.info('Dry run is enabled');
  else log.info('Dry run is disabled');
  const strategy = loadStrategy(config, config.strategy);
  logger
    .get('freqtrade.resolvers.iresolver')
    .info(`Using resolved strategy ${strategy.name} from '${strategy.file}'...`);
  const stratLog = logger.get('freqtrade.strategy.hyper');
  if (strategy.paramsFile) stratLog.info(`Loading parameters from file ${strategy.paramsFile}`);
  else stratLog.info('No params file found.');
  mergeStrategy(config, strategy, logger.get('freqtrade.resolvers.strategy_resolver'));
  validateSchema(config, { preliminary: false, apiVersion });
  validateConsistency(config);
  if (config.api_server?.enabled && net.isIP(config.api_server.listen_ip_address) === 0) {
    throw new TypeError(
      `'${config.api_server.listen_ip_address}' does not appear to be an IPv4 or IPv6 address`,
    );
  }
  config.db_url = resolveDbUrl(config);
  const db = openDb(dbPathFromUrl(config.db_url, process.cwd()));
  logger.get('freqtrade.persistence.models').info(`Using DB: "${config.db_url}"`);
  const repo = createTradeRepo(db);
  const exchange = createExchangeClient(config);
  logger.get('freqtrade.exchange.exchange').info('Using Exchange "Binance"');
  const bot = createBot({ config, strategy, repo, exchange, logger, notify, apiVersion });
  return { config, bot, db, exchange };
}
