import { Agent, request } from 'undici';
import { z } from 'zod';

import { UpstreamRejectedError, UpstreamUnavailableError } from '../../domain/errors.js';

import {
  processInfoSchema,
  reloadConfigSchema,
  stateSchema,
  type SupervisorProcessInfo,
} from './schemas.js';
import { XmlRpcFault, parseResponse, serializeCall, type XmlRpcValue } from './xml-rpc.js';

export interface SupervisorState {
  code: number;
  name: string;
}

export interface ProcessInfo {
  name: string;
  group: string;
  state: string;
  pid: number;
  description: string;
  exitStatus: number;
  spawnError: string;
  startedAt: Date | null;
}

export interface ConfigChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface SupervisordClient {
  call(method: string, params?: XmlRpcValue[], timeoutMs?: number): Promise<XmlRpcValue>;
  getState(): Promise<SupervisorState>;
  getAllProcessInfo(): Promise<ProcessInfo[]>;
  startProcess(name: string, wait?: boolean): Promise<boolean>;
  stopProcess(name: string, wait?: boolean): Promise<boolean>;
  reloadConfig(): Promise<ConfigChanges>;
  addProcessGroup(name: string): Promise<boolean>;
  removeProcessGroup(name: string): Promise<boolean>;
  /** One program's info, or null when supervisord does not know it (BAD_NAME). */
  getProcessInfo(name: string): Promise<ProcessInfo | null>;
  /** The tail of a program's stdout log (`readProcessStdoutLog`), at most `length` bytes. */
  tailLog(name: string, length: number): Promise<string>;
  close(): Promise<void>;
}

/** Talks XML-RPC to supervisord over its unix socket; never over TCP. */
export function createSupervisordClient(options: {
  socketPath: string;
  timeoutMs?: number;
  /** For start/stop with wait=true: supervisord answers only after startsecs or stopwaitsecs. */
  processTimeoutMs?: number;
}): SupervisordClient {
  const defaultTimeoutMs = options.timeoutMs ?? 5000;
  const processTimeoutMs = options.processTimeoutMs ?? 60_000;
  const agent = new Agent({ connect: { socketPath: options.socketPath } });

  async function call(
    method: string,
    params: XmlRpcValue[] = [],
    timeoutMs = defaultTimeoutMs,
  ): Promise<XmlRpcValue> {
    let text: string;
    try {
      const response = await request('http://localhost/RPC2', {
        dispatcher: agent,
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: serializeCall(method, params),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.body.text();
      if (response.statusCode !== 200) {
        throw new UpstreamRejectedError(
          'supervisord-rejected',
          `supervisord answered ${response.statusCode} to ${method}`,
        );
      }
    } catch (error) {
      throw translate(error, method);
    }
    try {
      return parseResponse(text);
    } catch (error) {
      if (error instanceof XmlRpcFault) {
        throw new UpstreamRejectedError(
          'supervisord-fault',
          `supervisord refused ${method}: ${error.faultString}`,
          {
            details: { faultCode: error.faultCode },
            cause: error,
          },
        );
      }
      throw new UpstreamRejectedError(
        'supervisord-bad-response',
        `supervisord sent a malformed answer to ${method}`,
        { cause: error },
      );
    }
  }

  async function typed<S extends z.ZodType>(
    schema: S,
    method: string,
    params?: XmlRpcValue[],
    timeoutMs?: number,
  ): Promise<z.infer<S>> {
    const value = await call(method, params, timeoutMs);
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new UpstreamRejectedError(
        'supervisord-bad-response',
        `unexpected answer shape from ${method}`,
        { cause: parsed.error },
      );
    }
    return parsed.data;
  }

  return {
    call,
    async getState() {
      const state = await typed(stateSchema, 'supervisor.getState');
      return { code: state.statecode, name: state.statename };
    },
    async getAllProcessInfo() {
      const list = await typed(processInfoSchema.array(), 'supervisor.getAllProcessInfo');
      return list.map(toProcessInfo);
    },
    async getProcessInfo(name) {
      try {
        return toProcessInfo(
          await typed(processInfoSchema, 'supervisor.getProcessInfo', [`${name}:${name}`]),
        );
      } catch (error) {
        if (isFault(error, BAD_NAME)) return null;
        throw error;
      }
    },
    async tailLog(name, length) {
      const [text] = await typed(
        z.tuple([z.string(), z.number(), z.boolean()]),
        'supervisor.tailProcessStdoutLog',
        [`${name}:${name}`, 0, length],
      );
      return text;
    },
    removeProcessGroup: (name) => typed(z.boolean(), 'supervisor.removeProcessGroup', [name]),
    startProcess: (name, wait = true) =>
      typed(z.boolean(), 'supervisor.startProcess', [name, wait], processTimeoutMs),
    stopProcess: (name, wait = true) =>
      typed(z.boolean(), 'supervisor.stopProcess', [name, wait], processTimeoutMs),
    addProcessGroup: (name) => typed(z.boolean(), 'supervisor.addProcessGroup', [name]),
    async reloadConfig() {
      const [[added, changed, removed]] = await typed(
        reloadConfigSchema,
        'supervisor.reloadConfig',
      );
      return { added, changed, removed };
    },
    close: () => agent.close(),
  };
}

// supervisord's fault codes (supervisor/xmlrpc.py Faults).
export const BAD_NAME = 10;
export const ALREADY_STARTED = 60;
export const NOT_RUNNING = 70;
export const ALREADY_ADDED = 90;
export const STILL_RUNNING = 91;

export function isFault(error: unknown, code: number): boolean {
  return (
    error instanceof UpstreamRejectedError &&
    error.code === 'supervisord-fault' &&
    error.details?.faultCode === code
  );
}

function toProcessInfo(p: SupervisorProcessInfo): ProcessInfo {
  return {
    name: p.name,
    group: p.group,
    state: p.statename,
    pid: p.pid,
    description: p.description,
    exitStatus: p.exitstatus,
    spawnError: p.spawnerr,
    startedAt: p.start > 0 ? new Date(p.start * 1000) : null,
  };
}

const UNAVAILABLE_CODES = new Set([
  'ENOENT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EACCES',
  'UND_ERR_SOCKET',
]);
const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

// One place turns transport failures into domain errors; the original stays as `cause`.
function translate(error: unknown, method: string): Error {
  if (error instanceof UpstreamRejectedError) return error;
  const err = error as { code?: string; name?: string; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code ?? '';
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || TIMEOUT_CODES.has(code)) {
    return new UpstreamUnavailableError(
      'supervisord-timeout',
      `supervisord did not answer ${method} in time`,
      { cause: error },
    );
  }
  if (UNAVAILABLE_CODES.has(code)) {
    return new UpstreamUnavailableError(
      'supervisord-unavailable',
      `supervisord is not reachable on its socket (${code})`,
      { cause: error },
    );
  }
  return new UpstreamUnavailableError(
    'supervisord-unavailable',
    `supervisord call ${method} failed`,
    { cause: error },
  );
}
