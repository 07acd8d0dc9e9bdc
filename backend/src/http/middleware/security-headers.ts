import type { IncomingMessage } from 'node:http';

import type { RequestHandler } from 'express';
import helmet from 'helmet';

const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * Strict CSP and friends. Over plain http (the default, localhost) neither HSTS nor
 * upgrade-insecure-requests is sent: either would break the panel on http://localhost:8080.
 * style-src stays 'self': React's style={} props go through CSSOM, which CSP does not block.
 */
export function securityHeaders(options: {
  isHttps: boolean;
  publicUrl: URL | undefined;
}): RequestHandler {
  const { isHttps, publicUrl } = options;
  // The panel's WebSocket is same-origin; spelled out because some browsers do not map 'self' to ws:.
  const socketOrigin = (req: IncomingMessage): string => {
    if (publicUrl) return `${isHttps ? 'wss' : 'ws'}://${publicUrl.host}`;
    const host = req.headers.host ?? '';
    return HOST_PATTERN.test(host) ? `ws://${host}` : "'self'";
  };
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", (req) => socketOrigin(req)],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        ...(isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
}
