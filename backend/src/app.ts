import express, { type Express, type RequestHandler } from 'express';

import type { TrustProxy } from './config/env.js';
import { createGuards } from './http/guards.js';
import { errorHandler, notFound } from './http/middleware/error-handler.js';
import { requestLog } from './http/middleware/request-log.js';
import { attachSession } from './http/middleware/session.js';
import { securityHeaders } from './http/middleware/security-headers.js';
import { staticPanel } from './http/middleware/static-panel.js';
import type { BotsSlice } from './compose-bots.js';
import { assistantRoutes } from './http/routes/assistant.js';
import { auditRoutes } from './http/routes/audit.js';
import { botRoutes } from './http/routes/bots.js';
import { catalogRoutes } from './http/routes/catalog.js';
import { marketRoutes } from './http/routes/market.js';
import { monitorRoutes } from './http/routes/monitor.js';
import { settingsRoutes } from './http/routes/settings.js';
import { authRoutes } from './http/routes/auth.js';
import { healthRoutes } from './http/routes/health.js';
import { sessionRoutes } from './http/routes/session.js';
import { systemRoutes, type SystemInfo } from './http/routes/system.js';
import { userRoutes } from './http/routes/users.js';
import type { Logger } from './lib/logger.js';
import type { AuditService } from './services/audit-service.js';
import type { AuthService } from './services/auth-service.js';
import type { CsrfService } from './services/csrf-service.js';
import type { UserRepo } from './db/repos/user-repo.js';
import type { PasswordHasher } from './services/password-hasher.js';
import type { ReadinessService } from './services/readiness-service.js';
import type { SessionService } from './services/session-service.js';
import type { UserService } from './services/user-service.js';

export interface AppDeps {
  logger: Logger;
  now?: () => number;
  http: {
    isHttps: boolean;
    publicUrl: URL | undefined;
    trustProxy: TrustProxy;
    frontendDir: string;
  };
  info: SystemInfo;
  services: {
    auth: AuthService;
    users: UserService;
    sessions: SessionService;
    audit: AuditService;
    csrf: CsrfService;
    readiness: ReadinessService;
    bots: Pick<
      BotsSlice,
      | 'bots'
      | 'market'
      | 'assistant'
      | 'converger'
      | 'settings'
      | 'strategies'
      | 'exchange'
      | 'dashboard'
      | 'trading'
      | 'emergency'
    > & {
      users: UserRepo;
      hasher: PasswordHasher;
    };
  };
}

const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** Composes the express app; never listens and never reads the environment. */
export function buildApp(deps: AppDeps): Express {
  const { services, http, info } = deps;
  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-* are believed only when SPOTDESK_TRUST_PROXY says so.
  app.set('trust proxy', http.trustProxy);
  const guards = createGuards(services.csrf, http.publicUrl);
  const secureCookies = http.isHttps;

  app.use(requestLog(deps.logger));
  app.use(securityHeaders({ isHttps: http.isHttps, publicUrl: http.publicUrl }));
  app.use(healthRoutes(services.readiness));
  app.use('/api', noStore, express.json({ limit: '100kb' }));
  app.use('/api', attachSession(services.sessions));
  app.use(
    sessionRoutes({
      auth: services.auth,
      csrf: services.csrf,
      instance: {
        version: info.version,
        simulation: info.simulation,
        liveTradingEnabled: info.liveTradingEnabled,
      },
      secureCookies,
    }),
  );
  app.use(authRoutes({ auth: services.auth, guards, secureCookies }));
  app.use(userRoutes({ users: services.users, guards }));
  app.use(auditRoutes({ audit: services.audit, guards }));
  app.use(systemRoutes({ info, readiness: services.readiness, guards }));
  const slice = services.bots;
  app.use(botRoutes({ bots: slice.bots, converger: slice.converger, guards }));
  app.use(catalogRoutes({ strategies: slice.strategies, exchange: slice.exchange, guards }));
  app.use(
    settingsRoutes({ settings: slice.settings, users: slice.users, hasher: slice.hasher, guards }),
  );
  app.use(marketRoutes({ market: slice.market, guards }));
  app.use(assistantRoutes({ assistant: slice.assistant, guards }));
  app.use(
    monitorRoutes({
      dashboard: slice.dashboard,
      trading: slice.trading,
      emergency: slice.emergency,
      now: deps.now ?? Date.now,
      guards,
    }),
  );
  app.use('/api', notFound);
  app.use(staticPanel(http.frontendDir));
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
