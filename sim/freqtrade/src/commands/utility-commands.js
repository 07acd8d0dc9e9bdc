import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { listStrategies } from '../strategy/find-strategy.js';

export const USERDIR_SUBDIRS = [
  'backtest_results',
  'data',
  'hyperopts',
  'hyperopt_results',
  'logs',
  'notebooks',
  'plot',
  'strategies',
  'freqaimodels',
];

// freqtrade/configuration/config_secrets.py keys, plus the API's own secrets (house rule: never shown).
const SENSITIVE = [
  ['exchange', 'key'],
  ['exchange', 'apiKey'],
  ['exchange', 'secret'],
  ['exchange', 'password'],
  ['exchange', 'uid'],
  ['exchange', 'accountId'],
  ['exchange', 'walletAddress'],
  ['exchange', 'privateKey'],
  ['telegram', 'token'],
  ['telegram', 'chat_id'],
  ['discord', 'webhook_url'],
  ['api_server', 'password'],
  ['api_server', 'jwt_secret_key'],
  ['api_server', 'ws_token'],
  ['webhook', 'url'],
];

/** Config for utility commands: the given files, else the default file if it exists, else {}. */
function utilityConfig(options, env) {
  const defaults = [options.userdir && path.join(options.userdir, 'config.json'), 'config.json'];
  const files = options.config.length
    ? options.config
    : defaults.filter((f) => f && fs.existsSync(f)).slice(0, 1);
  if (files.length === 0) {
    return {
      user_data_dir: path.resolve(options.userdir ?? 'user_data'),
      strategy_path: options.strategyPath,
    };
  }
  return loadConfig({ files, options, env, cwd: process.cwd() }).config;
}

/** `freqtrade create-userdir --userdir PATH`: the folder tree (sample files are not copied). */
export function createUserdir(options, logger) {
  const log = logger.get('freqtrade.commands.deploy_commands');
  if (!options.userdir) {
    log.warning('`create-userdir` requires --userdir to be set.');
    return 1;
  }
  const dir = path.resolve(options.userdir);
  for (const sub of USERDIR_SUBDIRS) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  logger
    .get('freqtrade.configuration.directory_operations')
    .info(`Created user-data directory: ${dir}`);
  return 0;
}

/** `freqtrade list-strategies [-1]`: names on stdout, one per line with -1, else a plain table. */
export function listStrategiesCommand(options, env) {
  const config = utilityConfig(options, env);
  const found = listStrategies(config).sort((a, b) => a.name.localeCompare(b.name));
  if (options.oneColumn) {
    process.stdout.write(found.map((s) => `${s.name}\n`).join(''));
    return 0;
  }
  const width = Math.max(4, ...found.map((s) => s.name.length));
  const lines = [
    `${'Name'.padEnd(width)}  Location`,
    ...found.map((s) => `${s.name.padEnd(width)}  ${path.basename(s.file)}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** `freqtrade show-config`: the merged config, secrets masked unless --show-sensitive. */
export function showConfigCommand(options, env) {
  const config = utilityConfig(options, env);
  if (!options.showSensitive) {
    for (const [section, key] of SENSITIVE) {
      if (config[section] && config[section][key] !== undefined) config[section][key] = 'REDACTED';
    }
  }
  process.stdout.write(`Your combined configuration is:\n${JSON.stringify(config, null, 2)}\n`);
  return 0;
}
