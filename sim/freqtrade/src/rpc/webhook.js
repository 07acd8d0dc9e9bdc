import { pyFormat } from './py-format.js';

// Legacy keys consulted when a message type has no explicit key (freqtrade/rpc/webhook.py).
const LEGACY = {
  entry: 'webhookentry',
  entry_cancel: 'webhookentrycancel',
  entry_fill: 'webhookentryfill',
  exit: 'webhookexit',
  exit_fill: 'webhookexitfill',
  exit_cancel: 'webhookexitcancel',
  status: 'webhookstatus',
  startup: 'webhookstatus',
  exception: 'webhookstatus',
  warning: 'webhookstatus',
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function render(template, msg) {
  if (typeof template === 'string') return pyFormat(template, msg);
  return Object.fromEntries(
    Object.entries(template).map(([k, v]) => [k, pyFormat(String(v), msg)]),
  );
}

function encode(format, payload) {
  if (format === 'json') return { body: JSON.stringify(payload), type: 'application/json' };
  if (format === 'raw') return { body: String(payload.data ?? ''), type: 'text/plain' };
  return {
    body: new URLSearchParams(payload).toString(),
    type: 'application/x-www-form-urlencoded',
  };
}

/**
 * Webhook RPC handler (contract §8): one POST per message whose type has a template, values
 * rendered to strings, retried `retries` times. Deliveries are queued so they stay in order.
 */
export function createWebhook(cfg, logger) {
  const log = logger.get('freqtrade.rpc.webhook');
  let queue = Promise.resolve();

  const deliver = async (payload) => {
    const { body, type } = encode(cfg.format ?? 'form', payload);
    const attempts = 1 + (cfg.retries ?? 0);
    for (let i = 0; i < attempts; i += 1) {
      try {
        const res = await fetch(cfg.url, {
          method: 'POST',
          headers: { 'content-type': type },
          body,
          signal: AbortSignal.timeout((cfg.timeout ?? 10) * 1000),
        });
        if (res.ok) return;
        throw new Error(`HTTP ${res.status}`);
      } catch (err) {
        if (i + 1 === attempts) {
          log.warning(`Could not call webhook url. Exception: ${err.message}`);
          return;
        }
        await sleep((cfg.retry_delay ?? 0.1) * 1000);
      }
    }
  };

  return {
    send(msg) {
      if (msg.type === 'strategy_msg' && !cfg.allow_custom_messages) return;
      const template = cfg[msg.type] ?? cfg[LEGACY[msg.type]];
      if (!template) return;
      let payload;
      try {
        payload = render(template, msg);
      } catch (err) {
        log.error(
          `Problem calling Webhook. Please check your webhook configuration. Exception: ${err.message}`,
        );
        return;
      }
      queue = queue.then(() => deliver(payload));
    },
    flush: () => queue,
  };
}
