import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import WebSocket from 'ws';
import { BIN_PATH, baseConfig, startBot } from '../../src/index.js';

export const USER = 'freqtrader';
export const PASS = 'sim-password';
export const BASIC = `Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}`;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sim-ft-test-'));
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
export function merge(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b ?? {})) {
    if (v === undefined) delete out[k];
    else out[k] = isObject(v) && isObject(out[k]) ? merge(out[k], v) : v;
  }
  return out;
}

/**
 * Starts a bot process with baseConfig merged with `overrides` (undefined deletes a key) and waits
 * until initial_state is applied (contract §3.1: /ping answers before that).
 */
export async function launch(
  exchangeUrl,
  overrides = {},
  { args, env, dir, waitState = true } = {},
) {
  const workDir = dir ?? tempDir();
  const config = merge(baseConfig({ dir: workDir, port: 0, exchangeUrl }), overrides);
  const bot = await startBot({ config, dir: workDir, args, env, waitMs: 20000 });
  const api = apiClient(bot.baseUrl);
  if (waitState) {
    const want = config.initial_state === 'running' ? 'running' : 'stopped';
    await waitFor(async () => bot.output().includes(`Changing state to: ${want.toUpperCase()}`));
  }
  return { ...bot, api };
}

/** fetch helpers: call(method, path, {body, headers, auth}) → { status, headers, body, text }. */
export function apiClient(baseUrl, auth = BASIC) {
  const call = async (method, p, { body, headers = {}, noAuth = false, raw } = {}) => {
    const h = { ...headers };
    if (!noAuth && !('authorization' in h)) h.authorization = auth;
    let payload;
    if (raw !== undefined) payload = raw;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    const res = await fetch(
      `${baseUrl}${p.startsWith('/') && !p.startsWith('/api') && !p.startsWith('/__') && p !== '/openapi.json' && p !== '/docs' ? `/api/v1${p}` : p}`,
      { method, headers: h, body: payload },
    );
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, body: json, text };
  };
  return {
    call,
    get: (p, o) => call('GET', p, o),
    post: (p, body, o = {}) => call('POST', p, { ...o, body }),
    del: (p, o) => call('DELETE', p, o),
  };
}

/** Polls `fn` until it returns a truthy value (generous timeout for a 2-core machine). */
export async function waitFor(fn, { timeout = 15000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await sleep(interval);
  }
  throw new Error(`condition not met within ${timeout} ms (last: ${JSON.stringify(last)})`);
}

/** Opens the message WS; resolves { ws, messages, next(pred) } or rejects with the HTTP status. */
export function connectWs(baseUrl, token) {
  const url = `${baseUrl.replace('http', 'ws')}/api/v1/message/ws${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const messages = [];
    ws.on('message', (d) => messages.push(JSON.parse(d.toString())));
    ws.once('unexpected-response', (_req, res) =>
      reject(Object.assign(new Error('rejected'), { status: res.statusCode })),
    );
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        ws,
        messages,
        send: (m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)),
        next: (pred, timeout = 15000) =>
          waitFor(() => messages.find(pred), { timeout, interval: 50 }),
        closed: new Promise((r) => ws.once('close', (code) => r(code))),
      }),
    );
  });
}

/** Runs the CLI to completion (for config errors): { code, output }. */
export function runCli(args, { cwd, env = {}, timeout = 15000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN_PATH, ...args], {
      cwd,
      env: { PATH: process.env.PATH, ...env },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Writes config JSON (or raw text) into dir and returns the path. */
export function writeConfig(dir, name, content) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** HS256 token signed in the test, to prove tokens are stateless and checked by secret only. */
export function signJwt(secret, payload) {
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = enc({ alg: 'HS256', typ: 'JWT' });
  const body = enc(payload);
  const sig = crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

export const decodeJwt = (t) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString());
