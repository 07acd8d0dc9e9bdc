// The orchestrator's private unix socket (`<data>/run/orchestrator.sock`, mode 0600): a Live
// bot's launcher asks here for the installation's Binance key, proving which bot it runs with
// that bot's own loopback API password. The key is handed out only while every Live gate is open.
import { timingSafeEqual } from 'node:crypto';
import { chmodSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';

import { isLive, runsProcess, type BotId } from '../domain/bot.js';
import type { BotRepo } from '../db/repos/bot-repo.js';
import type { Logger } from '../lib/logger.js';
import type { AuditService } from '../services/audit-service.js';
import type { BotWorkspace } from '../services/bot-workspace.js';
import type { SettingsService } from '../services/settings-service.js';

const ROUTE = /^\/bots\/(\d+)\/exchange-credentials$/;

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function createLauncherSocket(deps: {
  path: string;
  repo: BotRepo;
  workspace: BotWorkspace;
  settings: SettingsService;
  audit: AuditService;
  logger: Logger;
}) {
  function answer(botId: BotId, bearer: string): { status: number; body: object } {
    const bot = deps.repo.find(botId);
    if (!bot || !same(bearer, deps.workspace.credentials(botId).password)) {
      return { status: 403, body: { error: 'not this bot' } };
    }
    const gate = deps.settings.liveGate();
    const credentials = deps.settings.exchangeCredentials();
    const refusal = !isLive(bot)
      ? 'the bot is not Live'
      : !runsProcess(bot.desiredState)
        ? 'the bot is not meant to run'
        : !gate.environment
          ? 'SPOTDESK_LIVE_TRADING is not enabled'
          : !gate.masterSwitch
            ? 'the Live switch is off'
            : !credentials
              ? 'no exchange key is saved'
              : null;
    if (refusal || !credentials) {
      deps.audit.record({
        actor: 'system',
        action: 'exchange-key-refused',
        target: `bot:${botId}`,
        reason: refusal,
      });
      return { status: 403, body: { error: refusal } };
    }
    deps.audit.record({ actor: 'system', action: 'exchange-key-handed', target: `bot:${botId}` });
    return { status: 200, body: credentials };
  }

  let server: Server | undefined;
  return {
    async listen(): Promise<void> {
      rmSync(deps.path, { force: true });
      server = createServer((req, res) => {
        const match = req.method === 'POST' ? ROUTE.exec(req.url ?? '') : null;
        const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        const { status, body } =
          match && bearer
            ? answer(Number(match[1]) as BotId, bearer)
            : { status: 404, body: { error: 'not found' } };
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(deps.path, () => resolve());
      });
      chmodSync(deps.path, 0o600);
      deps.logger.debug({ path: deps.path }, 'launcher socket listening');
    },
    async close(): Promise<void> {
      if (!server) return;
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      rmSync(deps.path, { force: true });
    },
  };
}

export type LauncherSocket = ReturnType<typeof createLauncherSocket>;
