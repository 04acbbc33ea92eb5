import { describe, expect, it } from 'vitest';
import protoRoot from 'sparkplug-payload/lib/sparkplugPayloadProto.js';
import { get } from 'sparkplug-payload';
import { bdSeqOf, decodePayload, encodeRebirthRequest, toBigInt } from './payload.js';

const codec = get('spBv1.0')!;
const ProtoPayload = protoRoot.org.eclipse.tahu.protobuf.Payload;

describe('decodePayload', () => {
  it('reads a birth encoded by sparkplug-payload, with 64-bit fields as sent', () => {
    const bytes = codec.encodePayload({
      timestamp: 1700000000000,
      seq: 0,
      metrics: [
        { name: 'bdSeq', type: 'UInt64', value: 3 },
        { name: 'Motor/Speed RPM', alias: 7, type: 'Int64', value: -5, timestamp: 1700000000001 },
        { name: 'Running', alias: 8, type: 'Boolean', value: true },
        { name: 'Temp', alias: 9, type: 'Double', value: null },
      ],
    });
    const p = decodePayload(bytes);
    expect(p.timestamp).toBe(1700000000000);
    expect(p.seq).toBe(0);
    expect(bdSeqOf(p)).toBe(3n);
    expect(p.metrics[1]).toEqual({ name: 'Motor/Speed RPM', alias: 7, datatype: 4, timestamp: 1700000000001, isNull: false, value: { kind: 'long', value: 18446744073709551611n } });
    expect(p.metrics[2]).toMatchObject({ alias: 8, datatype: 11, value: { kind: 'boolean', value: true } });
    expect(p.metrics[3]).toMatchObject({ name: 'Temp', isNull: true, value: { kind: 'none' } });
  });

  it('keeps the value of a DATA metric that has an alias and no datatype', () => {
    const bytes = ProtoPayload.encode(ProtoPayload.create({ seq: 4, metrics: [ProtoPayload.Metric.create({ alias: 7, intValue: 42 })] })).finish();
    expect(decodePayload(bytes)).toEqual({ seq: 4, metrics: [{ alias: 7, isNull: false, value: { kind: 'int', value: 42 } }] });
  });

  it('throws on bytes that are not a Sparkplug payload', () => {
    expect(() => decodePayload(Buffer.from([0x08, 0xff, 0xff]))).toThrow();
  });
});

describe('encodeRebirthRequest', () => {
  it('encodes Node Control/Rebirth = true', () => {
    const decoded = codec.decodePayload(encodeRebirthRequest(1700000000000));
    expect(decoded.metrics).toEqual([expect.objectContaining({ name: 'Node Control/Rebirth', type: 'Boolean', value: true })]);
  });
});

describe('toBigInt', () => {
  it.each([
    [5, 5n],
    [{ low: -1, high: -1, unsigned: true }, 18446744073709551615n],
    [{ low: 5, high: 0, unsigned: false }, 5n],
    [1.5, undefined],
    ['7', undefined],
  ])('%j', (v, expected) => {
    expect(toBigInt(v)).toBe(expected);
  });
});
