/** HTTP helpers for API tests: JSON requests, sign-in with the session cookie, raw paths. */
import http from 'node:http';
import https from 'node:https';

export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A request with an optional JSON body; the answer parsed as JSON when it is JSON. */
export async function call(url: string, method = 'GET', o: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const body = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  const res = await fetch(url, { method, redirect: 'manual', headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers }, ...(body !== undefined ? { body } : {}) });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, body: type.includes('json') ? await res.json() : await res.text() };
}

export interface Session {
  /** The Cookie header value. */
  cookie: string;
  csrf: string;
  setCookie: string;
  me: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Sign in; throws unless it worked. `cookie` is sent along (e.g. a planted session id). */
export async function signIn(base: string, username: string, password: string, cookie?: string): Promise<Session> {
  const r = await call(`${base}/api/v1/login`, 'POST', { body: { username, password }, ...(cookie ? { headers: { cookie } } : {}) });
  if (r.status !== 200) throw new Error(`sign-in of ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  const setCookie = r.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0]!, csrf: r.body.csrfToken, setCookie, me: r.body };
}

/** A request as a session: the cookie, and the CSRF token on changes. */
export function asSession(s: Session, base: string) {
  return (path: string, method = 'GET', body?: unknown, withCsrf = true) =>
    call(`${base}${path}`, method, { ...(body !== undefined ? { body } : {}), headers: { cookie: s.cookie, ...(withCsrf && method !== 'GET' ? { 'x-csrf-token': s.csrf } : {}) } });
}

/** A request as a bearer token. */
export function asToken(token: string, base: string) {
  return (path: string, method = 'GET', body?: unknown) => call(`${base}${path}`, method, { ...(body !== undefined ? { body } : {}), headers: { authorization: `Bearer ${token}` } });
}

/**
 * A request to a path exactly as written (no URL normalisation of `..` or %2e), for traversal
 * tests; over HTTPS with `ca`, the certificate is checked against it for the name localhost.
 */
export function rawGet(base: string, path: string, options: { ca?: string; method?: string; json?: unknown } = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const u = new URL(base);
  const lib = u.protocol === 'https:' ? https : http;
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    const req = lib.request({ host: u.hostname, port: u.port, path, method: options.method ?? 'GET', headers, ...(options.ca ? { ca: options.ca, servername: 'localhost' } : {}) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A JSON request sent from a given local address (127.0.0.2, 127.0.0.3, … all reach a hub on
 * 127.0.0.1 on Linux), so a test can be two clients at different addresses.
 */
export function callFrom(localAddress: string, base: string, path: string, method = 'GET', o: { body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any; headers: http.IncomingHttpHeaders }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const u = new URL(base);
  const body = o.body === undefined ? undefined : JSON.stringify(o.body);
  return new Promise((resolve, reject) => {
    // Like fetch and curl: a POST without a body says Content-Length: 0 (Node would send it chunked).
    const headers = { ...(body === undefined ? { 'content-length': '0' } : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }), ...o.headers };
    const req = http.request({ host: u.hostname, port: u.port, path, method, headers, localAddress }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: (res.headers['content-type'] ?? '').includes('json') ? JSON.parse(text) : text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
