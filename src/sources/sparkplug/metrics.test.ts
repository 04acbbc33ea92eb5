import { describe, expect, it } from 'vitest';
import { isValidPath } from '../../core/path.js';
import { convertValue, DATATYPES as T, fingerprint, limitPath, metricSegments, pathNamer, sanitizeSegment } from './metrics.js';
import type { WireValue } from './payload.js';

const int = (value: number): WireValue => ({ kind: 'int', value });
const long = (value: bigint): WireValue => ({ kind: 'long', value });

describe('convertValue', () => {
  it.each([
    ['Int8 from two\'s complement uint32', T.Int8, int(0xffffffff), -1],
    ['Int8 positive', T.Int8, int(100), 100],
    ['Int16 negative', T.Int16, int(0xffff8000), -32768],
    ['Int32 negative', T.Int32, int(0xfffffffe), -2],
    ['UInt8', T.UInt8, int(255), 255],
    ['UInt16', T.UInt16, int(65535), 65535],
    ['UInt32 in int_value', T.UInt32, int(4294967295), 4294967295],
    ['UInt32 in long_value', T.UInt32, long(4294967295n), 4294967295],
    ['Int64 negative (sent unsigned)', T.Int64, long(18446744073709551611n), -5],
    ['Int64 beyond 2^53 → string', T.Int64, long(9007199254740993n), '9007199254740993'],
    ['Int64 most negative → string', T.Int64, long(9223372036854775808n), '-9223372036854775808'],
    ['UInt64 small', T.UInt64, long(42n), 42],
    ['UInt64 max → string', T.UInt64, long(18446744073709551615n), '18446744073709551615'],
    ['Float', T.Float, { kind: 'float', value: 1.5 }, 1.5],
    ['Double', T.Double, { kind: 'double', value: -2.25 }, -2.25],
    ['Boolean', T.Boolean, { kind: 'boolean', value: true }, true],
    ['String', T.String, { kind: 'string', value: 'Running' }, 'Running'],
    ['Text', T.Text, { kind: 'string', value: 'a long note' }, 'a long note'],
    ['UUID', T.UUID, { kind: 'string', value: 'c0ffee' }, 'c0ffee'],
    ['DateTime → epoch ms', T.DateTime, long(1700000000123n), 1700000000123],
  ] as const)('%s', (_what, datatype, wire, expected) => {
    expect(convertValue(datatype, wire)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['DataSet', T.DataSet, { kind: 'other' }, 'unsupported'],
    ['Bytes', T.Bytes, { kind: 'other' }, 'unsupported'],
    ['File', T.File, { kind: 'other' }, 'unsupported'],
    ['Template', T.Template, { kind: 'other' }, 'unsupported'],
    ['PropertySet', T.PropertySet, { kind: 'other' }, 'unsupported'],
    ['an array type (Sparkplug 3.0)', 22, { kind: 'other' }, 'unsupported'],
    ['Boolean carried as string', T.Boolean, { kind: 'string', value: 'true' }, 'mismatch'],
    ['Int32 carried as string', T.Int32, { kind: 'string', value: '1' }, 'mismatch'],
    ['Double NaN', T.Double, { kind: 'double', value: Number.NaN }, 'not-finite'],
    ['Float Infinity', T.Float, { kind: 'float', value: Number.POSITIVE_INFINITY }, 'not-finite'],
  ] as const)('refuses %s', (_what, datatype, wire, reason) => {
    expect(convertValue(datatype, wire as WireValue)).toEqual({ ok: false, reason });
  });
});

describe('paths', () => {
  it.each([
    ['Speed RPM', 'Speed_RPM'],
    ['Temp (°C)', 'Temp_C'],
    ['a  --  b', 'a_--_b'],
    ['already_ok-1', 'already_ok-1'],
    ['___x___', 'x'],
    ['°', '_'],
    ['', '_'],
  ])('sanitizeSegment(%j) = %j', (text, expected) => {
    expect(sanitizeSegment(text)).toBe(expected);
  });

  it.each([
    ['Motor/Speed RPM', ['Motor', 'Speed_RPM']],
    ['/Motor//Speed/', ['Motor', 'Speed']],
    ['Properties/Hardware Make', ['Properties', 'Hardware_Make']],
    ['/', ['_']],
  ])('metricSegments(%j)', (name, expected) => {
    expect(metricSegments(name)).toEqual(expected);
  });

  it('keeps short paths as they are', () => {
    expect(limitPath(['src', 'G', 'N'], ['Motor', 'Speed'])).toBe('src/G/N/Motor/Speed');
  });

  it('folds a path deeper than 16 segments into a last segment with a hash, deterministically', () => {
    const metric = Array.from({ length: 20 }, (_, i) => `m${i}`);
    const path = limitPath(['src', 'G', 'N', 'D'], metric);
    const segments = path.split('/');
    expect(segments).toHaveLength(16);
    expect(segments.slice(0, 15)).toEqual(['src', 'G', 'N', 'D', ...metric.slice(0, 11)]);
    expect(segments[15]).toBe(`m11_m12_m13_m14_m15_m16_m17_m18_m19_${fingerprint(metric.slice(11).join('/'))}`);
    expect(limitPath(['src', 'G', 'N', 'D'], metric)).toBe(path);
    expect(isValidPath(path)).toBe(true);
  });

  it('shortens a segment longer than 64 characters, keeping different ones apart', () => {
    const a = limitPath(['src', 'G', 'N'], ['x'.repeat(70) + 'a']);
    const b = limitPath(['src', 'G', 'N'], ['x'.repeat(70) + 'b']);
    expect(a).not.toBe(b);
    expect(isValidPath(a) && isValidPath(b)).toBe(true);
    expect(a.split('/')[3]).toHaveLength(64);
  });

  it('keeps a path within 512 characters', () => {
    const metric = Array.from({ length: 12 }, (_, i) => `${i}`.padEnd(60, 'y'));
    const path = limitPath(['src', 'G', 'N'], metric);
    expect(isValidPath(path)).toBe(true);
  });

  it('names node and device metrics, and renames listed ones to <source-id>/<tag-id>', () => {
    const pathOf = pathNamer('spb', new Map([['Plant 1/Edge1/Filler/Motor/Speed RPM', 'filler_speed']]));
    expect(pathOf({ group: 'Plant 1', node: 'Edge1', name: 'Motor/Speed RPM' })).toBe('spb/Plant_1/Edge1/Motor/Speed_RPM');
    expect(pathOf({ group: 'Plant 1', node: 'Edge1', device: 'Filler', name: 'Motor/Speed RPM' })).toBe('spb/filler_speed');
    expect(pathOf({ group: 'Plant 1', node: 'Edge1', device: 'Capper', name: 'Motor/Speed RPM' })).toBe('spb/Plant_1/Edge1/Capper/Motor/Speed_RPM');
  });
});
