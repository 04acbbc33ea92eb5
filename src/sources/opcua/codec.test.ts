import { DataType, LocalizedText, NodeId, StatusCodes, VariantArrayType } from 'node-opcua';
import { describe, expect, it } from 'vitest';
import { dataTypeName, int64ToNumber, numberToInt64, qualityOf, sampleOf, timestampOf, toVariant, valueOf, type VariantLike } from './codec.js';

const T1 = new Date('2026-11-23T08:00:00.000Z');
const T2 = new Date('2026-11-23T08:00:05.000Z');
const NOW = Date.parse('2026-11-23T09:00:00.000Z');

describe('qualityOf', () => {
  it.each([
    ['Good', StatusCodes.Good.value, 'good'],
    ['GoodClamped', StatusCodes.GoodClamped.value, 'good'],
    ['UncertainLastUsableValue', StatusCodes.UncertainLastUsableValue.value, 'uncertain'],
    ['UncertainSensorNotAccurate', StatusCodes.UncertainSensorNotAccurate.value, 'uncertain'],
    ['BadSensorFailure', StatusCodes.BadSensorFailure.value, 'bad'],
    ['BadNodeIdUnknown', StatusCodes.BadNodeIdUnknown.value, 'bad'],
    ['reserved severity 11', 0xc0000000, 'bad'],
  ] as const)('%s → %s', (_name, code, quality) => {
    expect(qualityOf(code)).toBe(quality);
  });
});

describe('timestampOf', () => {
  it.each([
    ['source chosen and present', { sourceTimestamp: T1, serverTimestamp: T2 }, 'source', T1.getTime()],
    ['server chosen and present', { sourceTimestamp: T1, serverTimestamp: T2 }, 'server', T2.getTime()],
    ['source missing → server', { sourceTimestamp: null, serverTimestamp: T2 }, 'source', T2.getTime()],
    ['server missing → source', { sourceTimestamp: T1, serverTimestamp: null }, 'server', T1.getTime()],
    ['OPC UA null time (1601) → server', { sourceTimestamp: new Date(Date.UTC(1601, 0, 1)), serverTimestamp: T2 }, 'source', T2.getTime()],
    ['neither → now', {}, 'source', NOW],
  ] as const)('%s', (_name, dv, choice, expected) => {
    expect(timestampOf(dv, choice, NOW)).toBe(expected);
  });
});

describe('valueOf', () => {
  const v = (dataType: DataType, value: unknown, arrayType = VariantArrayType.Scalar): VariantLike => ({ dataType, value, arrayType });
  it.each([
    ['Boolean', v(DataType.Boolean, true), true],
    ['SByte', v(DataType.SByte, -5), -5],
    ['UInt32', v(DataType.UInt32, 4294967295), 4294967295],
    ['Float', v(DataType.Float, 1.5), 1.5],
    ['Double', v(DataType.Double, 21.25), 21.25],
    ['Int64 positive', v(DataType.Int64, [0, 42]), 42],
    ['Int64 negative', v(DataType.Int64, [0xffffffff, 0xfffffffe]), -2],
    ['UInt64 above 2^32', v(DataType.UInt64, [1, 5]), 4294967301],
    ['String', v(DataType.String, 'running'), 'running'],
    ['DateTime → epoch ms', v(DataType.DateTime, T1), T1.getTime()],
    ['StatusCode → number', v(DataType.StatusCode, StatusCodes.BadTimeout), StatusCodes.BadTimeout.value],
    ['ByteString → base64', v(DataType.ByteString, Buffer.from('hi')), 'aGk='],
    ['LocalizedText → text', v(DataType.LocalizedText, new LocalizedText({ text: 'Ein', locale: 'de' })), 'Ein'],
    ['NodeId → its string form', v(DataType.NodeId, new NodeId(NodeId.NodeIdType.STRING, 'Line1', 2)), 'ns=2;s=Line1'],
    ['Double array → JSON', v(DataType.Double, new Float64Array([1, 2.5]), VariantArrayType.Array), '[1,2.5]'],
    ['Null → none', v(DataType.Null, null), undefined],
    ['no variant → none', undefined, undefined],
  ] as const)('%s', (_name, variant, expected) => {
    expect(valueOf(variant)).toEqual(expected);
  });
});

describe('sampleOf', () => {
  const opts = { path: 'plc1/speed', timestamps: 'source' as const, now: NOW };
  it('keeps value, quality, source timestamp and the status code', () => {
    const dv = { value: { dataType: DataType.Double, value: 3.5 }, statusCode: StatusCodes.UncertainLastUsableValue, sourceTimestamp: T1, serverTimestamp: T2 };
    expect(sampleOf(dv, opts)).toEqual({ path: 'plc1/speed', value: 3.5, ts: T1.getTime(), quality: 'uncertain', statusCode: StatusCodes.UncertainLastUsableValue.value });
  });
  it('sends a Bad status without a value as 0 with quality bad', () => {
    const dv = { value: { dataType: DataType.Null, value: null }, statusCode: StatusCodes.BadSensorFailure, serverTimestamp: T2 };
    expect(sampleOf(dv, opts)).toEqual({ path: 'plc1/speed', value: 0, ts: T2.getTime(), quality: 'bad', statusCode: StatusCodes.BadSensorFailure.value });
  });
  it('marks a 64-bit integer beyond 2^53 uncertain: a number carries it only rounded', () => {
    const big = { value: { dataType: DataType.UInt64, value: [0x00200000, 1] }, statusCode: StatusCodes.Good };
    expect(sampleOf(big, opts)).toMatchObject({ value: 2 ** 53 + 1, quality: 'uncertain' });
    const small = { value: { dataType: DataType.Int64, value: [0, 7] }, statusCode: StatusCodes.Good };
    expect(sampleOf(small, opts)).toMatchObject({ value: 7, quality: 'good' });
  });

  it('treats a missing status code as Good', () => {
    expect(sampleOf({ value: { dataType: DataType.Boolean, value: false } }, opts)).toMatchObject({ value: false, quality: 'good', statusCode: 0, ts: NOW });
  });
});

describe('64-bit integers', () => {
  it.each([
    [0n, true, [0, 0]],
    [-1n, true, [0xffffffff, 0xffffffff]],
    [2n ** 32n + 7n, false, [1, 7]],
    [2n ** 63n - 1n, true, [0x7fffffff, 0xffffffff]],
  ] as const)('%s round-trips', (n, signed, parts) => {
    expect(numberToInt64(n, signed)).toEqual(parts);
    expect(int64ToNumber(parts, signed)).toBe(Number(n));
  });
  it.each([[2n ** 63n, true], [-1n, false], [2n ** 64n, false]] as const)('%s is out of range', (n, signed) => {
    expect(numberToInt64(n, signed)).toBeUndefined();
  });
});

describe('toVariant', () => {
  it.each([
    ['Boolean from boolean', true, DataType.Boolean, true],
    ['Boolean from "off"', 'off', DataType.Boolean, false],
    ['Byte', 200, DataType.Byte, 200],
    ['Int16 from text', '-12', DataType.Int16, -12],
    ['UInt32 max', 4294967295, DataType.UInt32, 4294967295],
    ['Float', 1.25, DataType.Float, 1.25],
    ['Double', 21.5, DataType.Double, 21.5],
    ['Int64', -2, DataType.Int64, [0xffffffff, 0xfffffffe]],
    ['UInt64 from text beyond 2^53', '18446744073709551615', DataType.UInt64, [0xffffffff, 0xffffffff]],
    ['String from number', 42, DataType.String, '42'],
    ['DateTime from epoch ms', T1.getTime(), DataType.DateTime, T1],
    ['DateTime from ISO', '2026-11-23T08:00:00.000Z', DataType.DateTime, T1],
  ] as const)('%s', (_name, value, dt, expected) => {
    expect(toVariant(value, dt)).toEqual({ dataType: dt, value: expected });
  });

  it.each([
    ['Byte overflow', 256, DataType.Byte, '256 is outside the range of Byte (0 to 255)'],
    ['SByte fraction', 1.5, DataType.SByte, '1.5 is not a whole number for SByte'],
    ['UInt16 negative', -1, DataType.UInt16, '-1 is outside the range of UInt16 (0 to 65535)'],
    ['number from text', 'fast', DataType.Double, '"fast" is not a number for Double'],
    ['Boolean from text', 'maybe', DataType.Boolean, '"maybe" is not a Boolean'],
    ['Float overflow', 1e39, DataType.Float, '1e+39 is outside the range of Float'],
    ['Int64 fraction', 1.5, DataType.Int64, '1.5 is not a whole number for Int64'],
    ['UInt64 negative', -3, DataType.UInt64, '-3 is outside the range of UInt64'],
    ['bad time', 'soon', DataType.DateTime, '"soon" is not a time (epoch ms or ISO 8601)'],
    ['structure', 1, DataType.ExtensionObject, 'the hub cannot write to nodes of data type ExtensionObject'],
  ] as const)('%s is refused', (_name, value, dt, problem) => {
    expect(toVariant(value, dt)).toEqual({ problem });
  });

  it('names data types', () => {
    expect(dataTypeName(DataType.Double)).toBe('Double');
  });
});
