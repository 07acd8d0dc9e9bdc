import { ConfigurationError, OperationalError, SchemaValidationError } from './errors.js';
import { createLogger } from './log/logger.js';
import { parseArgs, usageText, UsageError } from './cli/parse-args.js';
import { setupBot } from './setup-bot.js';
import { runWorker, cancelAllOpenOrders } from './worker.js';
import { startApiServer, routesFor } from './api/server.js';
import { createAuth } from './api/auth.js';
import { createMessageHub } from './api/message-ws.js';
import { createWebhook } from './rpc/webhook.js';
import { createFaults, parseFault } from './faults/faults.js';
import { API_PROFILES } from './trading/rpc-info.js';
import {
  createUserdir,
  listStrategiesCommand,
  showConfigCommand,
} from './commands/utility-commands.js';

const DOCS_LINK = 'https://www.freqtrade.io/en/stable';

function createSignals() {
  let wakeUp = null;
  let pendingWake = false;
  const signals = {
    shutdown: false,
    // A wake during an iteration makes the next sleep return at once, so API state changes are
    // seen on the very next loop instead of after a full throttle period.
    wake() {
      if (wakeUp) wakeUp();
      else pendingWake = true;
    },
    sleep: (ms) =>
      new Promise((resolve) => {
        if (pendingWake || signals.shutdown) {
          pendingWake = false;
          resolve();
          return;
        }
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeUp = null;
          resolve();
        }
        wakeUp = done;
      }),
  };
  return signals;
}

function initialFaults(env, logger) {
  if (!env.SIM_FREQTRADE_FAULTS) return createFaults(null);
  let parsed;
  try {
    parsed = parseFault(JSON.parse(env.SIM_FREQTRADE_FAULTS));
  } catch {
    parsed = { error: 'not valid JSON' };
  }
  if (parsed.error) throw new OperationalError(`SIM_FREQTRADE_FAULTS: ${parsed.error}`);
  logger.get('freqtrade.sim').warning(`Fault injection active: ${JSON.stringify(parsed.fault)}`);
  return createFaults(parsed.fault);
}

/** One bot lifetime: setup → API → worker. Resolves 'reload' or 'shutdown'. */
async function runBotOnce({ options, env, logger, apiVersion, signals, faults }) {
  let hub = null;
  let webhook = null;
  const notify = (msg) => {
    hub?.broadcast(msg);
    webhook?.send(msg);
  };
  const { bot, db, exchange, config } = await setupBot({
    options,
    env,
    logger,
    apiVersion,
    notify,
  });
  if (config.webhook?.enabled) webhook = createWebhook(config.webhook, logger);
  hub = createMessageHub({ getBot: () => bot, log: logger.get('freqtrade.rpc.api_server.ws') });
  let api = null;
  if (config.api_server?.enabled) {
    const apiLog = logger.get('freqtrade.rpc.api_server.webserver');
    const ip = config.api_server.listen_ip_address;
    if (!['127.0.0.1', '::1'].includes(ip)) {
      apiLog.warning('SECURITY WARNING - Local Rest Server listening to external connections');
    }
    if (!config.api_server.jwt_secret_key || config.api_server.jwt_secret_key === 'super-secret') {
      apiLog.warning(
        'SECURITY WARNING - `jwt_secret_key` seems to be default.Others may be able to log into your bot.',
      );
    }
    if (config.api_server.password === '') {
      apiLog.warning(
        'SECURITY WARNING - No password for local REST Server defined. Please make sure that this is intentional!',
      );
    }
    apiLog.info(`Starting HTTP Server at ${ip}:${config.api_server.listen_port}`);
    const rt = {
      bot,
      auth: createAuth(config.api_server),
      hub,
      logger,
      log: apiLog,
      faults,
      routes: routesFor(apiVersion),
      wake: signals.wake,
    };
    try {
      api = await startApiServer(rt);
    } catch (err) {
      apiLog.error(
        `[Errno ${err.errno ?? ''}] error while attempting to bind on address ('${ip}', ${config.api_server.listen_port}): ${err.code === 'EADDRINUSE' ? 'address already in use' : err.message}`,
      );
    }
  }
  await bot.ensureMarkets();
  // A SIGKILL between recording a trade and recording its entry order leaves an order-less trade.
  for (const t of bot.repo.openTrades().filter((x) => x.orders.length === 0)) {
    logger
      .get('freqtrade.freqtradebot')
      .warning(`Removing trade ${t.id} (${t.pair}): no entry order was recorded.`);
    bot.repo.deleteTrade(t.id);
  }
  const open = bot.repo.openTrades();
  if (open.length > 0)
    logger
      .get('freqtrade.freqtradebot')
      .info(`Found ${open.length} open trades in the database, resuming them.`);
  // A command that arrived during the rest of the init (API is already up) is not overridden.
  if (!bot.stateSetByApi) {
    const initial = config.initial_state;
    bot.state = initial === 'running' || initial === 'paused' ? initial : 'stopped';
  }
  const outcome = await runWorker({ bot, logger, notify, signals });
  if (outcome === 'reload') notify({ type: 'status', status: 'reload_config' });
  else {
    notify({ type: 'status', status: 'process died' });
    if (config.cancel_open_orders_on_exit) await cancelAllOpenOrders(bot);
  }
  if (webhook) await Promise.race([webhook.flush(), new Promise((r) => setTimeout(r, 2000))]);
  if (api) await api.close();
  await exchange.close().catch(() => {});
  db.close();
  return { outcome, hubNotify: notify };
}

function runUtility(command, options, env, logger) {
  try {
    if (command === 'create-userdir') return createUserdir(options, logger);
    if (command === 'list-strategies') return listStrategiesCommand(options, env);
    return showConfigCommand(options, env);
  } catch (err) {
    logger.get('freqtrade').error(err.message);
    return err instanceof OperationalError ? 2 : 1;
  } finally {
    logger.close();
  }
}

/** Runs `freqtrade <command> ...`; resolves with the process exit code. */
export async function main(argv, env) {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(usageText(err.message));
      return 2;
    }
    throw err;
  }
  if (parsed.command === 'version') {
    process.stdout.write(`freqtrade ${API_PROFILES['2.40'].version} (Spotdesk simulator)\n`);
    return 0;
  }
  if (parsed.command === 'help') {
    process.stdout.write(usageText('').split('\n')[0] + '\n');
    return 0;
  }
  const { options } = parsed;
  const logger = createLogger({ logfile: options.logfile });
  if (parsed.command !== 'trade') return runUtility(parsed.command, options, env, logger);
  const apiVersion =
    options.simApiVersion ?? (env.SIM_FREQTRADE_API_VERSION === 'newer' ? 'newer' : '2.40');
  const signals = createSignals();
  const onSignal = () => {
    signals.shutdown = true;
    signals.wake();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const log = logger.get('freqtrade');
  try {
    logger.get('freqtrade.loggers').info(`Verbosity set to ${options.verbose}`);
    const faults = initialFaults(env, logger);
    logger.get('freqtrade.worker').info(`Starting worker ${API_PROFILES[apiVersion].version}`);
    for (;;) {
      const { outcome, hubNotify } = await runBotOnce({
        options,
        env,
        logger,
        apiVersion,
        signals,
        faults,
      });
      if (outcome === 'shutdown') break;
      logger.get('freqtrade.worker').info('Reloading configuration...');
      hubNotify({ type: 'status', status: 'config reloaded' });
    }
    log.info('SIGINT received, aborting ...');
    return 0;
  } catch (err) {
    if (err instanceof ConfigurationError) {
      log.error(
        `Configuration error: ${err.message}\nPlease make sure to review the documentation at ${DOCS_LINK}.`,
      );
      return 1;
    }
    if (err instanceof SchemaValidationError) {
      logger
        .get('freqtrade.configuration.config_validation')
        .critical(`Invalid configuration. Reason: ${err.message}`);
      log.error(`Fatal exception!\njsonschema.exceptions.ValidationError: ${err.message}`);
      return 1;
    }
    if (err instanceof OperationalError) {
      log.error(err.message);
      return 2;
    }
    log.error(`Fatal exception!\n${err.stack ?? err}`);
    return 1;
  } finally {
    logger.close();
  }
}
