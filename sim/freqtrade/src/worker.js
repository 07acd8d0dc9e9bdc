import { API_PROFILES } from './trading/rpc-info.js';
import { cancelAllOpenOrders } from './trading/order-cancel.js';
import { OperationalError, TemporaryError } from './errors.js';
import { exchangeErrorKind } from './trading/exchange-client.js';

// freqtrade/constants.py RETRY_TIMEOUT: the worker's pause after a TemporaryError.
const RETRY_TIMEOUT_S = 30;
const isActive = (s) => s === 'running' || s === 'paused';

function startupMessages(bot) {
  const c = bot.config;
  const stake =
    c.stake_amount === 'unlimited' ? 'unlimited' : `${c.stake_amount} ${c.stake_currency}`;
  const msgs = [];
  if (c.dry_run)
    msgs.push({ type: 'warning', status: 'Dry run is enabled. All trades are simulated.' });
  msgs.push({
    type: 'startup',
    status:
      `*Exchange:* \`binance\`\n*Stake per trade:* \`${stake}\`\n*Minimum ROI:* \`${JSON.stringify(c.minimal_roi)}\`\n` +
      `*${c.trailing_stop ? 'Trailing ' : ''}Stoploss:* \`${c.stoploss}\`\n*Position adjustment:* \`Off\`\n` +
      `*Timeframe:* \`${c.timeframe}\`\n*Strategy:* \`${bot.strategy.name}\``,
  });
  msgs.push({
    type: 'startup',
    status: `Searching for ${c.stake_currency} pairs to buy and sell based on [{'StaticPairList': 'StaticPairList'}]`,
  });
  return msgs;
}

/** FreqtradeBot.check_for_open_trades: the warning sent when a bot stops with open trades. */
export function openTradesWarning(bot) {
  const n = bot.repo.openTrades().length;
  if (n === 0) return null;
  return {
    type: 'warning',
    status:
      `${n} open trades active.\n\nHandle these trades manually on Binance, ` +
      "or '/start' the bot again and use '/stopentry' to handle open trades gracefully. \n" +
      (bot.config.dry_run ? 'Note: Trades are simulated (dry run).' : ''),
  };
}

/** Which except-branch of Worker._process_running catches `err` (null: none, it is fatal). */
function loopErrorKind(err) {
  if (err instanceof TemporaryError) return 'temporary';
  if (err instanceof OperationalError) return 'operational';
  const kind = exchangeErrorKind(err);
  // ccxt OperationFailed/ExchangeError become TemporaryError, other ccxt errors
  // OperationalException; InvalidOrderException is neither (caught deeper, else fatal).
  return kind === 'invalid_order' ? null : kind;
}

/** traceback.format_exc()-like text for the `exception` message. */
function traceback(err) {
  const frames = String(err.stack ?? '')
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('at '))
    .reverse();
  return [
    'Traceback (most recent call last):',
    ...frames.map((f) => `  ${f}`),
    `freqtrade.exceptions.OperationalException: ${err.message}`,
    '',
  ].join('\n');
}

/** The fault-injected failure for this iteration, if one is active (README: Sim-only options). */
function injectedFault(faults) {
  const fault = faults?.take('loop');
  if (!fault) return null;
  return fault.mode === 'loop_operational'
    ? new OperationalError('Simulated OperationalException (fault injection)')
    : new TemporaryError('Simulated TemporaryError (fault injection)');
}

/** One _process_running call: TemporaryError → retry later; OperationalException → STOPPED. */
async function processRunning({ bot, log, notify, signals, faults }) {
  try {
    const fault = injectedFault(faults);
    if (fault) throw fault;
    await bot.process();
  } catch (err) {
    const kind = loopErrorKind(err);
    if (kind === 'temporary') {
      log.warning(`Error: ${err.message}, retrying in ${RETRY_TIMEOUT_S} seconds...`);
      await signals.retrySleep(RETRY_TIMEOUT_S * 1000);
    } else if (kind === 'operational') {
      const tb = traceback(err);
      notify({
        type: 'exception',
        status: `*OperationalException:*\n\`\`\`\n${tb}\`\`\`\n Issue \`/start\` if you think it is safe to restart.`,
      });
      log.error(`OperationalException. Stopping trader ...\n${tb}`);
      bot.state = 'stopped';
    } else throw err;
  }
}

/**
 * freqtrade/worker.py: reacts to state changes, runs one iteration per process_throttle_secs.
 * Resolves 'reload' or 'shutdown'. `signals` is shared with main ({ shutdown, sleep, retrySleep });
 * `previousState` is 'reload_config' for a bot rebuilt by /reload_config.
 */
export async function runWorker({ bot, logger, notify, signals, faults, previousState = null }) {
  const log = logger.get('freqtrade.worker');
  const throttleMs = (bot.config.internals?.process_throttle_secs ?? 5) * 1000;
  const heartbeatMs = (bot.config.internals?.heartbeat_interval ?? 60) * 1000;
  let previous = previousState;
  let lastHeartbeat = 0;
  while (!signals.shutdown) {
    const started = Date.now();
    const state = bot.state;
    if (state !== previous) {
      // A rebuilt bot does not announce its state: _reconfigure sent "config reloaded" instead.
      if (previous !== 'reload_config') notify({ type: 'status', status: state });
      log.info(
        `Changing state${previous ? ` from ${previous.toUpperCase()}` : ''} to: ${state.toUpperCase()}`,
      );
      if (isActive(state) && !isActive(previous)) {
        bot.botStartup = Date.now();
        // Health's bot_start: the first time this database ever saw the bot running.
        if (!bot.repo.getValue('bot_start_time'))
          bot.repo.setValue('bot_start_time', String(bot.botStartup));
        for (const m of startupMessages(bot)) notify(m);
      }
      if (state === 'stopped') {
        const warning = openTradesWarning(bot);
        if (warning) notify(warning);
      }
      previous = state;
      lastHeartbeat = 0;
    }
    if (state === 'reload_config') return 'reload';
    if (state === 'stopped' && bot.config.cancel_open_orders_on_exit) {
      // FreqtradeBot.process_stopped, on every iteration while stopped.
      await bot.withLock(() => cancelAllOpenOrders(bot));
    } else if (isActive(state)) {
      await processRunning({ bot, log, notify, signals, faults });
    }
    if (heartbeatMs > 0 && Date.now() - lastHeartbeat >= heartbeatMs) {
      log.info(
        `Bot heartbeat. PID=${process.pid}, version='${API_PROFILES[bot.apiVersion].version}', state='${state.toUpperCase()}'`,
      );
      lastHeartbeat = Date.now();
    }
    await signals.sleep(Math.max(0, throttleMs - (Date.now() - started)));
  }
  return 'shutdown';
}
