/** Error catalogue entries: the historian and its exports. */
import { spec } from './spec.js';

export const HISTORIAN_ERRORS = {
  // historian
  CW_HISTORIAN_OPEN_FAILED: spec<{ target: string; reason: string }>({
    status: 500, retryable: true,
    message: (p) => `Cannot open the historian at ${p.target}: ${p.reason}.`,
    hint: () => 'Check that the data directory exists, is writable and is not used by another hub (--data-dir).',
  }),
  CW_HISTORIAN_WRITE_FAILED: spec<{ reason: string }>({
    status: 500, retryable: true,
    message: (p) => `Writing to the historian failed: ${p.reason}.`,
    hint: () => 'The batch is kept and retried; check free disk space in the data directory.',
  }),
  CW_HISTORIAN_QUERY_INVALID: spec<{ problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The history query is not valid: ${p.problem}.`,
    hint: () => 'Change the parameter the message names (paths, from, to, interval, agg, fill, time zone or cursor) and send the query again.',
  }),
  CW_HISTORIAN_QUERY_FAILED: spec<{ reason: string }>({
    status: 500, retryable: true,
    message: (p) => `The history query failed: ${p.reason}.`,
    hint: () => 'Retry; if it keeps failing, narrow the time range and check the hub log.',
  }),
  CW_HISTORIAN_MAINTENANCE_FAILED: spec<{ task: string; reason: string }>({
    status: 500, retryable: true,
    message: (p) => `Historian upkeep (${p.task}) failed: ${p.reason}.`,
    hint: () => 'Nothing stored is lost; the hub tries again on its next run. Check free disk space and the hub log.',
  }),
  CW_HISTORIAN_NOT_FOUND: spec<{ file: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no historian file at ${p.file}.`,
    hint: () => 'Point --data-dir at the data directory of the hub (or -c at its config); its historian is historian.duckdb there unless historian.path says otherwise.',
  }),
  // history exports
  CW_EXPORT_TOO_LARGE: spec<{ what: string; limit: string }>({
    status: 400, retryable: false,
    message: (p) => `The export is too large: ${p.what}, more than the limit of ${p.limit}.`,
    hint: () => 'Narrow the time range or the paths, export in parts, or aggregate with agg and interval (e.g. agg=avg&interval=1m).',
  }),
  CW_EXPORT_FAILED: spec<{ target: string; reason: string }>({
    status: 500, retryable: true,
    message: (p) => `Exporting history to ${p.target} failed: ${p.reason}.`,
    hint: () => 'Check free disk space and that the output folder exists and is writable, then run the export again.',
  }),
  CW_EXPORT_LOCKED: spec<{ file: string; command: string }>({
    status: 409, retryable: true,
    message: (p) => `The historian file ${p.file} is in use by a running hub, so it cannot be opened here.`,
    hint: (p) => `Ask the running hub instead, signed in: ${p.command} — or stop the hub and run this command again.`,
  }),
} as const;
