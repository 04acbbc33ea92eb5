import { describe, expect, it } from 'vitest';
import { ADVISORY_ERRORS } from './error-catalogue/advisories.js';
import { ALARM_ERRORS } from './error-catalogue/alarms.js';
import { FINDING_ERRORS } from './error-catalogue/findings.js';
import { NOTIFY_ERRORS } from './error-catalogue/notifications.js';
import { CONNECTIVITY_ERRORS } from './error-catalogue/connectivity.js';
import { DATA_ERRORS } from './error-catalogue/data.js';
import { INVENTORY_ASSET_ERRORS } from './error-catalogue/inventory-assets.js';
import { HISTORIAN_ERRORS } from './error-catalogue/historian.js';
import { OPERATIONS_ERRORS } from './error-catalogue/operations.js';
import { SECURITY_ERRORS } from './error-catalogue/security.js';
import { CausewayError, ERROR_CATALOGUE, isCausewayError, type ErrorCode } from './errors.js';

const AREAS = ['CONFIG', 'PATH', 'SOURCE', 'SINK', 'REGISTRY', 'PIPELINE', 'HISTORIAN', 'API', 'RUNTIME', 'NAMESPACE', 'SECURITY', 'AUTH', 'WRITE', 'AUDIT', 'PKI', 'PRODUCTION', 'ERP', 'ALARM', 'INVENTORY', 'ADVISORY', 'EXPORT', 'INGEST', 'EXPR', 'BROKER', 'NOTIFY'];

/** Fill every parameter a template may use with a recognisable value. */
function sampleParams(): Record<string, string> {
  return new Proxy({}, { get: (_t, key) => (key === 'count' ? '2' : `<${String(key)}>`) }) as Record<string, string>;
}

describe('error catalogue', () => {
  const codes = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

  it('has each code in exactly one area file, so no entry silently replaces another', () => {
    const parts = [DATA_ERRORS, CONNECTIVITY_ERRORS, HISTORIAN_ERRORS, SECURITY_ERRORS, OPERATIONS_ERRORS, ALARM_ERRORS, FINDING_ERRORS, ADVISORY_ERRORS, NOTIFY_ERRORS, INVENTORY_ASSET_ERRORS].flatMap((p) => Object.keys(p));
    expect(parts.length).toBe(codes.length);
    expect(new Set(parts).size).toBe(parts.length);
  });

  it.each(codes)('%s is well formed', (code) => {
    expect(code).toMatch(/^CW_[A-Z]+_[A-Z0-9_]+$/);
    const area = code.split('_')[1]!;
    expect(AREAS).toContain(area);
    const entry = ERROR_CATALOGUE[code];
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.status).toBeLessThan(600);
    const err = new CausewayError(code, sampleParams() as never);
    // An operator sentence: capitalised, ends with a full stop, and no undefined holes.
    expect(err.message).toMatch(/^[A-Z"]/);
    expect(err.message).toMatch(/[.]$/);
    expect(err.message).not.toContain('undefined');
    // A hint says what to do next.
    expect(err.hint.length).toBeGreaterThan(10);
    expect(err.hint).toMatch(/[.]$/);
    expect(err.hint).not.toContain('undefined');
    expect(typeof err.retryable).toBe('boolean');
  });

  it('uses each operator sentence once', () => {
    const sentences = codes.map((c) => new CausewayError(c, sampleParams() as never).message);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it('keeps technical detail apart from the operator sentence', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:502'), { code: 'ECONNREFUSED' });
    const err = new CausewayError('CW_SOURCE_CONNECT_FAILED', { source: 'filler-plc', target: '10.0.0.5:502', reason: 'connection refused' }, { cause });
    expect(err.message).toBe('Cannot reach filler-plc at 10.0.0.5:502: connection refused.');
    expect(err.detail).toBe('ECONNREFUSED: connect ECONNREFUSED 10.0.0.5:502');
    expect(err.retryable).toBe(true);
    expect(err.toJSON()).toMatchObject({ code: 'CW_SOURCE_CONNECT_FAILED', retryable: true });
    expect(isCausewayError(err, 'CW_SOURCE_CONNECT_FAILED')).toBe(true);
    expect(isCausewayError(err, 'CW_PATH_INVALID')).toBe(false);
    expect(isCausewayError(new Error('x'))).toBe(false);
  });
});
