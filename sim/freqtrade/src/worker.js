import { API_PROFILES } from './trading/rpc-info.js';
import { cancelOrder } from './trading/order-flow.js';

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

/**
 * freqtrade/worker.py: reacts to state changes, runs one iteration per process_throttle_secs.
 * Resolves 'reload' or 'shutdown'. `signals` is { shutdown: bool, wake() } shared with main.
 */
export async function runWorker({ bot, logger, notify, signals }) {
  const log = logger.get('freqtrade.worker');
  const throttleMs = (bot.config.internals?.process_throttle_secs ?? 5) * 1000;
  const heartbeatMs = (bot.config.internals?.heartbeat_interval ?? 60) * 1000;
  let previous = null;
  let lastHeartbeat = 0;
  while (!signals.shutdown) {
    const started = Date.now();
    const state = bot.state;
    if (state !== previous) {
      log.info(
        `Changing state${previous ? ` from ${previous.toUpperCase()}` : ''} to: ${state.toUpperCase()}`,
      );
      notify({ type: 'status', status: state });
      if (state === 'running' && previous !== 'paused') {
        bot.botStartup = Date.now();
        // Health's bot_start: the first time this database ever saw the bot running.
        if (!bot.repo.getValue('bot_start_time'))
          bot.repo.setValue('bot_start_time', String(bot.botStartup));
        for (const m of startupMessages(bot)) notify(m);
      }
      if (state === 'stopped' && previous !== null) {
        const open = bot.repo.openTrades();
        if (open.length > 0) {
          notify({
            type: 'warning',
            status:
              `${open.length} open trades active.\n\nHandle these trades manually on Binance, ` +
              "or '/start' the bot again and use '/stopentry' to handle open trades gracefully. \n" +
              (bot.config.dry_run ? 'Note: Trades are simulated (dry run).' : ''),
          });
        }
        if (bot.config.cancel_open_orders_on_exit) await cancelAllOpenOrders(bot);
      }
      previous = state;
    }
    if (state === 'reload_config') return 'reload';
    if (heartbeatMs > 0 && Date.now() - lastHeartbeat >= heartbeatMs) {
      log.info(
        `Bot heartbeat. PID=${process.pid}, version='${API_PROFILES[bot.apiVersion].version}', state='${state.toUpperCase()}'`,
      );
      lastHeartbeat = Date.now();
    }
    if (state === 'running' || state === 'paused') {
      try {
        await bot.process();
      } catch (err) {
        logger.get('freqtrade.freqtradebot').warning(`Error in the trading loop: ${err.message}`);
      }
    }
    await signals.sleep(Math.max(0, throttleMs - (Date.now() - started)));
  }
  return 'shutdown';
}

export async function cancelAllOpenOrders(bot) {
  for (const trade of bot.repo.openTrades()) {
    for (const o of trade.orders.filter((x) => x.ft_is_open === 1)) {
      await cancelOrder(bot, o).catch(() => {});
    }
  }
}
