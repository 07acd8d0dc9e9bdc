import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseConfig, freePort, startBot } from '../src/index.js';
import { apiClient, merge, runCli, tempDir, writeConfig } from './helpers/harness.js';

// No exchange is needed for configuration behaviour: markets simply fail to load (logged).
const DEAD_EXCHANGE = 'http://127.0.0.1:9';

function setup(overrides = {}) {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'user_data'), { recursive: true });
  const config = merge(baseConfig({ dir, port: 8999, exchangeUrl: DEAD_EXCHANGE }), overrides);
  return { dir, config, file: writeConfig(dir, 'config.json', config) };
}

const running = [];
afterAll(async () => {
  await Promise.all(running.map((b) => b.close()));
});

async function startWith(config, opts = {}) {
  const dir = opts.dir ?? tempDir();
  const cfg = merge(config, { api_server: { listen_port: await freePort() } });
  const bot = await startBot({ config: cfg, dir, args: opts.args, env: opts.env });
  running.push(bot);
  return { ...bot, api: apiClient(bot.baseUrl) };
}

describe('CLI (contract §7)', () => {
  it('rejects unknown arguments like argparse, exit 2', async () => {
    const { code, output } = await runCli(['trade', '--bogus']);
    expect(code).toBe(2);
    expect(output).toContain('freqtrade trade: error: unrecognized arguments: --bogus');
  });

  it('requires a subcommand', async () => {
    const { code, output } = await runCli([]);
    expect(code).toBe(2);
    expect(output).toContain('requires a subcommand');
  });

  it('prints a version with -V', async () => {
    const { code, output } = await runCli(['-V']);
    expect(code).toBe(0);
    expect(output).toMatch(/^freqtrade 2024\.10/);
  });

  it('a missing config file is an OperationalException: exit 2 with the message', async () => {
    const { code, output } = await runCli(['trade', '-c', '/nonexistent/config.json']);
    expect(code).toBe(2);
    expect(output).toMatch(
      /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - freqtrade - ERROR - Config file "\/nonexistent\/config.json" not found!/,
    );
  });
});

describe('utility commands (contract §7)', () => {
  it('create-userdir needs --userdir (exit 1) and creates the folder tree', async () => {
    const missing = await runCli(['create-userdir']);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('`create-userdir` requires --userdir to be set.');
    const dir = path.join(tempDir(), 'a', 'user_data');
    const { code } = await runCli(['create-userdir', '--userdir', dir]);
    expect(code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'backtest_results',
      'data',
      'freqaimodels',
      'hyperopt_results',
      'hyperopts',
      'logs',
      'notebooks',
      'plot',
      'strategies',
    ]);
  });

  it('list-strategies -1 prints one name per line on stdout', async () => {
    const { dir, file } = setup();
    const { code, output } = await runCli(['list-strategies', '-1', '-c', file], { cwd: dir });
    expect(code).toBe(0);
    expect(output.trim().split('\n')).toEqual([
      'AlwaysEnterStrategy',
      'BollingerBreakoutStrategy',
      'EmaCrossStrategy',
      'NeverEnterStrategy',
      'RandomSeededStrategy',
      'RsiMeanReversionStrategy',
    ]);
  });

  it('show-config prints the merged config with secrets masked unless --show-sensitive', async () => {
    const { dir, file } = setup({ exchange: { key: 'k-123', secret: 's-456' } });
    const masked = await runCli(['show-config', '-c', file], { cwd: dir });
    expect(masked.code).toBe(0);
    expect(masked.output).toContain('Your combined configuration is:');
    expect(masked.output).not.toContain('s-456');
    expect(masked.output).not.toContain('sim-password');
    const shown = await runCli(['show-config', '-c', file, '--show-sensitive'], { cwd: dir });
    expect(shown.output).toContain('s-456');
  });

  it('options of other commands are refused (argparse), unknown commands too', async () => {
    const r = await runCli(['create-userdir', '--userdir', tempDir(), '--strategy', 'X']);
    expect(r.code).toBe(2);
    expect(r.output).toContain('unrecognized arguments: --strategy');
    const u = await runCli(['backtesting']);
    expect(u.code).toBe(2);
    expect(u.output).toContain("argument command: invalid choice: 'backtesting'");
  });
});

describe('config validation (contract §5.1)', () => {
  it('a JSON syntax error is a ConfigurationError: exit 1', async () => {
    const dir = tempDir();
    const file = writeConfig(dir, 'config.json', '{"max_open_trades": 3,, }');
    const { code, output } = await runCli(['trade', '-c', file]);
    expect(code).toBe(1);
    expect(output).toContain('Configuration error:');
    expect(output).toContain('Please verify your configuration file for syntax errors.');
  });

  it('a missing required key fails schema validation: exit 1, Invalid configuration', async () => {
    const { file, dir } = setup({ stake_currency: undefined });
    const { code, output } = await runCli(['trade', '-c', file], { cwd: dir });
    expect(code).toBe(1);
    expect(output).toContain(
      "Invalid configuration. Reason: 'stake_currency' is a required property",
    );
    expect(output).toContain('Fatal exception!');
  });

  it('wrong types and ranges are refused with jsonschema wording', async () => {
    const a = setup({ api_server: { listen_port: 80 } });
    const r1 = await runCli(['trade', '-c', a.file], { cwd: a.dir });
    expect(r1.code).toBe(1);
    expect(r1.output).toContain(
      'Invalid configuration. Reason: 80 is less than the minimum of 1024',
    );
    const b = setup({ dry_run: 'yes' });
    const r2 = await runCli(['trade', '-c', b.file], { cwd: b.dir });
    expect(r2.output).toContain("Invalid configuration. Reason: 'yes' is not of type 'boolean'");
    const c = setup({ stoploss: 0 });
    const r3 = await runCli(['trade', '-c', c.file], { cwd: c.dir });
    expect(r3.output).toContain('0 is greater than or equal to the maximum of 0');
    const d = setup({ initial_state: 'paused' });
    const r4 = await runCli(['trade', '-c', d.file], { cwd: d.dir });
    expect(r4.output).toContain("'paused' is not one of ['running', 'stopped']");
  });

  it('api_server keys are required whenever the section exists', async () => {
    const { file, dir } = setup({ api_server: { enabled: false, password: undefined } });
    const { code, output } = await runCli(['trade', '-c', file], { cwd: dir });
    expect(code).toBe(1);
    expect(output).toContain("'password' is a required property");
  });

  it('top-level protections are rejected (contract §10.9)', async () => {
    const { file, dir } = setup({ protections: [{ method: 'CooldownPeriod' }] });
    const { code, output } = await runCli(['trade', '-c', file], { cwd: dir });
    expect(code).toBe(1);
    expect(output).toContain(
      "DEPRECATED: Setting 'protections' in the configuration is deprecated.",
    );
  });

  it('unlimited max_open_trades with unlimited stake is rejected', async () => {
    const { file, dir } = setup({ max_open_trades: -1, stake_amount: 'unlimited' });
    const { code, output } = await runCli(['trade', '-c', file], { cwd: dir });
    expect(code).toBe(1);
    expect(output).toContain('`max_open_trades` and `stake_amount` cannot both be unlimited.');
  });

  it('market orders need a crossing price_side; only StaticPairList is simulated', async () => {
    const a = setup({
      order_types: {
        entry: 'market',
        exit: 'limit',
        stoploss: 'market',
        stoploss_on_exchange: false,
      },
      entry_pricing: { price_side: 'same' },
    });
    const r1 = await runCli(['trade', '-c', a.file], { cwd: a.dir });
    expect(r1.code).toBe(1);
    expect(r1.output).toContain('Market entry orders require entry_pricing.price_side = "other".');
    const b = setup({ pairlists: [{ method: 'VolumePairList' }] });
    const r2 = await runCli(['trade', '-c', b.file], { cwd: b.dir });
    expect(r2.code).toBe(2);
    expect(r2.output).toContain(
      'Pairlist Handler VolumePairList is not implemented by this simulator',
    );
    const c = setup({ pairlists: [] });
    const r3 = await runCli(['trade', '-c', c.file], { cwd: c.dir });
    expect(r3.code).toBe(2);
    expect(r3.output).toContain('No Pairlist Handlers defined');
  });

  it('a hostname as listen_ip_address kills the process (exit 1)', async () => {
    const { file, dir } = setup({ api_server: { listen_ip_address: 'localhost' } });
    const { code, output } = await runCli(['trade', '-c', file], { cwd: dir });
    expect(code).toBe(1);
    expect(output).toContain("'localhost' does not appear to be an IPv4 or IPv6 address");
  });

  it('a missing user_data_dir is exit 2 with the create-userdir hint', async () => {
    const { file, dir } = setup({ user_data_dir: '/nonexistent/user_data' });
    const { code, output } = await runCli(['trade', '-c', file], { cwd: dir });
    expect(code).toBe(2);
    expect(output).toContain('Please use `freqtrade create-userdir` to create a user directory');
  });

  it('no strategy set is exit 2', async () => {
    const { file, dir } = setup({ strategy: undefined });
    const { code, output } = await runCli(['trade', '-c', file], { cwd: dir });
    expect(code).toBe(2);
    expect(output).toContain(
      'No strategy set. Please use `--strategy` to specify the strategy class to use.',
    );
  });

  it("an unknown strategy exits 2 with Freqtrade's message", async () => {
    const { file, dir } = setup();
    const { code, output } = await runCli(['trade', '-c', file, '--strategy', 'NoSuchStrategy'], {
      cwd: dir,
    });
    expect(code).toBe(2);
    expect(output).toContain(
      "Impossible to load Strategy 'NoSuchStrategy'. This class does not exist or contains Python code errors.",
    );
  });

  it('secrets never appear in the log output', async () => {
    const { file, dir } = setup({
      stake_currency: undefined,
      api_server: { password: 'hunter2-secret' },
    });
    const { output } = await runCli(['trade', '-c', file], { cwd: dir });
    expect(output).not.toContain('hunter2-secret');
  });
});

describe('config merging, env overrides, strategy values (contract §5.4, §5.5)', () => {
  it('merges several --config files deeply, later files win, comments and trailing commas allowed', async () => {
    const { dir, config } = setup();
    const first = writeConfig(
      dir,
      'a.json',
      merge(config, { api_server: { listen_port: undefined } }),
    );
    const second = writeConfig(
      dir,
      'b.json',
      '{\n // a comment\n "bot_name": "second", /* block */ "exchange": {"pair_whitelist": ["ETH/USDT"],},\n}',
    );
    const bot = await startWith(config, { dir, args: ['--config', first, '--config', second] });
    const cfg = (await bot.api.get('/show_config')).body;
    expect(cfg.bot_name).toBe('second');
    expect((await bot.api.get('/whitelist')).body.whitelist).toEqual(['ETH/USDT']);
    expect(cfg.stake_currency).toBe('USDT');
  });

  it('applies FREQTRADE__SECTION__KEY env vars with typed values; PASSWORD stays a string', async () => {
    const { config } = setup();
    const bot = await startWith(config, {
      env: {
        FREQTRADE__BOT_NAME: 'from-env',
        FREQTRADE__MAX_OPEN_TRADES: '5',
        FREQTRADE__API_SERVER__PASSWORD: '12345',
        FREQTRADE__FORCE_ENTRY_ENABLE: 'false',
      },
    });
    const client = apiClient(
      bot.baseUrl,
      `Basic ${Buffer.from('freqtrader:12345').toString('base64')}`,
    );
    const cfg = (await client.get('/show_config')).body;
    expect(cfg.bot_name).toBe('from-env');
    expect(cfg.max_open_trades).toBe(5);
    expect(cfg.force_entry_enable).toBe(false);
    expect(bot.output()).toContain("Loading variable 'FREQTRADE__API_SERVER__PASSWORD'");
    expect(bot.output()).not.toMatch(/12345(?!\d)/);
  });

  it('an all-digit ws_token from env becomes a number and fails validation', async () => {
    const { file, dir } = setup();
    const { code, output } = await runCli(['trade', '-c', file], {
      cwd: dir,
      env: { FREQTRADE__API_SERVER__WS_TOKEN: '123456' },
    });
    expect(code).toBe(1);
    expect(output).toContain("is not of type 'string', 'array'");
  });

  it('reads timeframe/stoploss/minimal_roi from the strategy file; config values override them', async () => {
    const { config } = setup({ strategy: 'EmaCrossStrategy', stoploss: -0.2 });
    delete config.minimal_roi;
    const bot = await startWith(config);
    const cfg = (await bot.api.get('/show_config')).body;
    expect(cfg.timeframe).toBe('5m');
    expect(cfg.minimal_roi).toEqual({ 60: 0.01, 30: 0.02, 0: 0.04 });
    expect(cfg.stoploss).toBe(-0.2);
    expect(cfg.strategy).toBe('EmaCrossStrategy');
  });

  it('--strategy, --dry-run and --db-url on the command line override the config', async () => {
    const { config, dir } = setup({ dry_run: false });
    const db = path.join(dir, 'cli.sqlite');
    const bot = await startWith(config, {
      dir,
      args: ['--strategy', 'AlwaysEnterStrategy', '--dry-run', '--db-url', `sqlite:///${db}`],
    });
    const cfg = (await bot.api.get('/show_config')).body;
    expect(cfg.strategy).toBe('AlwaysEnterStrategy');
    expect(cfg.dry_run).toBe(true);
    expect(cfg.runmode).toBe('dry_run');
    expect(fs.existsSync(db)).toBe(true);
  });

  it('add_config_files are merged under the including file', async () => {
    const { config, dir } = setup();
    writeConfig(dir, 'extra.json', { bot_name: 'from-extra', max_open_trades: 7 });
    const main = merge(config, {
      add_config_files: ['extra.json'],
      bot_name: 'parent-wins',
      max_open_trades: undefined,
    });
    const bot = await startWith(main, { dir });
    const cfg = (await bot.api.get('/show_config')).body;
    expect(cfg.bot_name).toBe('parent-wins');
    expect(cfg.max_open_trades).toBe(7);
  });
});
