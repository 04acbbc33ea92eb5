/** The hub's structured logger: pino JSON, or readable lines on a terminal. Secrets are redacted. */
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/** Keys that may carry secrets anywhere in a log object. */
export const REDACT_PATHS = ['password', '*.password', 'token', '*.token', 'secret', '*.secret', 'authorization', '*.authorization', 'headers.authorization', 'config.password', 'config.*.password'];

export interface LoggerOptions {
  level?: string;
  /** Human-readable lines (default: when stdout is a terminal). */
  pretty?: boolean;
}

/** Create the root logger. */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const base = { level: opts.level ?? process.env.CAUSEWAY_LOG_LEVEL ?? 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  const usePretty = opts.pretty ?? process.stdout.isTTY === true;
  if (!usePretty) return pino(base);
  return pino(base, pretty({ sync: true, colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' }));
}
