// A small OpenAI-compatible endpoint on 127.0.0.1:0 (like a local Ollama or LM Studio): `POST
// /v1/chat/completions` records every request (body and Authorization header) and answers from a
// per-test script, then with the default answer. Nothing else of ours is imported.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  at: number;
  body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    response_format?: { type: string };
    [key: string]: unknown;
  };
  authorization: string | undefined;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** One scripted answer. */
export type Script =
  /** A completion whose content is `JSON.stringify(json)`. */
  | { kind: 'json'; json: unknown; usage?: Usage | null }
  /** A completion whose content is this text as it is (a fenced block, HTML, prose …). */
  | { kind: 'content'; content: string; usage?: Usage | null }
  /** An HTTP error with an OpenAI-style error body (or `body` as it is). */
  | { kind: 'status'; status: number; body?: string }
  /** 200 with a body that is not JSON although it says so. */
  | { kind: 'bad-json' }
  /** 200 text/html: a proxy's page instead of a completion. */
  | { kind: 'html' }
  /** Never answers (the socket stays open until the server closes). */
  | { kind: 'hang' }
  /** Waits, then answers with `then`. */
  | { kind: 'delay'; ms: number; then: Script };

export interface OpenAiCompatibleServer {
  /** `http://127.0.0.1:PORT/v1`, what SPOTDESK_LLM_BASE_URL takes. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Queues answers for the next requests, in order. */
  script(...answers: Script[]): void;
  /** The answer once the script is used up (default: two cited claims about `rsi_14`). */
  setDefault(answer: Script): void;
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_USAGE: Usage = { prompt_tokens: 120, completion_tokens: 30 };

export function claimsJson(claims: Array<{ text: string; cites: string[] }>, extra = {}) {
  return { kind: 'json' as const, json: { claims, ...extra } };
}

function completion(content: string, model: string, usage: Usage | null | undefined) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_767_607_200,
    model,
    choices: [
      { index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null },
    ],
    ...(usage === null
      ? {}
      : {
          usage: {
            ...(usage ?? DEFAULT_USAGE),
            total_tokens:
              (usage ?? DEFAULT_USAGE).prompt_tokens + (usage ?? DEFAULT_USAGE).completion_tokens,
          },
        }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startOpenAiCompatibleServer(): Promise<OpenAiCompatibleServer> {
  const requests: RecordedRequest[] = [];
  let queue: Script[] = [];
  let fallback: Script = claimsJson([{ text: 'RSI(14) is 55.2: neutral.', cites: ['rsi_14'] }]);
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  function answer(res: ServerResponse, script: Script, model: string): void {
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    switch (script.kind) {
      case 'json':
        return json(200, completion(JSON.stringify(script.json), model, script.usage));
      case 'content':
        return json(200, completion(script.content, model, script.usage));
      case 'status':
        res.writeHead(script.status, { 'content-type': 'application/json' });
        res.end(
          script.body ??
            JSON.stringify({
              error: { message: `scripted ${script.status}`, type: 'server_error', code: null },
            }),
        );
        return;
      case 'bad-json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id": "chatcmpl-test", "choices": [');
        return;
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        return;
      case 'hang':
        return;
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) answer(res, script.then, model);
        }, script.ms);
        timers.add(timer);
        return;
      }
    }
  }

  const server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      let body: RecordedRequest['body'];
      try {
        body = JSON.parse(text) as RecordedRequest['body'];
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'bad request body' } }));
        return;
      }
      requests.push({ at: Date.now(), body, authorization: req.headers.authorization });
      answer(res, queue.shift() ?? fallback, body.model);
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...answers) => void queue.push(...answers),
    setDefault: (answer) => void (fallback = answer),
    reset() {
      queue = [];
      requests.length = 0;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
