import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN_PATH = fileURLToPath(new URL('../bin/freqtrade.js', import.meta.url));
export const BUNDLED_STRATEGIES = fileURLToPath(new URL('../../../strategies', import.meta.url));

/** A free TCP port on 127.0.0.1 (Freqtrade needs a fixed listen_port, so pick one first). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A dry-run config in the shape of contract §5.3, for `exchangeUrl` (a Binance-compatible base URL). */
export function baseConfig({ dir, port, exchangeUrl, pairs = ['BTC/USDT', 'ETH/USDT'] }) {
  return {
    bot_name: 'sim-bot',
    strategy: 'NeverEnterStrategy',
    max_open_trades: 3,
    stake_currency: 'USDT',
    stake_amount: 100,
    tradable_balance_ratio: 0.99,
    dry_run: true,
    dry_run_wallet: 1000,
    initial_state: 'running',
    force_entry_enable: true,
    db_url: `sqlite:///${path.join(dir, 'tradesv3.dryrun.sqlite')}`,
    user_data_dir: path.join(dir, 'user_data'),
    strategy_path: BUNDLED_STRATEGIES,
    entry_pricing: { price_side: 'other', use_order_book: false, order_book_top: 1 },
    exit_pricing: { price_side: 'other', use_order_book: false, order_book_top: 1 },
    exchange: {
      name: 'binance',
      key: '',
      secret: '',
      ccxt_config: {
        enableRateLimit: false,
        urls: {
          api: {
            public: `${exchangeUrl}/api/v3`,
            private: `${exchangeUrl}/api/v3`,
            v1: `${exchangeUrl}/api/v1`,
          },
        },
      },
      ccxt_async_config: {},
      pair_whitelist: pairs,
      pair_blacklist: [],
    },
    pairlists: [{ method: 'StaticPairList' }],
    api_server: {
      enabled: true,
      listen_ip_address: '127.0.0.1',
      listen_port: port,
      verbosity: 'error',
      enable_openapi: false,
      jwt_secret_key: 'sim-jwt-secret',
      ws_token: 'sim-ws-token',
      CORS_origins: [],
      username: 'freqtrader',
      password: 'sim-password',
    },
    internals: { process_throttle_secs: 1, heartbeat_interval: 60 },
  };
}

async function waitForPing(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`bot exited with ${child.exitCode} before answering /ping`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/ping`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`bot did not answer /ping within ${timeoutMs} ms`);
}

/**
 * Spawns the simulator as a real process: writes `config` (listen_port filled in when missing)
 * to `dir`, runs `node bin/freqtrade.js trade --config <file> ...args`, waits for /ping (unless
 * `waitForPing` is false, e.g. for `api_server.enabled: false`).
 * Returns { process, baseUrl, port, configPath, output(), exited, kill(sig), close() }.
 */
export async function startBot({
  config,
  dir,
  args = [],
  env = {},
  waitMs = 10000,
  waitForPing: ping = true,
} = {}) {
  const workDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sim-ft-'));
  const cfg = structuredClone(config);
  cfg.api_server.listen_port ||= await freePort();
  fs.mkdirSync(cfg.user_data_dir ?? path.join(workDir, 'user_data'), { recursive: true });
  const configPath = path.join(workDir, 'config.json');
  fs.writeFileSync(configPath, JSON.stringify(cfg, null, 2));
  const child = spawn(process.execPath, [BIN_PATH, 'trade', '--config', configPath, ...args], {
    cwd: workDir,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${cfg.api_server.listen_port}`;
  try {
    if (ping) await waitForPing(baseUrl, child, waitMs);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${err.message}\n${output}`);
  }
  return {
    process: child,
    baseUrl,
    port: cfg.api_server.listen_port,
    configPath,
    dir: workDir,
    config: cfg,
    output: () => output,
    exited,
    kill: (sig = 'SIGTERM') => child.kill(sig),
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const res = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 5000))]);
      if (res === null) {
        child.kill('SIGKILL');
        return exited;
      }
      return res;
    },
  };
}
