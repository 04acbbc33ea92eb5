/** The security routes the console uses: the write gate (/api/v1/writes), the audit log (/api/v1/audit) and setup. */
import { get, request, type Answer, type Query } from './client';

export type WriteRecord = Answer<'/api/v1/writes'>['writes'][number];
export type WriteState = WriteRecord['state'];
export type AuditRecord = Answer<'/api/v1/audit'>['records'][number];
export type AuditCheck = Answer<'/api/v1/audit/verify'>;

export const writes = {
  list: (query: Query<'/api/v1/writes'>, signal?: AbortSignal) => get('/api/v1/writes', { query, ...(signal ? { signal } : {}) }),
  /** 200 with state done, or 202 with state pending when the conduit requires a second person. */
  request: (path: string, value: number | boolean | string, reason?: string) => request<WriteRecord>('POST', '/api/v1/writes', { path, value, ...(reason ? { reason } : {}) }),
  approve: (id: string) => request<WriteRecord>('POST', `/api/v1/writes/${encodeURIComponent(id)}/approve`),
  deny: (id: string, reason?: string) => request<WriteRecord>('POST', `/api/v1/writes/${encodeURIComponent(id)}/deny`, reason ? { reason } : {}),
};

export const audit = {
  list: (query: Query<'/api/v1/audit'>, signal?: AbortSignal) => get('/api/v1/audit', { query, ...(signal ? { signal } : {}) }),
  verify: (signal?: AbortSignal) => get('/api/v1/audit/verify', signal ? { signal } : {}),
};

/** Is the first-run setup open (no admin yet)? */
export const setupOpen = (signal?: AbortSignal) => get('/api/v1/setup', signal ? { signal } : {});
