// A tiny browser stand-in: keeps cookies and the CSRF token like the panel does.

export interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
  text: string;
}

export class Browser {
  readonly cookies = new Map<string, string>();
  csrfToken = '';

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    options: {
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
      csrf?: boolean;
    } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.csrf !== false && method !== 'GET' && this.csrfToken)
      headers['x-csrf-token'] = this.csrfToken;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined && method !== 'GET' && method !== 'HEAD') {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    } else if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value = ''] = (pair ?? '').split('=');
      if (!name) continue;
      const expired = attributes.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.trim());
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  /** GET /api/session and keep its CSRF token, as the panel does after every sign-in change. */
  async refreshSession(): Promise<Reply> {
    const reply = await this.request('GET', '/api/session');
    this.csrfToken = reply.body.csrfToken;
    return reply;
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, { headers });
  post = (path: string, body?: unknown) => this.request('POST', path, { body });
  delete = (path: string) => this.request('DELETE', path);
}

export const ADMIN_PASSWORD = 'correct horse battery staple';

/** Sets up the instance via the setup token; returns a signed-in admin browser. */
export async function setUpAdmin(
  baseUrl: string,
  setupToken: string,
  username = 'ana',
): Promise<Browser> {
  const browser = new Browser(baseUrl);
  await browser.refreshSession();
  const reply = await browser.post('/api/setup', {
    setupToken,
    username,
    password: ADMIN_PASSWORD,
  });
  if (reply.status !== 201) throw new Error(`setup failed: ${reply.status} ${reply.text}`);
  await browser.refreshSession();
  return browser;
}

export async function signIn(
  baseUrl: string,
  username: string,
  password: string,
): Promise<Browser> {
  const browser = new Browser(baseUrl);
  await browser.refreshSession();
  const reply = await browser.post('/api/auth/login', { username, password });
  if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${reply.text}`);
  await browser.refreshSession();
  return browser;
}
