/** Errors as application/problem+json (RFC 9457), built from the error catalogue. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { CausewayError } from '../core/errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  hint: string;
  retryable: boolean;
  detail?: string;
  /** For a refused write: the step of the write gate that refused it. */
  step?: string;
  instance: string;
}

/** The problem document for a catalogue error. */
export function problemOf(err: CausewayError, instance: string): Problem {
  return {
    type: `https://causeway.dev/errors/${err.code}`,
    title: err.message,
    status: err.status,
    code: err.code,
    hint: err.hint,
    retryable: err.retryable,
    ...(err.detail ? { detail: err.detail } : {}),
    ...(typeof (err.params as Record<string, unknown>).step === 'string' ? { step: (err.params as Record<string, string>).step } : {}),
    instance,
  };
}

/** The values a one-of-these field allows (TypeBox literal unions report one `const` per value), in order. */
function allowedValues(errors: NonNullable<FastifyError['validation']>, at: string | undefined): string[] {
  const out: string[] = [];
  for (const e of errors) {
    if (e.instancePath !== at) continue;
    const p = e.params as { allowedValue?: unknown; allowedValues?: unknown[] };
    if (e.keyword === 'const') out.push(String(p.allowedValue));
    if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) out.push(...p.allowedValues.map(String));
  }
  return out;
}

/** Turn anything thrown by a route into a catalogue error; internal details are logged, not sent. */
export function toCausewayError(error: FastifyError | Error, request: FastifyRequest): CausewayError {
  if (error instanceof CausewayError) return error;
  const fe = error as FastifyError;
  if (fe.validation) {
    const where = fe.validationContext ?? 'request';
    const first = fe.validation[0];
    const field = first?.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const allowed = allowedValues(fe.validation, first?.instancePath);
    if (where === 'querystring' && field && allowed.length > 0) {
      const value = (request.query as Record<string, unknown> | undefined)?.[field];
      return new CausewayError('CW_API_BAD_VALUE', { param: field, value: Array.isArray(value) ? value.join(',') : String(value), allowed: allowed.join(', ') });
    }
    const problem = `${where}${field ? ` parameter "${field}"` : ''} ${first?.message ?? fe.message}`;
    return new CausewayError('CW_API_BAD_REQUEST', { problem });
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new CausewayError('CW_API_BODY_TOO_LARGE', { limit: `${request.routeOptions.bodyLimit ?? 1_048_576} bytes` });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new CausewayError('CW_API_BAD_REQUEST', { problem: fe.message.replace(/\.$/, '') });
  }
  request.log.error({ err: error }, 'unhandled error in route');
  return new CausewayError('CW_API_INTERNAL', { reason: 'unhandled error' });
}

/** Send a catalogue error as problem+json. */
export function sendProblem(reply: FastifyReply, err: CausewayError, instance: string): FastifyReply {
  if (err.retryAfterSeconds !== undefined) void reply.header('retry-after', String(err.retryAfterSeconds));
  return reply.code(err.status).type('application/problem+json').send(problemOf(err, instance));
}
