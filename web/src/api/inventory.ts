/** The inventory routes the console uses: vulnerability findings, their workflow, the assessment report. */
import { apiUrl, get, request, type Answer, type Query } from './client';

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
