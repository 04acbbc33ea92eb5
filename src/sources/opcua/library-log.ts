/**
 * node-opcua writes its own warnings and errors to the console, which would mix with the hub's
 * structured log (and with `causeway check` output). Route them into pino instead: warnings and
 * errors at debug level until an OPC UA source exists, then under that source's logger as warn.
 * The routing is process-wide, as node-opcua's loggers are.
 */
import { format } from 'node:util';
import type { Logger } from 'pino';
import { setErrorLogger, setWarningLogger } from 'node-opcua';

let target: Logger | undefined;

function route(level: 'warn' | 'error') {
  return function nodeOpcuaLog(_context: unknown, ...args: unknown[]): void {
    target?.[level]({ component: 'node-opcua' }, format(...args));
  };
}

setWarningLogger(route('warn'));
setErrorLogger(route('error'));

/** Send node-opcua's own log lines to this logger from now on. */
export function routeLibraryLog(logger: Logger): void {
  target ??= logger;
}
