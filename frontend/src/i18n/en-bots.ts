/** English messages of the Bots pages (spread into `en`; pt-BR-bots.ts has the same keys). */
export const enBots = {
  'bots.title': 'Bots',
  'bots.emptyTitle': 'No bots yet',
  'bots.emptyBody':
    'A bot is one Freqtrade process trading chosen Binance Spot pairs with one strategy and its settings, on paper (a simulated wallet) or live.',
  'bots.create': 'Create bot',
  'bots.listLabel': 'Bots',
  'bots.readOnly':
    'You are a viewer: you see every bot, but only an administrator can change them.',
  'bots.adminOnly': 'Only an administrator can create or edit bots.',
  'bots.actionsFor': 'Actions for {name}',
  'bots.unknown': 'not known yet',
  'bots.noLimit': 'none',
  'bots.stakeSummary': '{stake} per trade, up to {trades} trades, {exposure} at most',
  'bots.serverDetail': 'Detail from the server:',
  'bots.pendingRestart':
    'Saved settings wait for the next start: they apply when the bot is restarted or started again.',
  'bots.tripped': 'Daily loss limit hit on {at}: the bot is paused and opens no new trades.',
  'bots.trippedExplain':
    'It stays paused, even across restarts, until an administrator re-arms it with a reason.',
  'bots.rearmFirst': 'Re-arm the bot first: its daily loss limit tripped.',

  'bots.modeOpenTrades':
    'This bot still holds {count} open trade(s) in its current mode. Start it and stop it with “close them first”, or let them close, before switching.',

  'bots.mode.paper': 'Paper',
  'bots.mode.live': 'LIVE · real money',
  'bots.mode.liveShort': 'Live',

  'bots.moving.starting': 'starting…',
  'bots.moving.pausing': 'pausing…',
  'bots.moving.resuming': 'resuming…',
  'bots.moving.stopping': 'stopping…',

  'bots.errorReason.config-refused': 'Freqtrade refused the bot’s configuration.',
  'bots.errorReason.process-fatal': 'The bot’s process could not be started.',
  'bots.errorReason.crash-looping': 'The bot’s process keeps exiting right after it starts.',
  'bots.errorReason.api-unreachable': 'The bot’s API has not answered for too long.',
  'bots.errorReason.stalled': 'The bot’s trading loop has stopped running.',
  'bots.errorReason.port-in-use': 'Another program uses the port of this bot’s API.',
  'bots.errorReason.live-gate-closed':
    'A Live gate is closed (environment, Live switch or exchange key), so this Live bot cannot run.',
  'bots.errorReason.loss-limit-tripped': 'The daily loss limit tripped.',
  'bots.errorReason.unknown': 'The bot is in error.',

  'bots.reason.starting': 'Starting its process…',
  'bots.reason.startingTrader': 'Starting its trader…',
  'bots.reason.reloading': 'Reloading its configuration…',
  'bots.reason.waitingApi': 'Waiting for its API to answer…',
  'bots.reason.pausing': 'Pausing…',
  'bots.reason.resuming': 'Resuming…',
  'bots.reason.stopping': 'Stopping its process…',

  'bots.field.name': 'Name',
  'bots.field.description': 'Description (optional)',
  'bots.field.strategy': 'Strategy',
  'bots.field.timeframe': 'Timeframe',
  'bots.field.quote': 'Stake currency',
  'bots.field.pairs': 'Pairs',
  'bots.field.stake': 'Stake',
  'bots.field.stakeAmount': 'Stake per trade ({quote})',
  'bots.field.maxOpenTrades': 'Max open trades',
  'bots.field.maxExposure': 'Max exposure ({quote})',
  'bots.field.stoploss': 'Stop-loss override (optional)',
  'bots.field.minimalRoi': 'Minimal ROI override',
  'bots.field.dailyLossLimit': 'Daily loss limit',
  'bots.field.openTrades': 'Open trades',
  'bots.field.openProfit': 'Open profit',
  'bots.field.realisedToday': 'Realised today',

  'bots.do.start': 'Start',
  'bots.do.pause': 'Pause',
  'bots.do.resume': 'Resume',
  'bots.do.stop': 'Stop',
  'bots.do.restart': 'Restart',
  'bots.do.retry': 'Retry',
  'bots.do.delete': 'Delete',
  'bots.do.edit': 'Edit',
  'bots.do.rearm': 'Re-arm',
  'bots.do.toLive': 'Switch to Live',
  'bots.do.toPaper': 'Switch to Paper',

  'bots.confirm.startTitle': 'Start {name}?',
  'bots.confirm.startBody': 'The bot starts trading its pairs with its saved settings.',
  'bots.confirm.pauseTitle': 'Pause {name}?',
  'bots.confirm.pauseBody':
    'The bot opens no new trades; the trades it holds are still managed (stop-loss, ROI, exits).',
  'bots.confirm.resumeTitle': 'Resume {name}?',
  'bots.confirm.resumeBody': 'The bot may open new trades again.',
  'bots.confirm.restartTitle': 'Restart {name}?',
  'bots.confirm.restartBody':
    'Its process is stopped and started again with the saved settings; a paused bot stays paused.',
  'bots.confirm.retryTitle': 'Retry {name}?',
  'bots.confirm.retryBody': 'Spotdesk starts the bot again and brings it back to what you asked.',
  'bots.confirm.stopTitle': 'Stop {name}?',
  'bots.confirm.stopBody': 'The bot’s process ends. It can be started again later.',
  'bots.confirm.deleteTitle': 'Delete {name}?',
  'bots.confirm.deleteBody':
    'The bot disappears from Spotdesk. Its trade history is kept and its databases are archived, not destroyed.',
  'bots.confirm.toPaperTitle': 'Switch {name} to Paper?',
  'bots.confirm.toPaperBody':
    'From its next start the bot trades on paper again, with a simulated wallet and its own paper trade database.',

  'bots.stopTrades.title': '{name} holds {count} open trade(s)',
  'bots.stopTrades.body': 'Choose what happens to the {count} open position(s) when the bot stops.',
  'bots.stopTrades.closeExplain':
    'Close them first: every open trade is sold at market, then the bot stops.',
  'bots.stopTrades.leavePaper':
    'Leave them open: the positions stay in the paper wallet and the bot manages them again when it next starts.',
  'bots.stopTrades.leaveLive':
    'Leave them open: the positions stay on Binance with their exchange stop-loss orders, and the bot manages them again when it next starts.',
  'bots.stopTrades.close': 'Close {count} first, then stop',
  'bots.stopTrades.leave': 'Stop and leave {count} open',

  'bots.live.warning':
    'Live means real orders with real money on this installation’s Binance account.',
  'bots.live.startTitle': 'Start {name} Live?',
  'bots.live.startButton': 'Start Live',
  'bots.live.retryTitle': 'Retry {name} Live?',
  'bots.live.retryButton': 'Retry Live',
  'bots.live.switchTitle': 'Switch {name} to Live?',
  'bots.live.switchButton': 'Switch to Live',
  'bots.live.password': 'Your current password',
  'bots.live.confirmName': 'Type the bot’s name ({name}) to confirm',
  'bots.live.nameMismatch': 'Type the name exactly as shown, capitals included.',

  'bots.rearm.title': 'Re-arm {name}?',
  'bots.rearm.body':
    'The daily loss limit is lifted and the bot may be resumed afterwards; it stays paused until then. Say why: the reason goes to the audit log.',
  'bots.rearm.reason': 'Reason',

  'bots.apply.title': 'Apply the new settings of {name}',
  'bots.apply.body': 'The bot is running. When should the new settings take effect?',
  'bots.apply.restart': 'Save and restart',
  'bots.apply.restartExplain': 'Save and restart: the bot restarts now with the new settings.',
  'bots.apply.nextStart': 'Save for next start',
  'bots.apply.nextStartExplain':
    'Save for next start: the bot keeps running as it is; the settings apply when it is next started or restarted.',

  'bots.emergency.label': 'Emergency',
  'bots.emergency.pauseAll': 'Pause all',
  'bots.emergency.stopAll': 'Stop all',
  'bots.emergency.pauseTitle': 'Pause every bot?',
  'bots.emergency.pauseBody':
    'Every running bot stops opening trades at once; open trades are still managed. This holds across restarts.',
  'bots.emergency.stopTitle': 'Stop every bot?',
  'bots.emergency.stopBody':
    'Every running or paused bot stops. Open positions are left open (Live ones keep their stop-loss on Binance).',
  'bots.emergency.reason': 'Reason (optional, for the audit log)',
  'bots.emergency.paused': 'Every running bot was asked to pause.',
  'bots.emergency.stopped': 'Every running or paused bot was asked to stop.',

  'bots.done.request': '{name}: request accepted. Its state updates here as it changes.',
  'bots.done.delete': '{name} was deleted.',
  'bots.done.created': '{name} was created on paper. Start it when you are ready.',
  'bots.done.saved': 'The settings of {name} were saved.',

  'bots.config.show': 'Show configuration',
  'bots.config.hide': 'Hide configuration',
  'bots.config.region': 'Configuration of {name}',
  'bots.config.current': 'Current Freqtrade configuration (secrets hidden)',
  'bots.config.history': 'History',
  'bots.config.version': 'Version {version}',
  'bots.config.noHistory': 'No saved versions yet.',
  'bots.config.noChanges': 'No changes from the version before.',
  'bots.config.reason.created': 'created',
  'bots.config.reason.edited': 'edited',
  'bots.config.reason.editedRestarted': 'edited and restarted',
  'bots.config.reason.toPaper': 'switched to Paper',
  'bots.config.reason.toLive': 'switched to Live',

  'bots.form.createTitle': 'Create a bot',
  'bots.form.editTitle': 'Edit {name}',
  'bots.form.editTitleUnknown': 'Edit bot',
  'bots.form.paperFirst':
    'A new bot starts on paper (a simulated wallet). Switching it to Live is a separate, confirmed step.',
  'bots.form.liveNotice':
    'This bot trades real money. New settings are checked again before it runs.',
  'bots.form.create': 'Create bot',
  'bots.form.save': 'Save changes',
  'bots.form.nameHint': 'Up to {maximum} characters, unique among your bots.',
  'bots.form.chooseStrategy': 'Choose a strategy…',
  'bots.form.userStrategy': '{name} (your strategy)',
  'bots.form.noDescription': 'This strategy has no description.',
  'bots.form.strategyHint':
    'Strategies come from the bundled strategies and your strategies folder.',
  'bots.form.strategyUnreadable': 'Part of this strategy file could not be read:',
  'bots.form.quoteHint': 'Every pair must be quoted in it, e.g. USDT for BTC/USDT.',
  'bots.form.pairsHint': 'Type a pair such as BTC/{quote} (or just BTC) and press Enter or Add.',
  'bots.form.pairsRequired': 'Add at least one pair.',
  'bots.form.addPair': 'Add',
  'bots.form.addPairLabel': 'Pair to add',
  'bots.form.removePair': 'Remove {pair}',
  'bots.form.minStake': 'Binance’s smallest order here is {minimum} (on {pair}).',
  'bots.form.stakeHint': 'Amount of {quote} put into each trade.',
  'bots.form.marketsUnknown': 'The minimum order is not known right now.',
  'bots.form.exposureHint': 'At least stake × max open trades = {minimum}.',
  'bots.form.exposureHintEmpty': 'At least stake per trade × max open trades.',
  'bots.form.stoplossHint':
    'A negative ratio: -0.10 sells at 10 % below the entry. Empty keeps the strategy’s ({value}).',
  'bots.form.overrideRoi': 'Use my own ROI table instead of the strategy’s',
  'bots.form.strategyDefault': 'Strategy’s table: {value}',
  'bots.form.roiMinutes': 'After minutes',
  'bots.form.roiRatio': 'Take profit at ratio',
  'bots.form.addRoiStep': 'Add step',
  'bots.form.removeRoiStep': 'Remove step {step}',
  'bots.form.dailyLossHint':
    'Realised loss in {quote} per day that pauses the bot until it is re-armed. Required for Live.',
};
