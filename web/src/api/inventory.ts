/** The inventory routes the console uses: assets, advisories, vulnerability findings, their workflow, the assessment report. */
import { ApiError, apiUrl, csrfHeaders, get, request, type Answer, type Problem, type Query } from './client';

export type FindingList = Answer<'/api/v1/vulnerabilities'>;
export type FindingRow = FindingList['items'][number];
export type FindingDetail = Answer<'/api/v1/vulnerabilities/{id}'>;
export type MatchRun = NonNullable<FindingList['lastMatch']>;
export type FindingPriority = FindingRow['priority'];
export type FindingState = FindingRow['state'];

const one = (id: string, action: string) => `/api/v1/vulnerabilities/${encodeURIComponent(id)}/${action}`;

export const vulnerabilities = {
  list: (query: Query<'/api/v1/vulnerabilities'>, signal?: AbortSignal) => get('/api/v1/vulnerabilities', { query, ...(signal ? { signal } : {}) }),
  get: (id: string, signal?: AbortSignal) => get('/api/v1/vulnerabilities/{id}', { params: { id }, ...(signal ? { signal } : {}) }),
  mitigate: (id: string, comment: string) => request<FindingDetail>('POST', one(id, 'mitigate'), { comment }),
  accept: (id: string, comment: string, duration: string) => request<FindingDetail>('POST', one(id, 'accept'), { comment, for: duration }),
  reopen: (id: string, comment: string) => request<FindingDetail>('POST', one(id, 'reopen'), { comment }),
  assign: (id: string, owner: string) => request<FindingDetail>('POST', one(id, 'assign'), { owner }),
  comment: (id: string, comment: string) => request<FindingDetail>('POST', one(id, 'comment'), { comment }),
  rematch: () => request<MatchRun>('POST', '/api/v1/vulnerabilities/rematch'),
  /** Where the browser downloads the report (auditors). */
  reportUrl: (format: 'html' | 'pdf' | 'csv') => apiUrl('/api/v1/vulnerability-report', { format }),
};

// ---- Assets (the inventory) and advisories ----

export type AssetList = Answer<'/api/v1/assets'>;
export type AssetRecord = AssetList['assets'][number];
export type AssetHistoryEntry = Answer<'/api/v1/assets/{id}'>['history'][number];
export type AssetQuery = Query<'/api/v1/assets'>;
export interface AssetInput {
  name: string; zone: string; vendor?: string; product?: string; model?: string; version?: string; serial?: string;
  protocols?: string[]; endpoints?: string[]; criticality?: AssetRecord['criticality']; owner?: { team?: string; person?: string };
}
export interface ImportReport { rows: number; created: string[]; updated: string[]; rejected: { line: number; id?: string; name?: string; problems: string[] }[] }
export type AdvisoryStatus = Answer<'/api/v1/advisories/import-status'>;
export interface AdvisoryUpload { outcome: 'added' | 'updated' | 'unchanged'; advisory: { id: string; title?: string; revision?: string }; warnings: string[]; note?: string }

/** A body sent as it is (CSV, a CSAF file: the hub checksums the bytes), with the CSRF header; problems throw ApiError. */
async function sendText<T>(url: string, text: string, contentType: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json, application/problem+json', 'content-type': contentType, ...csrfHeaders() }, body: text });
  } catch {
    throw new ApiError({ status: 0, title: 'The hub cannot be reached.', hint: 'Check that the hub is running and this machine can reach it, then try again.' });
  }
  const body = (await res.json().catch(() => undefined)) as (T & Partial<Problem>) | undefined;
  if (res.ok && body) return body;
  if (body && typeof body.title === 'string') throw new ApiError({ ...body, title: body.title, status: res.status });
  throw new ApiError({ status: res.status, title: `The hub answered ${res.status}.`, hint: 'Try again; if it keeps failing, the hub log says why.' });
}

export const assets = {
  list: (query: AssetQuery, signal?: AbortSignal) => get('/api/v1/assets', { query, ...(signal ? { signal } : {}) }),
  get: (id: string, signal?: AbortSignal) => get('/api/v1/assets/{id}', { params: { id }, ...(signal ? { signal } : {}) }),
  create: (input: AssetInput) => request<AssetRecord>('POST', '/api/v1/assets', input),
  importCsv: (csv: string, file?: string) => sendText<ImportReport>(apiUrl('/api/v1/assets/import', { file }), csv, 'text/csv'),
  findings: (asset: string, signal?: AbortSignal) => vulnerabilities.list({ asset, state: 'open', limit: 100 }, signal),
};

export const advisories = {
  status: (signal?: AbortSignal) => get('/api/v1/advisories/import-status', signal ? { signal } : {}),
  upload: (json: string) => sendText<AdvisoryUpload>('/api/v1/advisories', json, 'application/json'),
};
