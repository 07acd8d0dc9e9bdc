// Turns a bot into what its process needs on disk: config.json (0600, with its loopback API
// credentials), state.json (the pause overlay), its strategy file, the launcher's launch.json for
// Live bots, and its supervisord program. No Binance key or secret is written anywhere.
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import type { BotFiles, BotPaths } from '../adapters/bot-files/files.js';
import { isLive, runsProcess, tradeDbFile, type Bot, type BotId } from '../domain/bot.js';
import {
  buildFreqtradeConfig,
  redactConfig,
  stateOverlay,
  type BotApiCredentials,
  type JsonObject,
} from '../domain/freqtrade-config.js';
import { programConfig } from '../domain/supervisor-program.js';

import type { SecretStore } from './secret-store.js';

export interface StrategyFile {
  name: string;
  /** Absolute path of the strategy's .py file. */
  path: string;
}

export interface StrategyLookup {
  exists(name: string): boolean;
  find(name: string): StrategyFile | undefined;
}

export interface WorkspaceOptions {
  files: BotFiles;
  secrets: SecretStore;
  strategies: StrategyLookup;
  base: JsonObject;
  freqtradeCommand: string[];
  exchangeRestUrl: string;
  blockedPairs: () => string[];
  /** The Live launcher (`backend/dist/bot-launcher.js`) and the node that runs it. */
  launcher: { node: string; script: string };
  /** Socket on which the orchestrator hands a Live bot's launcher its exchange key. */
  launcherSocket: string;
  /** `env` that clears the environment (`env -i`), and the PATH the bot gets. */
  envCommand: string;
  botPath: string;
}

const credentialsName = (id: BotId) => `bot:${id}:api`;
const randomToken = (bytes = 24) => randomBytes(bytes).toString('base64url');

/** The only variables a bot process gets (besides Freqtrade's own config files). */
export function allowedEnvironment(p: BotPaths, botPath: string): Record<string, string> {
  return { PATH: botPath, HOME: p.dir, LANG: 'C.UTF-8', TZ: 'UTC', PYTHONUNBUFFERED: '1' };
}

export function createBotWorkspace(options: WorkspaceOptions) {
  const { files, secrets } = options;

  function credentials(id: BotId): BotApiCredentials {
    const stored = secrets.get(credentialsName(id));
    if (stored) return JSON.parse(stored) as BotApiCredentials;
    const fresh: BotApiCredentials = {
      username: `spotdesk-${randomToken(6)}`,
      password: randomToken(),
      jwtSecretKey: randomToken(32),
      wsToken: randomToken(),
    };
    secrets.put(credentialsName(id), JSON.stringify(fresh));
    return fresh;
  }

  function config(bot: Bot, p: BotPaths): JsonObject {
    return buildFreqtradeConfig(bot, {
      base: options.base,
      botDir: p.dir,
      credentials: credentials(bot.id),
      exchangeRestUrl: options.exchangeRestUrl,
      blockedPairs: options.blockedPairs(),
    });
  }

  /** argv of the bot's program: a cleared environment, then Freqtrade (Paper) or the launcher (Live). */
  function command(bot: Bot, p: BotPaths): { argv: string[]; freqtrade: string[] } {
    const env = Object.entries(allowedEnvironment(p, options.botPath)).map(([k, v]) => `${k}=${v}`);
    const dbUrl = `sqlite:///${path.join(p.dir, tradeDbFile(bot.mode))}`;
    if (isLive(bot)) {
      // Freqtrade reads the whole config, key included, from stdin: no file or variable holds it.
      const freqtrade = [...options.freqtradeCommand, 'trade', '--config', '-', '--db-url', dbUrl];
      return {
        argv: [
          options.envCommand,
          '-i',
          ...env,
          options.launcher.node,
          options.launcher.script,
          p.dir,
        ],
        freqtrade,
      };
    }
    const freqtrade = [
      ...options.freqtradeCommand,
      'trade',
      '--config',
      p.config,
      '--config',
      p.state,
      '--dry-run',
      '--db-url',
      dbUrl,
    ];
    return { argv: [options.envCommand, '-i', ...env, ...freqtrade], freqtrade };
  }

  return {
    credentials,

    /** The config that would be written now, redacted: what the API shows and the history keeps. */
    redactedConfig(bot: Bot): JsonObject {
      return redactConfig(config(bot, files.paths(bot.id))) as JsonObject;
    },

    /**
     * Writes every file of the bot for its current settings and desired state.
     * @returns whether the supervisord program file changed (supervisord must re-read it).
     */
    materialize(bot: Bot): { programChanged: boolean; config: JsonObject } {
      const p = files.ensureLayout(bot.id);
      const strategy = options.strategies.find(bot.strategy);
      if (strategy) files.installStrategy(bot.id, strategy.path);
      const full = config(bot, p);
      files.writeConfig(bot.id, full);
      files.writeState(bot.id, stateOverlay(bot.desiredState === 'PAUSED'));
      const { argv, freqtrade } = command(bot, p);
      if (isLive(bot)) {
        files.writeLaunch(bot.id, {
          botId: bot.id,
          socket: options.launcherSocket,
          command: freqtrade,
        });
      }
      const programChanged = files.writeProgram(
        bot.id,
        programConfig({
          botId: bot.id,
          command: argv,
          directory: p.dir,
          autostart: runsProcess(bot.desiredState),
          logFile: p.log,
        }),
      );
      return { programChanged, config: redactConfig(full) as JsonObject };
    },

    /** Only the pause overlay and the program's autostart follow the desired state. */
    writeDesired(bot: Bot): boolean {
      const p = files.ensureLayout(bot.id);
      files.writeState(bot.id, stateOverlay(bot.desiredState === 'PAUSED'));
      const { argv } = command(bot, p);
      return files.writeProgram(
        bot.id,
        programConfig({
          botId: bot.id,
          command: argv,
          directory: p.dir,
          autostart: runsProcess(bot.desiredState),
          logFile: p.log,
        }),
      );
    },

    forget(id: BotId): void {
      secrets.remove(credentialsName(id));
    },
  };
}

export type BotWorkspace = ReturnType<typeof createBotWorkspace>;
