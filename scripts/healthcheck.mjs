// Docker HEALTHCHECK: the orchestrator answers /health on its port (the image has no curl).
const port = process.env.SPOTDESK_PORT || '8080';
try {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(4000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
