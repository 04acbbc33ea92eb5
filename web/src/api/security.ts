/**
 * The security routes the console uses: the write gate (/api/v1/writes), the audit log
 * (/api/v1/audit), setup, users and API tokens, the zone map and the OPC UA certificates.
 */
import { get, request, type Answer, type Query } from './client';

export type WriteRecord = Answer<'/api/v1/writes'>['writes'][number];
export type WriteState = WriteRecord['state'];
export type AuditRecord = Answer<'/api/v1/audit'>['records'][number];
export type AuditCheck = Answer<'/api/v1/audit/verify'>;
export type User = Answer<'/api/v1/users'>['users'][number];
export type Grant = User['grants'][number];
export type Role = Grant['role'];
export type ApiToken = Answer<'/api/v1/tokens'>['tokens'][number];
export type Scope = ApiToken['scopes'][number];
export type ZoneMap = Answer<'/api/v1/zones'>;
export type Conduit = ZoneMap['conduits'][number];
export type LinkInfo = ZoneMap['links'][number];
export type Certificate = Answer<'/api/v1/pki'>['certificates'][number];

/** The roles, least to most powerful, as the hub knows them. */
export const ROLES: readonly Role[] = ['viewer', 'operator', 'ot-engineer', 'it-engineer', 'auditor', 'admin'];

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

export const users = {
  list: (signal?: AbortSignal) => get('/api/v1/users', signal ? { signal } : {}),
  create: (body: { username: string; password: string; grants: Grant[] }) => request<User>('POST', '/api/v1/users', body),
  update: (id: string, change: { disabled?: boolean; grants?: Grant[] }) => request<User>('PATCH', `/api/v1/users/${encodeURIComponent(id)}`, change),
  remove: (id: string) => request<void>('DELETE', `/api/v1/users/${encodeURIComponent(id)}`),
  /** An admin's lock: nobody signs in as the user, from any address, until unlocked. */
  lock: (id: string) => request<User>('POST', `/api/v1/users/${encodeURIComponent(id)}/lock`, {}),
  unlock: (id: string) => request<User>('POST', `/api/v1/users/${encodeURIComponent(id)}/unlock`),
};

export const tokens = {
  /** Yours, or with `all` (admins) everyone's. */
  list: (all: boolean, signal?: AbortSignal) => get('/api/v1/tokens', { query: all ? { all: true } : {}, ...(signal ? { signal } : {}) }),
  /** The secret is in this answer only. */
  create: (body: { name: string; scopes: Scope[]; expiresInDays: number }) => request<{ token: ApiToken; secret: string }>('POST', '/api/v1/tokens', body),
  revoke: (id: string) => request<void>('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`),
};

export const zones = {
  get: (signal?: AbortSignal) => get('/api/v1/zones', signal ? { signal } : {}),
};

export const pki = {
  list: (signal?: AbortSignal) => get('/api/v1/pki', signal ? { signal } : {}),
  /** Trust or reject a server's certificate by its full thumbprint (recorded in the audit log). */
  decide: (thumbprint: string, action: 'trust' | 'reject') => request<Certificate>('POST', `/api/v1/pki/${encodeURIComponent(thumbprint)}/${action}`),
};

/** Is the first-run setup open (no admin yet)? */
export const setupOpen = (signal?: AbortSignal) => get('/api/v1/setup', signal ? { signal } : {});
