/**
 * A small fetch client for the hub's REST API: typed from the generated OpenAPI types, same-origin
 * credentials, problem+json errors turned into ApiError (title + hint for the user), and the CSRF
 * header on every state-changing request.
 */
import type { paths } from './types';

/** An RFC 9457 problem as the hub sends it. */
export interface Problem {
  title: string;
  status: number;
  code?: string;
  hint?: string;
  detail?: string;
  retryable?: boolean;
}

/** A request the hub refused or could not answer; `problem.title` and `problem.hint` are for the user. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

// ---- CSRF: the one place the session's token is kept and sent ----

let csrfToken: string | undefined;

/** Remember the session's CSRF token (from the login answer or GET /api/v1/me); undefined forgets it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/**
 * The headers that prove a state-changing request comes from this console: `X-CSRF-Token` with
 * the session's token (kept from the login answer or /api/v1/me), or a readable `causeway_csrf`
 * cookie if the hub sets one. Security owns this function.
 */
export function csrfHeaders(): Record<string, string> {
  const fromCookie = document.cookie.split('; ').find((c) => c.startsWith('causeway_csrf='))?.slice('causeway_csrf='.length);
  const token = csrfToken ?? (fromCookie ? decodeURIComponent(fromCookie) : undefined);
  return token ? { 'X-CSRF-Token': token } : {};
}

// ---- 401: the session ended or never began ----

const unauthorizedListeners = new Set<() => void>();

/** Be told when the hub answers 401 (the session is gone); returns the unsubscribe. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

// ---- Typed GET from the OpenAPI paths ----

type Ops = { [P in keyof paths]: paths[P] extends { get: infer G } ? (G extends { responses: unknown } ? G : never) : never };
type JsonOf<G> = G extends { responses: { 200: { content: { 'application/json': infer J } } } } ? J : never;
type QueryOf<G> = G extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** Every GET route of the API that answers JSON. */
export type GetPath = { [P in keyof Ops]: JsonOf<Ops[P]> extends never ? never : P }[keyof Ops];
/** The JSON answer of a GET route. */
export type Answer<P extends GetPath> = JsonOf<Ops[P]>;
/** The query parameters of a GET route. */
export type Query<P extends GetPath> = QueryOf<Ops[P]>;

type QueryValue = string | number | boolean | undefined | readonly (string | number)[];

/** A URL with the route's `{param}`s filled in and the query appended (arrays repeat the parameter). */
export function apiUrl(path: string, query?: Record<string, QueryValue>, params?: Record<string, string>): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params?.[name] ?? ''));
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v) search.append(k, String(item));
    else search.append(k, String(v));
  }
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

export interface GetOptions<P extends GetPath> {
  query?: Query<P>;
  params?: Record<string, string>;
  signal?: AbortSignal;
}

/** GET a route of the API, typed by its OpenAPI description. */
export function get<P extends GetPath>(path: P, opts: GetOptions<P> = {}): Promise<Answer<P>> {
  return request<Answer<P>>('GET', apiUrl(path, opts.query as Record<string, QueryValue> | undefined, opts.params), undefined, opts.signal);
}

/**
 * Any request, for routes the generated types do not know yet (login, writes, …) and for writes.
 * JSON in, JSON out; a problem answer throws ApiError.
 */
export async function request<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') Object.assign(headers, csrfHeaders());
  let res: Response;
  try {
    res = await fetch(url, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}), ...(signal ? { signal } : {}) });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'The hub cannot be reached.', hint: 'Check that the hub is running and this machine can reach it, then try again.' });
  }
  if (res.status === 401) unauthorizedListeners.forEach((l) => l());
  if (!res.ok) throw new ApiError(await problemOf(res));
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

/** GET text (e.g. /metrics). */
export async function getText(url: string, signal?: AbortSignal): Promise<string> {
  return request<string>('GET', url, undefined, signal);
}

async function problemOf(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      if (typeof body.title === 'string') return { ...body, title: body.title, status: res.status };
    } catch {
      // Not JSON after all: fall through to the generic answer.
    }
  }
  return { status: res.status, title: `The hub answered ${res.status} ${res.statusText}.`.replace(' .', '.'), hint: 'Try again; if it keeps failing, the hub log says why.' };
}
