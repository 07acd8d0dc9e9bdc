/** Thrown for argparse-style usage errors: Freqtrade (argparse) prints usage and exits 2. */
export class UsageError extends Error {}

const USAGE =
  'usage: freqtrade trade [-h] [-v] [--logfile FILE] [-V] [-c PATH] [-d PATH] [--userdir PATH] ' +
  '[-s NAME] [--strategy-path PATH] [--db-url PATH] [--sd-notify] [--dry-run] ' +
  '[--dry-run-wallet DRY_RUN_WALLET] [--fee FLOAT] [--sim-api-version {2.40,newer}]';

const VALUE_OPTIONS = {
  '-c': 'config',
  '--config': 'config',
  '-s': 'strategy',
  '--strategy': 'strategy',
  '--strategy-path': 'strategyPath',
  '--userdir': 'userdir',
  '--user-data-dir': 'userdir',
  '-d': 'datadir',
  '--datadir': 'datadir',
  '--db-url': 'dbUrl',
  '--logfile': 'logfile',
  '--log-file': 'logfile',
  '--dry-run-wallet': 'dryRunWallet',
  '--starting-balance': 'dryRunWallet',
  '--fee': 'fee',
  '--sim-api-version': 'simApiVersion',
};

const FLAG_OPTIONS = {
  '--reset': 'reset',
  '-1': 'oneColumn',
  '--one-column': 'oneColumn',
  '--no-color': 'noColor',
  '--show-sensitive': 'showSensitive',
  '--dry-run': 'dryRun',
  '--sd-notify': 'sdNotify',
  '-v': 'verbose',
  '--verbose': 'verbose',
};

const COMMON = ['verbose', 'logfile', 'config', 'userdir', 'datadir'];
/** Options each sub-command accepts (Freqtrade's arguments.py, for the commands the sim has). */
const COMMAND_OPTIONS = {
  trade: null,
  'create-userdir': ['verbose', 'logfile', 'userdir', 'reset'],
  'list-strategies': [...COMMON, 'strategyPath', 'oneColumn', 'noColor'],
  'show-config': [...COMMON, 'showSensitive'],
};

function parseFloatArg(flag, value) {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n)) {
    throw new UsageError(`argument ${flag}: invalid float value: '${value}'`);
  }
  return n;
}

/**
 * Parses `freqtrade trade ...` like Freqtrade's argparse setup. Returns `{ command, options }` or
 * `{ command: 'version' }`; throws UsageError with argparse's wording for bad input.
 */
export function parseArgs(argv) {
  if (argv.includes('-V') || argv.includes('--version')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === undefined) {
    throw new UsageError('Usage of Freqtrade requires a subcommand to be specified.');
  }
  if (!(command in COMMAND_OPTIONS)) {
    throw new UsageError(
      `argument command: invalid choice: '${command}' (choose from ${Object.keys(COMMAND_OPTIONS)
        .map((c) => `'${c}'`)
        .join(', ')})`,
    );
  }
  const allowed = COMMAND_OPTIONS[command];
  const options = { config: [], verbose: 0 };
  const unknown = [];
  for (let i = 0; i < rest.length; i += 1) {
    const raw = rest[i];
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    if (flag === '-h' || flag === '--help') return { command: 'help' };
    const known = FLAG_OPTIONS[flag] ?? VALUE_OPTIONS[flag];
    if (known && allowed && !allowed.includes(known)) {
      unknown.push(raw);
      continue;
    }
    if (FLAG_OPTIONS[flag]) {
      const key = FLAG_OPTIONS[flag];
      options[key] = key === 'verbose' ? options.verbose + 1 : true;
      continue;
    }
    const key = VALUE_OPTIONS[flag];
    if (!key) {
      unknown.push(raw);
      continue;
    }
    let value = eq > 0 ? raw.slice(eq + 1) : rest[i + 1];
    if (eq <= 0) i += 1;
    if (value === undefined || (eq <= 0 && value.startsWith('-') && value !== '-')) {
      throw new UsageError(`argument ${flag}: expected one argument`);
    }
    if (key === 'config') options.config.push(value);
    else if (key === 'dryRunWallet' || key === 'fee') options[key] = parseFloatArg(flag, value);
    else if (key === 'simApiVersion' && !['2.40', 'newer'].includes(value)) {
      throw new UsageError(
        `argument ${flag}: invalid choice: '${value}' (choose from '2.40', 'newer')`,
      );
    } else options[key] = value;
  }
  if (unknown.length > 0) throw new UsageError(`unrecognized arguments: ${unknown.join(' ')}`);
  return { command, options };
}

export function usageText(message) {
  return `${USAGE}\nfreqtrade trade: error: ${message}\n`;
}
