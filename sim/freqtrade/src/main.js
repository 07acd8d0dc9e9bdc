import { ConfigurationError, OperationalError, SchemaValidationError } from './errors.js';
import { createLogger } from './log/logger.js';
import { parseArgs, usageText, UsageError } from './cli/parse-args.js';
import { setupBot } from './setup-bot.js';
import { createSignals } from './signals.js';
import { runWorker, openTradesWarning } from './worker.js';
import { cancelAllOpenOrders } from './trading/order-cancel.js';
import { startApiServer, routesFor } from './api/server.js';
import { createAuth } from './api/auth.js';
import { createMessageHub } from './api/message-ws.js';
import { createWebhook } from './rpc/webhook.js';
import { createFaults, parseFault } from './faults/faults.js';
import { createSimStats } from './api/sim-stats.js';
import { API_PROFILES } from './trading/rpc-info.js';
import {
  createUserdir,
  listStrategiesCommand,
  showConfigCommand,
} from './commands/utility-commands.js';

const DOCS_LINK = 'https://www.freqtrade.io/en/stable';

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

function securityWarnings(apiLog, api) {
  if (!['127.0.0.1', '::1'].includes(api.listen_ip_address)) {
    apiLog.warning('SECURITY WARNING - Local Rest Server listening to external connections');
  }
  if (!api.jwt_secret_key || api.jwt_secret_key === 'super-secret') {
    apiLog.warning(
      'SECURITY WARNING - `jwt_secret_key` seems to be default.Others may be able to log into your bot.',
    );
  }
  if (api.password === '') {
    apiLog.warning(
      'SECURITY WARNING - No password for local REST Server defined. Please make sure that this is intentional!',
    );
  }
}

async function startApi({ bot, config, hub, logger, faults, stats, apiVersion, signals }) {
  const apiLog = logger.get('freqtrade.rpc.api_server.webserver');
  const { listen_ip_address: ip, listen_port: port } = config.api_server;
  securityWarnings(apiLog, config.api_server);
  apiLog.info(`Starting HTTP Server at ${ip}:${port}`);
  const rt = {
    bot,
    auth: createAuth(config.api_server),
    hub,
    logger,
    log: apiLog,
    faults,
    stats,
    routes: routesFor(apiVersion),
    wake: signals.wake,
  };
  try {
    return await startApiServer(rt);
  } catch (err) {
    apiLog.error(
      `[Errno ${err.errno ?? ''}] error while attempting to bind on address ('${ip}', ${port}): ${err.code === 'EADDRINUSE' ? 'address already in use' : err.message}`,
    );
    return null;
  }
}

/**
 * One bot lifetime: setup → API → worker → cleanup. Resolves 'reload' or 'shutdown'; an
 * unexpected error in the loop is rethrown after the cleanup (main: "Fatal exception!").
 * `reloaded`: this bot replaces one torn down by /reload_config (Worker._reconfigure).
 */
async function runBotOnce({ options, env, logger, apiVersion, signals, faults, stats, reloaded }) {
  let hub = null;
  let webhook = null;
  const notify = (msg) => {
    stats.message(msg);
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
  hub = createMessageHub({
    getBot: () => bot,
    log: logger.get('freqtrade.rpc.api_server.ws'),
    faults,
  });
  const api = config.api_server?.enabled
    ? await startApi({ bot, config, hub, logger, faults, stats, apiVersion, signals })
    : null;
  await bot.ensureMarkets();
  const ftLog = logger.get('freqtrade.freqtradebot');
  // A SIGKILL between recording a trade and recording its entry order leaves an order-less trade.
  for (const t of bot.repo.openTrades().filter((x) => x.orders.length === 0)) {
    ftLog.warning(`Removing trade ${t.id} (${t.pair}): no entry order was recorded.`);
    bot.repo.deleteTrade(t.id);
  }
  const open = bot.repo.openTrades();
  if (open.length > 0)
    ftLog.info(`Found ${open.length} open trades in the database, resuming them.`);
  // A command that arrived during the rest of the init (API is already up) is not overridden.
  if (!bot.stateSetByApi) {
    const initial = config.initial_state;
    bot.state = initial === 'running' || initial === 'paused' ? initial : 'stopped';
  }
  // Worker._reconfigure: the new bot (its hub, its webhook) says so right after its init, before
  // its first loop — usually before any WS client could reconnect.
  if (reloaded) notify({ type: 'status', status: 'config reloaded' });

  // Worker.exit() ("process died") and FreqtradeBot.cleanup().
  const cleanup = async (outcome) => {
    if (outcome !== 'reload') notify({ type: 'status', status: 'process died' });
    ftLog.info('Cleaning up modules ...');
    try {
      if (config.cancel_open_orders_on_exit) await bot.withLock(() => cancelAllOpenOrders(bot));
      if (bot.state !== 'reload_config') {
        const warning = openTradesWarning(bot);
        if (warning) notify(warning);
      }
    } catch (err) {
      ftLog.warning(`Exception during cleanup: ${err.name} ${err.message}`);
    }
    if (webhook) await Promise.race([webhook.flush(), new Promise((r) => setTimeout(r, 2000))]);
    if (api) await api.close();
    await exchange.close().catch(() => {});
    db.close();
  };

  let outcome;
  try {
    outcome = await runWorker({
      bot,
      logger,
      notify,
      signals,
      faults,
      previousState: reloaded ? 'reload_config' : null,
    });
  } catch (err) {
    logger.get('freqtrade.commands.trade_commands').info('worker found ... calling exit');
    await cleanup('fatal');
    throw err;
  }
  if (outcome === 'shutdown')
    logger.get('freqtrade.commands.trade_commands').info('worker found ... calling exit');
  await cleanup(outcome);
  return outcome;
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
  const onSignal = () => signals.triggerShutdown();
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const log = logger.get('freqtrade');
  try {
    logger.get('freqtrade.loggers').info(`Verbosity set to ${options.verbose}`);
    const faults = initialFaults(env, logger);
    const stats = createSimStats();
    logger.get('freqtrade.worker').info(`Starting worker ${API_PROFILES[apiVersion].version}`);
    let reloaded = false;
    for (;;) {
      const outcome = await runBotOnce({
        options,
        env,
        logger,
        apiVersion,
        signals,
        faults,
        stats,
        reloaded,
      });
      if (outcome === 'shutdown') break;
      logger.get('freqtrade.worker').info('Reloading configuration...');
      reloaded = true;
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
