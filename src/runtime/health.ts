/**
 * The hub's health as /api/v1/health shows it: what is wrong NOW, not what ever went wrong.
 * Degraded while the historian's latest flush failed, while an enabled source or sink is not
 * connected, while the ingest spool is full or nearly so, or while the audit log cannot record;
 * ok again by itself once each has recovered. The answer is public: states and counts only, never
 * an error's detail (which may name hosts or addresses).
 */
import type { HealthProblem, HealthReport, LatencyView, SpoolStatus } from '../api/services.js';
import type { HistorianStats } from '../historian/types.js';
import type { ConnectionStatus } from './status.js';

/** Share of the spool's limit above which health is degraded (the spool refuses ingest when full). */
export const SPOOL_NEAR_FULL = 0.8;

export interface HealthInputs {
  version: string;
  now: number;
  startedAt: number;
  connections: readonly ConnectionStatus[];
  historian: HistorianStats;
  spool?: SpoolStatus | undefined;
  /** Sample ages per stage over the last minute. */
  latency?: LatencyView[] | undefined;
  /** The audit log cannot record right now (changes are refused). */
  auditFailing: boolean;
}

function connectionProblem(c: ConnectionStatus): HealthProblem | undefined {
  if (c.state === 'connected') return undefined;
  const why = c.lastError ? ` (${c.lastError.code})` : '';
  const retry = c.state === 'backoff' ? ', retrying on its own' : '';
  return { component: `${c.role}:${c.id}`, problem: `not connected: ${c.state}${why}${retry}` };
}

function spoolProblem(s: SpoolStatus): HealthProblem | undefined {
  if (s.full) return { component: 'spool', problem: 'full: ingest is refused until the historian and sinks catch up' };
  if (s.maxBytes > 0 && s.bytes > s.maxBytes * SPOOL_NEAR_FULL) {
    return { component: 'spool', problem: `nearly full: ${Math.floor((s.bytes / s.maxBytes) * 100)} % of its limit used` };
  }
  return undefined;
}

function spoolView(s: SpoolStatus, now: number): NonNullable<HealthReport['spool']> {
  return {
    samples: s.samples, bytes: s.bytes, maxBytes: s.maxBytes,
    usedPercent: s.maxBytes > 0 ? Math.round((s.bytes / s.maxBytes) * 1000) / 10 : 0,
    full: s.full,
    ...(s.oldestAt !== undefined ? { oldestAgeSeconds: Math.max(0, Math.round((now - s.oldestAt) / 1000)) } : {}),
    ...(s.diskFreeBytes !== undefined ? { diskFreeBytes: s.diskFreeBytes } : {}),
    consumers: s.consumers.map((c) => ({ name: c.name, lagSamples: c.lagSamples })),
  };
}

/** The health report and the reasons for it, from the current state of every part. */
export function assessHealth(i: HealthInputs): HealthReport {
  const sources = i.connections.filter((c) => c.role === 'source');
  const sinks = i.connections.filter((c) => c.role === 'sink');
  const h = i.historian;
  const problems: HealthProblem[] = [];
  if (h.failing) problems.push({ component: 'historian', problem: `the latest flush failed; ${h.pending} samples wait and are retried` });
  for (const c of [...sources, ...sinks]) {
    const p = connectionProblem(c);
    if (p) problems.push(p);
  }
  const spoolIssue = i.spool ? spoolProblem(i.spool) : undefined;
  if (spoolIssue) problems.push(spoolIssue);
  if (i.auditFailing) problems.push({ component: 'audit', problem: 'the audit log cannot record; audited actions are refused' });
  const connected = (list: ConnectionStatus[]) => list.filter((c) => c.state === 'connected').length;
  return {
    status: problems.length === 0 ? 'ok' : 'degraded',
    version: i.version,
    uptimeSeconds: Math.round((i.now - i.startedAt) / 1000),
    problems,
    sources: { total: sources.length, connected: connected(sources) },
    sinks: { total: sinks.length, connected: connected(sinks), backlog: sinks.reduce((n, c) => n + (c.buffered ?? 0), 0) },
    historian: { pending: h.pending, written: h.written, failedFlushes: h.failedFlushes, failing: h.failing === true, ...(h.lastFlushAt !== undefined ? { lastFlushAt: h.lastFlushAt } : {}) },
    ...(i.spool ? { spool: spoolView(i.spool, i.now) } : {}),
    ...(i.latency ? { latency: i.latency } : {}),
  };
}
