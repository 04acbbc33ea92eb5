import { describe, expect, it } from 'vitest';
import { DATATYPES as T, pathNamer } from './metrics.js';
import type { WireMetric, WirePayload, WireValue } from './payload.js';
import { REBIRTH_RETRY_MS, SparkplugSession, UNREADABLE_RECENT_MS } from './session.js';
import type { SparkplugTopic } from './topic.js';

type Msg = Extract<SparkplugTopic, { kind: 'node' | 'device' }>;
const node = (type: 'NBIRTH' | 'NDATA' | 'NDEATH' | 'NCMD'): Msg => ({ kind: 'node', group: 'G', type, node: 'E' });
const dev = (type: 'DBIRTH' | 'DDATA' | 'DDEATH', device = 'D'): Msg => ({ kind: 'device', group: 'G', type, node: 'E', device });
const long = (v: bigint): WireValue => ({ kind: 'long', value: v });
const dbl = (v: number): WireValue => ({ kind: 'double', value: v });
const m = (fields: Partial<WireMetric>): WireMetric => ({ isNull: false, value: { kind: 'none' }, ...fields });

const speed = (v: number, alias = 1) => m({ name: 'Motor/Speed RPM', alias, datatype: T.Double, value: dbl(v) });
const nbirth = (seq = 0, bdSeq = 0n, metrics: WireMetric[] = [speed(10)]): WirePayload => ({
  timestamp: 1000, seq,
  metrics: [m({ name: 'bdSeq', datatype: T.UInt64, value: long(bdSeq) }), m({ name: 'Node Control/Rebirth', datatype: T.Boolean, value: { kind: 'boolean', value: false } }), ...metrics],
});
const ndata = (seq: number, metrics: WireMetric[] = [m({ alias: 1, value: dbl(11) })], timestamp = 2000): WirePayload => ({ timestamp, seq, metrics });
const ndeath = (bdSeq: bigint): WirePayload => ({ metrics: [m({ name: 'bdSeq', datatype: T.UInt64, value: long(bdSeq) })] });

function session(canRequestRebirth = true) {
  return new SparkplugSession({ pathOf: pathNamer('spb', new Map()), canRequestRebirth });
}

describe('births and data', () => {
  it('emits birth values as good samples, without bdSeq and Node Control metrics', () => {
    const s = session();
    const d = s.handle(node('NBIRTH'), nbirth(), 5000);
    expect(d.samples).toEqual([{ path: 'spb/G/E/Motor/Speed_RPM', value: 10, ts: 1000, quality: 'good' }]);
    expect(s.nodes()).toEqual([{ node: 'G/E', online: true, uncertain: false, bdSeq: '0', devices: [], metrics: 3 }]);
  });

  it('resolves aliases in DATA with the datatype from the birth', () => {
    const s = session();
    s.handle(node('NBIRTH'), nbirth(0, 0n, [m({ name: 'Count', alias: 5, datatype: T.Int32, value: { kind: 'int', value: 1 } })]), 0);
    const d = s.handle(node('NDATA'), ndata(1, [m({ alias: 5, value: { kind: 'int', value: 0xfffffffd }, timestamp: 2500 })]), 0);
    expect(d.samples).toEqual([{ path: 'spb/G/E/Count', value: -3, ts: 2500, quality: 'good' }]);
  });

  it('dates a sample by metric timestamp, else payload timestamp, else receive time', () => {
    const s = session();
    s.handle(node('NBIRTH'), nbirth(), 0);
    expect(s.handle(node('NDATA'), ndata(1, [m({ alias: 1, value: dbl(1), timestamp: 3 })], 2), 1).samples[0]!.ts).toBe(3);
    expect(s.handle(node('NDATA'), ndata(2, [m({ alias: 1, value: dbl(1) })], 2), 1).samples[0]!.ts).toBe(2);
    expect(s.handle(node('NDATA'), { seq: 3, metrics: [m({ alias: 1, value: dbl(1) })] }, 1).samples[0]!.ts).toBe(1);
  });

  it('emits a null value as the last value marked bad, and skips it when there is none', () => {
    const s = session();
    s.handle(node('NBIRTH'), nbirth(0, 0n, [speed(10), m({ name: 'Temp', alias: 2, datatype: T.Float, isNull: true })]), 0);
    const d = s.handle(node('NDATA'), ndata(1, [m({ alias: 1, isNull: true }), m({ alias: 2, isNull: true })]), 0);
    expect(d.samples).toEqual([{ path: 'spb/G/E/Motor/Speed_RPM', value: 10, ts: 2000, quality: 'bad' }]);
    expect(s.counters.nullValues).toBe(3);
  });

  it('counts unsupported datatypes and emits nothing for them', () => {
    const s = session();
    const d = s.handle(node('NBIRTH'), nbirth(0, 0n, [m({ name: 'Recipe', datatype: T.DataSet, value: { kind: 'other' } })]), 0);
    expect(d.samples).toEqual([]);
    expect(s.counters.unsupported).toBe(1);
  });

  it('ignores NCMD from other hosts', () => {
    const s = session();
    expect(s.handle(node('NCMD'), ndata(9), 0)).toEqual({ samples: [] });
    expect(s.nodes()).toEqual([]);
  });
});

describe('sequence numbers', () => {
  it.each([
    ['in order', 0, [1, 2, 3], 0],
    ['wrapping 255 → 0', 254, [255, 0, 1], 0],
    ['one skipped', 0, [1, 3, 4], 1],
    ['repeated', 5, [6, 6, 7], 1],
    ['two gaps', 0, [2, 3, 9], 2],
  ])('%s', (_what, birthSeq, seqs, gaps) => {
    const s = session(false);
    s.handle(node('NBIRTH'), nbirth(birthSeq), 0);
    for (const seq of seqs) s.handle(node('NDATA'), ndata(seq), 0);
    expect(s.counters.gaps).toBe(gaps);
  });

  it('counts device messages on the node\'s sequence', () => {
    const s = session(false);
    s.handle(node('NBIRTH'), nbirth(0), 0);
    s.handle(dev('DBIRTH'), { seq: 1, metrics: [speed(1)] }, 0);
    s.handle(dev('DDATA'), { seq: 2, metrics: [m({ alias: 1, value: dbl(2) })] }, 0);
    s.handle(node('NDATA'), ndata(3), 0);
    s.handle(dev('DDEATH'), { seq: 4, metrics: [] }, 0);
    expect(s.counters.gaps).toBe(0);
  });

  it('after a reconnect without commands, reports the born nodes as uncertain', () => {
    const s = session(false);
    s.handle(node('NBIRTH'), nbirth(), 0);
    expect(s.reconnected(0)).toEqual({ rebirth: [], uncertain: [{ group: 'G', node: 'E' }] });
    expect(s.handle(node('NDATA'), ndata(40), 1).samples[0]!.quality).toBe('uncertain');
  });
});

describe('losing track of a node', () => {
  it('asks for a rebirth on a gap when commands may flow, marks data uncertain, and asks again only after a while', () => {
    const s = session(true);
    s.handle(node('NBIRTH'), nbirth(), 0);
    const d = s.handle(node('NDATA'), ndata(2), 100);
    expect(d.rebirth).toEqual({ group: 'G', node: 'E', reason: 'message seq 2 arrived where 1 was expected' });
    expect(d.uncertain).toBeUndefined();
    expect(d.samples[0]!.quality).toBe('uncertain');
    expect(s.handle(node('NDATA'), ndata(9), 100 + REBIRTH_RETRY_MS - 1).rebirth).toBeUndefined();
    expect(s.handle(node('NDATA'), ndata(20), 100 + REBIRTH_RETRY_MS).rebirth).toBeDefined();
    expect(s.counters).toMatchObject({ gaps: 3, rebirthRequests: 2 });
    s.handle(node('NBIRTH'), nbirth(0), 0);
    expect(s.handle(node('NDATA'), ndata(1), 0).samples[0]!.quality).toBe('good');
  });

  it('without commands, says once that the node is uncertain and keeps it so until the next birth', () => {
    const s = session(false);
    s.handle(node('NBIRTH'), nbirth(), 0);
    const d = s.handle(node('NDATA'), ndata(2), 0);
    expect(d.rebirth).toBeUndefined();
    expect(d.uncertain).toEqual({ group: 'G', node: 'E', reason: 'message seq 2 arrived where 1 was expected' });
    const later = s.handle(node('NDATA'), ndata(7), 0);
    expect(later.uncertain).toBeUndefined();
    expect(later.samples[0]!.quality).toBe('uncertain');
    expect(s.counters.rebirthRequests).toBe(0);
    s.handle(node('NBIRTH'), nbirth(0), 0);
    expect(s.handle(node('NDATA'), ndata(1), 0).samples[0]!.quality).toBe('good');
  });

  it.each([
    ['an unknown alias', [m({ alias: 99, value: dbl(1) })], 'unknownAliases', 0],
    ['a named metric no birth declared', [m({ name: 'Extra', datatype: T.Double, value: dbl(1) })], 'unknownMetrics', 1],
  ] as const)('treats %s as lost track', (_what, metrics, counter, emitted) => {
    const s = session(true);
    s.handle(node('NBIRTH'), nbirth(), 0);
    const d = s.handle(node('NDATA'), ndata(1, [...metrics]), 0);
    expect(d.rebirth).toBeDefined();
    expect(d.samples).toHaveLength(emitted);
    expect(s.counters[counter]).toBe(1);
  });

  it('asks a node it has not seen born for a rebirth', () => {
    const s = session(true);
    const d = s.handle(node('NDATA'), ndata(17), 0);
    expect(d.rebirth?.reason).toBe('it sent data before its NBIRTH');
    expect(s.counters).toMatchObject({ dataBeforeBirth: 1, unknownAliases: 1 });
  });

  it('after a reconnect, asks every born node for a rebirth and marks it uncertain', () => {
    const s = session(true);
    s.handle(node('NBIRTH'), nbirth(), 0);
    expect(s.reconnected(0)).toEqual({ rebirth: [{ group: 'G', node: 'E' }], uncertain: [] });
    const d = s.handle(node('NDATA'), ndata(40), 1);
    expect(d.samples[0]!.quality).toBe('uncertain');
    expect(d.rebirth).toBeUndefined(); // already asked; any seq is accepted after a reconnect
    expect(s.counters.gaps).toBe(0);
  });
});

describe('deaths', () => {
  it('marks the last values of the node and its devices bad at the receive time', () => {
    const s = session();
    s.handle(node('NBIRTH'), nbirth(0, 4n), 0);
    s.handle(dev('DBIRTH'), { seq: 1, timestamp: 1000, metrics: [m({ name: 'Level', alias: 2, datatype: T.Float, value: { kind: 'float', value: 0.5 } })] }, 0);
    s.handle(node('NDATA'), ndata(2), 0);
    const d = s.handle(node('NDEATH'), ndeath(4n), 9000);
    expect(d.samples).toEqual([
      { path: 'spb/G/E/Motor/Speed_RPM', value: 11, ts: 9000, quality: 'bad', qualityReason: 'link_lost' },
      { path: 'spb/G/E/D/Level', value: 0.5, ts: 9000, quality: 'bad', qualityReason: 'link_lost' },
    ]);
    expect(d.death).toEqual({ group: 'G', node: 'E', count: 2 });
    expect(s.nodes()[0]).toMatchObject({ online: false, devices: [] });
  });

  it('ignores a stale NDEATH from an older session of the node', () => {
    const s = session();
    s.handle(node('NBIRTH'), nbirth(0, 5n), 0);
    const d = s.handle(node('NDEATH'), ndeath(4n), 0);
    expect(d).toEqual({ samples: [], staleDeath: { group: 'G', node: 'E', bdSeq: '4', current: '5' } });
    expect(s.counters).toMatchObject({ staleDeaths: 1, deaths: 0 });
    expect(s.nodes()[0]!.online).toBe(true);
  });

  it('marks a device\'s last values bad on DDEATH, at its timestamp', () => {
    const s = session();
    s.handle(node('NBIRTH'), nbirth(0), 0);
    s.handle(dev('DBIRTH'), { seq: 1, timestamp: 1000, metrics: [speed(3, 2)] }, 0);
    const d = s.handle(dev('DDEATH'), { seq: 2, timestamp: 1500, metrics: [] }, 9000);
    expect(d.samples).toEqual([{ path: 'spb/G/E/D/Motor/Speed_RPM', value: 3, ts: 1500, quality: 'bad', qualityReason: 'link_lost' }]);
    expect(d.death).toEqual({ group: 'G', node: 'E', device: 'D', count: 1 });
  });

  it('treats DDATA before DBIRTH as lost track', () => {
    const s = session(false);
    s.handle(node('NBIRTH'), nbirth(0), 0);
    const d = s.handle(dev('DDATA'), { seq: 1, metrics: [m({ alias: 1, value: dbl(2) })] }, 0);
    expect(d.uncertain?.reason).toBe('device D sent data before its DBIRTH');
    expect(d.samples).toEqual([]);
  });
});

describe('unreadable nodes', () => {
  it('counts the values dropped from a node whose birth the host never saw, until its birth arrives', () => {
    const s = session(false);
    for (let k = 0; k < 3; k++) s.handle(node('NDATA'), ndata(k, [m({ alias: 1, value: dbl(k) }), m({ alias: 2, value: dbl(k) })]), 1000 + k);
    expect(s.unreadable(2000)).toEqual([{ group: 'G', node: 'E', dropped: 6, since: 1000, lastAt: 1002, asked: 0 }]);
    expect(s.unreadable(1002 + UNREADABLE_RECENT_MS + 1)).toEqual([]);
    s.handle(node('NBIRTH'), nbirth(), 3000);
    expect(s.unreadable(3000)).toEqual([]);
    expect(s.handle(node('NDATA'), ndata(1), 3001).samples).toHaveLength(1);
    expect(s.unreadable(3001)).toEqual([]);
  });

  it('counts the rebirths asked meanwhile when the host may ask', () => {
    const s = session(true);
    s.handle(node('NDATA'), ndata(0), 0);
    s.handle(node('NDATA'), ndata(1), 1);
    s.handle(node('NDATA'), ndata(2), REBIRTH_RETRY_MS + 1);
    expect(s.unreadable(REBIRTH_RETRY_MS + 1)).toEqual([{ group: 'G', node: 'E', dropped: 3, since: 0, lastAt: REBIRTH_RETRY_MS + 1, asked: 2 }]);
  });
});
