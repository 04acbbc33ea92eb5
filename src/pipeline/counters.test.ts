import { describe, expect, it } from 'vitest';
import { PipelineCounters } from './counters.js';

describe('PipelineCounters', () => {
  it('sums per source, reason and consumer into a plain JSON snapshot', () => {
    const c = new PipelineCounters();
    c.register('uns');
    c.addReceived('plc', 10);
    c.addReceived('mqtt', 5);
    c.addReceived('plc', 1);
    c.addPassed(9);
    c.addFiltered(4);
    c.addRejected('unknown_tag');
    c.addRejected('bad_timestamp', 2);
    c.addOffered('historian', 9);
    c.addDelivered('historian', 6);
    c.addDropped('historian', 'buffer_full', 2);
    c.addDropped('historian', 'consumer_error', 1);
    const snap = c.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual({
      received: { total: 16, bySource: { plc: 11, mqtt: 5 } },
      passed: 9,
      filtered: 4,
      rejected: { total: 3, byReason: { unknown_tag: 1, bad_timestamp: 2 } },
      consumers: {
        uns: { offered: 0, delivered: 0, dropped: { total: 0, byReason: {} } },
        historian: { offered: 9, delivered: 6, dropped: { total: 3, byReason: { buffer_full: 2, consumer_error: 1 } } },
      },
    });
    // A snapshot is a copy: later counts do not change it.
    c.addPassed(1);
    expect(snap.passed).toBe(9);
  });
});
