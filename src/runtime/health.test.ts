import { describe, expect, it } from 'vitest';
import type { SpoolStatus } from '../api/services.js';
import type { HistorianStats } from '../historian/types.js';
import { assessHealth, type HealthInputs } from './health.js';
import type { ConnectionStatus } from './status.js';

function conn(id: string, role: 'source' | 'sink', state: ConnectionStatus['state'], extra: Partial<ConnectionStatus> = {}): ConnectionStatus {
  return { id, role, kind: 'test', zone: 'z', state, since: 0, attempts: 0, overruns: 0, batches: 0, ...extra };
}

const refused = { code: 'CW_SINK_SEND_FAILED', message: 'Sending to mes failed: POST http://10.1.2.3:8080/x: the connection was refused.', hint: 'h', detail: 'ECONNREFUSED 10.1.2.3:8080', at: 5 };
const healthyHistorian: HistorianStats = { pending: 0, written: 10, failedFlushes: 0, failing: false, lastFlushAt: 900 };
const spool = (over: Partial<SpoolStatus> = {}): SpoolStatus => ({ samples: 10, bytes: 100, maxBytes: 1000, full: false, consumers: [{ name: 'historian', lagSamples: 10 }], ...over });

function inputs(over: Partial<HealthInputs> = {}): HealthInputs {
  return {
    version: '1.2.3', now: 61_000, startedAt: 1000, auditFailing: false, historian: healthyHistorian,
    connections: [conn('plc1', 'source', 'connected'), conn('mes', 'sink', 'connected', { buffered: 3 })],
    ...over,
  };
}

describe('health', () => {
  it('is ok with everything connected and counts sources, sinks and their backlog', () => {
    expect(assessHealth(inputs())).toEqual({
      status: 'ok', version: '1.2.3', uptimeSeconds: 60, problems: [],
      sources: { total: 1, connected: 1 }, sinks: { total: 1, connected: 1, backlog: 3 },
      historian: { pending: 0, written: 10, failedFlushes: 0, failing: false, lastFlushAt: 900 },
    });
  });

  it('forgets past flush failures once a flush succeeded: the counter is history, not health', () => {
    const recovered = assessHealth(inputs({ historian: { ...healthyHistorian, failedFlushes: 12, lastError: 'connect ECONNREFUSED', failing: false } }));
    expect(recovered.status).toBe('ok');
    expect(recovered.historian.failedFlushes).toBe(12);
  });

  it('is degraded while the latest flush failed, and says so without the error detail', () => {
    const r = assessHealth(inputs({ historian: { ...healthyHistorian, pending: 40, failedFlushes: 1, lastError: 'connect ECONNREFUSED 10.0.0.5:5432', failing: true } }));
    expect(r.status).toBe('degraded');
    expect(r.problems).toEqual([{ component: 'historian', problem: 'the latest flush failed; 40 samples wait and are retried' }]);
    expect(JSON.stringify(r)).not.toContain('10.0.0.5');
  });

  it.each(['backoff', 'connecting', 'stopped'] as const)('is degraded while a sink is %s, naming it and its error code only', (state) => {
    const r = assessHealth(inputs({ connections: [conn('plc1', 'source', 'connected'), conn('mes', 'sink', state, { lastError: refused })] }));
    expect(r.status).toBe('degraded');
    expect(r.sinks).toEqual({ total: 1, connected: 0, backlog: 0 });
    expect(r.problems).toEqual([{ component: 'sink:mes', problem: expect.stringContaining(`not connected: ${state} (CW_SINK_SEND_FAILED)`) }]);
    expect(JSON.stringify(r)).not.toContain('10.1.2.3');
  });

  it('lists every problem at once', () => {
    const r = assessHealth(inputs({
      auditFailing: true,
      historian: { ...healthyHistorian, failing: true },
      connections: [conn('plc1', 'source', 'backoff'), conn('plc2', 'source', 'connected'), conn('mes', 'sink', 'backoff')],
    }));
    expect(r.problems.map((p) => p.component)).toEqual(['historian', 'source:plc1', 'sink:mes', 'audit']);
    expect(r.sources).toEqual({ total: 2, connected: 1 });
  });

  it.each([
    ['below 80 %', spool({ bytes: 800 }), undefined],
    ['above 80 %', spool({ bytes: 801 }), 'nearly full: 80 % of its limit used'],
    ['full', spool({ bytes: 1000, full: true }), 'full: ingest is refused until the historian and sinks catch up'],
  ])('with the ingest spool %s', (_, s, problem) => {
    const r = assessHealth(inputs({ spool: s }));
    expect(r.status).toBe(problem ? 'degraded' : 'ok');
    expect(r.problems).toEqual(problem ? [{ component: 'spool', problem }] : []);
  });

  it('shows the spool: depth, age of the oldest sample, disk left, each consumer behind', () => {
    const r = assessHealth(inputs({ spool: spool({ oldestAt: 31_000, diskFreeBytes: 5e9, bytes: 250 }) }));
    expect(r.spool).toEqual({ samples: 10, bytes: 250, maxBytes: 1000, usedPercent: 25, full: false, oldestAgeSeconds: 30, diskFreeBytes: 5e9, consumers: [{ name: 'historian', lagSamples: 10 }] });
  });

  it('leaves the spool out when the hub has none', () => {
    expect(assessHealth(inputs({ spool: undefined })).spool).toBeUndefined();
  });
});
