import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

import { z } from 'zod';

import { ConfigError } from '../domain/errors.js';

// ../../../frontend/dist from src/config/env.ts or dist/config/env.js is the repo's frontend/dist.
const DEFAULT_FRONTEND_DIR = fileURLToPath(new URL('../../../frontend/dist', import.meta.url));
// The installation: the repository natively, /app in the image (both hold backend/ beside strategies/).
const DEFAULT_APP_DIR = fileURLToPath(new URL('../../..', import.meta.url));
const REAL_BINANCE_URL = 'https://api.binance.com';
const REAL_BINANCE_WS_URL = 'wss://stream.binance.com:9443/ws';

export type TrustProxy = boolean | number | string[];

const secretKeySchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const key = /^[0-9a-fA-F]{64}$/.test(value)
      ? Buffer.from(value, 'hex')
      : Buffer.from(value, 'base64');
    if (
      key.length !== 32 ||
      (!/^[0-9a-fA-F]{64}$/.test(value) && !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value))
    ) {
      ctx.addIssue({ code: 'custom', message: 'must be 32 bytes as 64 hex characters or base64' });
      return z.NEVER;
    }
    return key;
  });

const trustProxySchema = z
  .string()
  .trim()
  .transform((value, ctx): TrustProxy => {
    if (value === 'false' || value === '') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isIpOrCidr(entry));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be false, true, a hop count or a comma list of IPs/CIDRs (bad: ${bad.join(', ')})`,
      });
      return z.NEVER;
    }
    return entries;
  });

function isIpOrCidr(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const max = family === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
}

const intInRange = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** A command line as supervisord splits it (shlex): words, single or double quotes. */
export function splitCommand(line: string): string[] | null {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let rest = line.trim();
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    words.push(m[1]?.replace(/\\(.)/g, '$1') ?? m[2] ?? m[3]!);
  }
  rest = rest.replace(re, '').trim();
  return words.length > 0 && rest === '' ? words : null;
}

const commandSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const words = splitCommand(value);
    if (!words) {
      ctx.addIssue({ code: 'custom', message: 'must be a command, e.g. freqtrade or "node x.js"' });
      return z.NEVER;
    }
    return words;
  });

const portRangeSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const m = /^(\d+)-(\d+)$/.exec(value);
    const first = Number(m?.[1]);
    const last = Number(m?.[2]);
    if (!m || first < 1024 || last > 65535 || last - first < 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be FIRST-LAST within 1024-65535, e.g. 18100-18999',
      });
      return z.NEVER;
    }
    return { first, last };
  });

const envSchema = z.object({
  SPOTDESK_DATA_DIR: z.string().trim().min(1).default('/data'),
  SPOTDESK_HOST: z.string().trim().min(1).default('127.0.0.1'),
  SPOTDESK_PORT: intInRange(0, 65535).default(8080),
  SPOTDESK_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  SPOTDESK_SECRET_KEY: secretKeySchema.optional(),
  SPOTDESK_ADMIN_PASSWORD: z.string().min(1).optional(),
  SPOTDESK_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
    .transform((value) => new URL(value))
    .optional(),
  SPOTDESK_TRUST_PROXY: trustProxySchema.default(false),
  SPOTDESK_SUPERVISOR_SOCKET: z.string().trim().min(1).optional(),
  SPOTDESK_FRONTEND_DIR: z.string().trim().min(1).default(DEFAULT_FRONTEND_DIR),
  SPOTDESK_SESSION_IDLE_MINUTES: intInRange(1, 60 * 24 * 30).default(120),
  SPOTDESK_SESSION_ABSOLUTE_HOURS: intInRange(1, 24 * 365).default(24),
  SPOTDESK_SIMULATION: z.enum(['0', '1']).default('0'),
  SPOTDESK_LIVE_TRADING: z.enum(['disabled', 'enabled']).default('disabled'),
  SPOTDESK_APP_DIR: z.string().trim().min(1).optional(),
  SPOTDESK_FREQTRADE_CMD: commandSchema.optional(),
  SPOTDESK_BINANCE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  SPOTDESK_BINANCE_WS_URL: z
    .url({ protocol: /^wss?$/, message: 'must be a ws:// or wss:// URL' })
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  SPOTDESK_SIM_EXCHANGE_PORT: intInRange(1024, 65535).default(18001),
  SPOTDESK_BOT_PORTS: portRangeSchema.default({ first: 18100, last: 18999 }),
  SPOTDESK_RECONCILE_SECONDS: intInRange(1, 300).default(5),
  SPOTDESK_BOT_UNREACHABLE_SECONDS: intInRange(5, 3600).default(60),
  // The AI assistant's model endpoint (any OpenAI-compatible server); each wins over Settings.
  SPOTDESK_LLM_BASE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  SPOTDESK_LLM_MODEL: z.string().trim().min(1).max(200).optional(),
  SPOTDESK_LLM_API_KEY: z.string().trim().min(1).max(500).optional(),
});

// Set by entrypoint.sh and the image for the process tree, not by the user; accepted, not used here.
const PROCESS_TREE_VARIABLES = [
  'SPOTDESK_SIM_EXCHANGE_AUTOSTART',
  'SPOTDESK_ORCHESTRATOR_LOG',
  'SPOTDESK_ORCHESTRATOR_LOG_MAXBYTES',
];
const KNOWN_VARIABLES = [...Object.keys(envSchema.shape), ...PROCESS_TREE_VARIABLES];

/** A misspelt SPOTDESK_ variable would otherwise be ignored without a word. */
function unknownVariables(present: Record<string, unknown>): string[] {
  return Object.keys(present)
    .filter((key) => !KNOWN_VARIABLES.includes(key))
    .map((key) => {
      const near = KNOWN_VARIABLES.find((known) => editDistance(known, key) <= 2);
      return `  ${key}: not a Spotdesk variable${near ? ` (did you mean ${near}?)` : ''}`;
    });
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = row;
  }
  return previous[b.length]!;
}

export interface Env {
  dataDir: string;
  host: string;
  port: number;
  logLevel: string;
  secretKey: Buffer | undefined;
  adminPassword: string | undefined;
  publicUrl: URL | undefined;
  isHttps: boolean;
  trustProxy: TrustProxy;
  supervisorSocket: string;
  frontendDir: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  simulation: boolean;
  liveTradingEnabled: boolean;
  appDir: string;
  /** argv of the Freqtrade command; `trade …` is appended. */
  freqtradeCommand: string[];
  /** Binance REST base for the orchestrator and every bot (the sim in the offline demo). */
  binanceUrl: string;
  /** Binance Spot stream base for the market feed (`…/ws`; the sim's `…/stream/ws`). */
  binanceWsUrl: string;
  simExchangePort: number;
  botPorts: { first: number; last: number };
  reconcileMs: number;
  botUnreachableMs: number;
  /** The assistant's model endpoint as the environment sets it (each field wins over Settings). */
  llm: { baseUrl: string | undefined; model: string | undefined; apiKey: string | undefined };
}

/**
 * Parses SPOTDESK_* variables once. Empty strings count as unset (docker compose passes `VAR=`).
 * @throws ConfigError listing every bad variable, one per line.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Readonly<Env> {
  const present = Object.fromEntries(
    Object.entries(source).filter(([key, value]) => key.startsWith('SPOTDESK_') && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  const lines = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)),
    ...unknownVariables(present),
  ];
  if (!parsed.success || lines.length > 0) {
    throw new ConfigError(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.SPOTDESK_DATA_DIR);
  const simulation = e.SPOTDESK_SIMULATION === '1';
  const appDir = path.resolve(e.SPOTDESK_APP_DIR ?? DEFAULT_APP_DIR);
  return Object.freeze({
    dataDir,
    host: e.SPOTDESK_HOST,
    port: e.SPOTDESK_PORT,
    logLevel: e.SPOTDESK_LOG_LEVEL,
    secretKey: e.SPOTDESK_SECRET_KEY,
    adminPassword: e.SPOTDESK_ADMIN_PASSWORD,
    publicUrl: e.SPOTDESK_PUBLIC_URL,
    isHttps: e.SPOTDESK_PUBLIC_URL?.protocol === 'https:',
    trustProxy: e.SPOTDESK_TRUST_PROXY,
    supervisorSocket: path.resolve(
      e.SPOTDESK_SUPERVISOR_SOCKET ?? path.join(dataDir, 'run', 'supervisor.sock'),
    ),
    frontendDir: path.resolve(e.SPOTDESK_FRONTEND_DIR),
    sessionIdleMs: e.SPOTDESK_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SPOTDESK_SESSION_ABSOLUTE_HOURS * 3_600_000,
    simulation,
    liveTradingEnabled: e.SPOTDESK_LIVE_TRADING === 'enabled',
    appDir,
    // The offline demo runs the simulators in their place, unless told otherwise explicitly.
    freqtradeCommand:
      e.SPOTDESK_FREQTRADE_CMD ??
      (simulation
        ? [process.execPath, path.join(appDir, 'sim', 'freqtrade', 'bin', 'freqtrade.js')]
        : ['freqtrade']),
    binanceUrl:
      e.SPOTDESK_BINANCE_URL ??
      (simulation ? `http://127.0.0.1:${e.SPOTDESK_SIM_EXCHANGE_PORT}` : REAL_BINANCE_URL),
    binanceWsUrl:
      e.SPOTDESK_BINANCE_WS_URL ??
      (simulation
        ? `ws://127.0.0.1:${e.SPOTDESK_SIM_EXCHANGE_PORT}/stream/ws`
        : REAL_BINANCE_WS_URL),
    simExchangePort: e.SPOTDESK_SIM_EXCHANGE_PORT,
    botPorts: e.SPOTDESK_BOT_PORTS,
    reconcileMs: e.SPOTDESK_RECONCILE_SECONDS * 1000,
    botUnreachableMs: e.SPOTDESK_BOT_UNREACHABLE_SECONDS * 1000,
    llm: {
      baseUrl: e.SPOTDESK_LLM_BASE_URL,
      model: e.SPOTDESK_LLM_MODEL,
      apiKey: e.SPOTDESK_LLM_API_KEY,
    },
  });
}

/** The resolved config as it may be logged: secrets reduced to whether they are set. */
export function describeEnv(env: Env): Record<string, unknown> {
  const { secretKey, adminPassword, publicUrl, llm, ...rest } = env;
  return {
    ...rest,
    llm: {
      baseUrl: llm.baseUrl ?? null,
      model: llm.model ?? null,
      apiKeySet: llm.apiKey !== undefined,
    },
    secretKeySource: secretKey ? 'SPOTDESK_SECRET_KEY' : '<data>/secret.key',
    adminPasswordSet: adminPassword !== undefined,
    publicUrl: publicUrl?.href ?? null,
  };
}
