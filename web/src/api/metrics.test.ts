import { describe, expect, it } from 'vitest';
import { parsePrometheus, ratesBetween } from './metrics';

const A = `# HELP causeway_samples_received_total Samples received from sources.
# TYPE causeway_samples_received_total counter
causeway_samples_received_total{source="packaging-opcua"} 1000
causeway_samples_received_total{source="packaging-modbus"} 500
causeway_samples_stored_total 1400
causeway_samples_delivered_total{consumer="historian"} 1400
causeway_samples_delivered_total{consumer="sink:uns"} 1300
causeway_samples_dropped_total{consumer="sink:uns",reason="queue_full"} 3
causeway_historian_pending_samples 12
causeway_connection_up{id="packaging-opcua",role="source",kind="opcua",state="connected"} 1
causeway_connection_up{id="uns",role="sink",kind="mqtt",state="backoff"} 0
`;
const B = A.replace('packaging-opcua"} 1000', 'packaging-opcua"} 1040').replace('modbus"} 500', 'modbus"} 520').replace('stored_total 1400', 'stored_total 1460');

describe('metrics', () => {
  it('parses labels, values and skips comments', () => {
    const s = parsePrometheus('# x\nm{a="q\\"uote",b="2"} 3.5\nbare 1e3\n\nbroken line here');
    expect(s).toEqual([{ name: 'm', labels: { a: 'q"uote', b: '2' }, value: 3.5 }, { name: 'bare', labels: {}, value: 1000 }]);
  });

  it('turns two scrapes into samples per second, per source, and connection states', () => {
    const r = ratesBetween({ at: 0, samples: parsePrometheus(A) }, { at: 2000, samples: parsePrometheus(B) });
    expect(r.receivedPerSecond).toBe(30);
    expect(r.storedPerSecond).toBe(30);
    expect(Object.fromEntries(r.perSource)).toEqual({ 'packaging-opcua': 20, 'packaging-modbus': 10 });
    expect(r.dropped.get('sink:uns')).toBe(3);
    expect(r.historianPending).toBe(12);
    expect(r.connections.find((c) => c.role === 'sink')).toEqual({ id: 'uns', role: 'sink', kind: 'mqtt', state: 'backoff' });
  });

  it('reports zero rates from a single scrape and after a counter reset', () => {
    expect(ratesBetween(undefined, { at: 5, samples: parsePrometheus(A) }).receivedPerSecond).toBe(0);
    expect(ratesBetween({ at: 0, samples: parsePrometheus(B) }, { at: 1000, samples: parsePrometheus(A) }).receivedPerSecond).toBe(0);
  });
});
