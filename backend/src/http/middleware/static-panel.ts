import { existsSync } from 'node:fs';
import path from 'node:path';

import express, { type RequestHandler, Router } from 'express';

const NOT_PANEL = /^\/(api|health|ready)(\/|$)/;

/**
 * Serves the built panel with history fallback: hashed /assets/* are cached for a year,
 * index.html never. When the build is missing, page requests get a plain 503 that says so.
 */
export function staticPanel(frontendDir: string): Router {
  const router = Router();
  const indexFile = path.join(frontendDir, 'index.html');
  router.use(
    '/assets',
    express.static(path.join(frontendDir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: true,
    }),
  );
  // A missing hashed file is a stale page asking for an old build: a plain 404, not index.html.
  router.use('/assets', (_req, res) => {
    res.status(404).type('text/plain').send('not found\n');
  });
  router.use(
    express.static(frontendDir, {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  const fallback: RequestHandler = (req, res, next) => {
    const wantsPage =
      (req.method === 'GET' || req.method === 'HEAD') &&
      !NOT_PANEL.test(req.path) &&
      req.accepts('html') === 'html';
    if (!wantsPage) {
      next();
      return;
    }
    if (!existsSync(indexFile)) {
      res.status(503).type('text/plain').send('panel not built: run npm run build\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  };
  router.use(fallback);
  return router;
}
