/** The Modbus source against a real Modbus TCP server (modbus-serial's ServerTCP) on a free port. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TagConfig } from '../../config/schema.js';
import { CausewayError } from '../../core/errors.js';
import { freePort } from '../../test-support/services.js';
import { TestDevice } from './__fixtures__/device.js';
import { modbusHarness, valuesOf } from './__fixtures__/harness.js';

const tags = (list: Array<Record<string, unknown>>) => list as TagConfig[];

let device: TestDevice;
let port: number;
const closers: Array<() => Promise<void>> = [];

beforeEach(async () => {
  port = await freePort();
  device = await TestDevice.start(port);
});

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await device.stop();
});

/** A connected source on the device, closed after the test. */
async function connected(list: Array<Record<string, unknown>>, config = {}) {
  const h = modbusHarness(port, tags(list), config);
  closers.push(() => h.source.close());
  await h.source.connect(new AbortController().signal);
  return h;
}

describe('modbus source: reading', () => {
  it('reads every data type and order with the right value and type, in few requests', async () => {
    device.setRegisters('holding', 0, [0xfffe, 0xffff, 0xf8a4, 0x32eb, 0x5678, 0x1234, 0x42f6, 0xe979, 0xe979, 0x42f6]);
    device.setRegisters('holding', 10, [0x4009, 0x21fb, 0x5444, 0x2d18, 0xffff, 0xffff, 0xffff, 0xfffe, 0xffff, 0xffff, 0xffff, 0xffff, 0x0008]);
    device.setRegisters('holding', 30, [0x4669, 0x6c6c, 0x6572, 0x2d30, 0x3100]);
    device.setRegisters('input', 0, [0x79e9, 0xf642]);
    device.setRegisters('holding', 0, [1234], 2);
    device.setBit('coil', 5, true);
    device.setBit('discrete', 7, true);
    const h = await connected([
      { id: 'i16', area: 'holding', address: 0, dataType: 'int16' },
      { id: 'u16', area: 'holding', address: 1 },
      { id: 'i32', area: 'holding', address: 2, dataType: 'int32' },
      { id: 'u32', area: 'holding', address: 4, dataType: 'uint32', wordOrder: 'little' },
      { id: 'f32', area: 'holding', address: 6, dataType: 'float32', order: 'ABCD' },
      { id: 'f32swap', area: 'holding', address: 8, dataType: 'float32', order: 'CDAB' },
      { id: 'f64', area: 'holding', address: 10, dataType: 'float64' },
      { id: 'i64', area: 'holding', address: 14, dataType: 'int64' },
      { id: 'u64', area: 'holding', address: 18, dataType: 'uint64', type: 'string' },
      { id: 'flag', area: 'holding', address: 22, dataType: 'bool', bit: 3 },
      { id: 'name', area: 'holding', address: 30, dataType: 'string', length: 5 },
      { id: 'flow', area: 'input', address: 0, dataType: 'float32', order: 'DCBA' },
      { id: 'running', area: 'coil', address: 5 },
      { id: 'door', area: 'discrete', address: 7 },
      { id: 'door2', area: 'discrete', address: 8 },
      { id: 'other', area: 'holding', address: 0, unitId: 2 },
    ]);
    const samples = await h.source.poll!();
    expect(valuesOf(samples)).toEqual({
      i16: -2, u16: 65535, i32: -123456789, u32: 0x12345678, f32: 123.456, f32swap: 123.456, f64: Math.PI, i64: -2,
      u64: '18446744073709551615', flag: true, name: 'Filler-01', flow: 123.456, running: true, door: true, door2: false, other: 1234,
    });
    expect(samples.every((s) => s.quality === 'good' && s.path.startsWith('plc/') && typeof s.ts === 'number')).toBe(true);
    // unit 1 holding 0-34 in one request, then input, coil, discrete and unit 2: five in all
    expect(device.reads.filter((r) => r.area === 'holding' || r.area === 'input')).toEqual([
      { area: 'holding', unitId: 1, address: 0, count: 35 },
      { area: 'input', unitId: 1, address: 0, count: 2 },
      { area: 'holding', unitId: 2, address: 0, count: 1 },
    ]);
  });

  it('polls only the tags of the group it is asked for', async () => {
    device.setRegisters('holding', 0, [1]);
    device.setRegisters('holding', 100, [2]);
    const groups = [{ id: 'fast', interval: 100 }, { id: 'slow', interval: '5s' }];
    const h = await connected([
      { id: 'speed', area: 'holding', address: 0, group: 'fast' },
      { id: 'total', area: 'holding', address: 100, group: 'slow' },
    ], { groups });
    expect(h.source.pollGroups!()).toEqual([{ id: 'fast', intervalMs: 100 }, { id: 'slow', intervalMs: 5000 }]);
    expect(valuesOf(await h.source.poll!('fast'))).toEqual({ speed: 1 });
    expect(valuesOf(await h.source.poll!('slow'))).toEqual({ total: 2 });
    await expect(h.source.poll!('hourly')).rejects.toMatchObject({ code: 'CW_SOURCE_CONFIG_INVALID' });
  });

  it('marks the tags of a batch answered with an exception bad, keeps the others good, and logs once', async () => {
    device.setRegisters('holding', 0, [7]);
    device.setBit('coil', 1, true);
    device.makeIllegal('holding', 100, 109);
    const h = await connected([
      { id: 'good', area: 'holding', address: 0 },
      { id: 'missing', area: 'holding', address: 100, dataType: 'float32' },
      { id: 'missing2', area: 'holding', address: 104 },
      { id: 'coil', area: 'coil', address: 1 },
    ]);
    const first = await h.source.poll!();
    const byId = Object.fromEntries(first.map((s) => [s.path, s]));
    expect(byId['plc/good']).toMatchObject({ value: 7, quality: 'good' });
    expect(byId['plc/coil']).toMatchObject({ value: true, quality: 'good' });
    expect(byId['plc/missing']).toMatchObject({ value: 0, quality: 'bad', statusCode: 2 });
    expect(byId['plc/missing2']).toMatchObject({ value: 0, quality: 'bad', statusCode: 2 });
    await h.source.poll!();
    await h.source.poll!();
    const warnings = h.lines.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toContain('Device plc answered the read of holding registers 100-104 (unit 1) with Modbus exception 2 (illegal data address).');
    expect(warnings[0]!.msg).toContain('Its 2 tags are marked bad');
    device.clearIllegal();
    const after = await h.source.poll!();
    expect(after.every((s) => s.quality === 'good')).toBe(true);
    expect(h.lines.some((l) => l.level === 30 && l.msg.includes('answers the read of holding registers 100-104 (unit 1) again'))).toBe(true);
  });

  it('fails a read that gets no answer in time with a retryable error, and every read after it at once', async () => {
    device.delayMs = 300;
    const h = await connected([{ id: 'a', area: 'holding', address: 0 }, { id: 'b', area: 'holding', address: 500 }], { timeout: 50 });
    const err = await h.source.poll!().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CausewayError);
    expect(err).toMatchObject({ code: 'CW_SOURCE_READ_FAILED', retryable: true });
    expect((err as Error).message).toBe(`Reading from plc failed: no answer within 50 ms to the read of holding register 0 (unit 1) at 127.0.0.1:${port}.`);
    const reads = device.reads.length;
    await expect(h.source.poll!()).rejects.toMatchObject({ code: 'CW_SOURCE_READ_FAILED' });
    expect(device.reads.length).toBe(reads);
  });

  it('reports a refused connection with host and port', async () => {
    const empty = await freePort();
    const h = modbusHarness(empty, tags([{ id: 'a', area: 'holding', address: 0 }]));
    const err = await h.source.connect(new AbortController().signal).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CW_SOURCE_CONNECT_FAILED', retryable: true });
    expect((err as Error).message).toBe(`Cannot reach plc at 127.0.0.1:${empty}: the connection was refused.`);
    await h.source.close();
  });
});

describe('modbus source: writing', () => {
  const writable = [
    { id: 'setpoint', area: 'holding', address: 10, dataType: 'float32', order: 'CDAB', writable: true },
    { id: 'count', area: 'holding', address: 20, dataType: 'int16', writable: true },
    { id: 'recipe', area: 'holding', address: 30, dataType: 'string', length: 4, writable: true },
    { id: 'total', area: 'holding', address: 40, dataType: 'uint64', writable: true },
    { id: 'start', area: 'coil', address: 3, writable: true },
    { id: 'mode', area: 'holding', address: 50, dataType: 'bool', bit: 2, writable: true },
    { id: 'stuck', area: 'holding', address: 60, writable: true },
    { id: 'readonly', area: 'holding', address: 70 },
    { id: 'level', area: 'input', address: 0 },
    { id: 'door', area: 'discrete', address: 0 },
    { id: 'notes', area: 'holding', address: 1000, dataType: 'string', length: 124, writable: true },
  ];

  it('writes holding registers and coils, and reads them back', async () => {
    const h = await connected(writable);
    await h.source.write!('setpoint', 123.456);
    expect([...device.memory().holding.subarray(10, 12)]).toEqual([0xe979, 0x42f6]);
    await h.source.write!('count', -2);
    expect(device.memory().holding[20]).toBe(0xfffe);
    await h.source.write!('recipe', 'IPA-7');
    expect([...device.memory().holding.subarray(30, 34)]).toEqual([0x4950, 0x412d, 0x3700, 0]);
    await h.source.write!('total', '18446744073709551615');
    expect([...device.memory().holding.subarray(40, 44)]).toEqual([0xffff, 0xffff, 0xffff, 0xffff]);
    await h.source.write!('start', true);
    expect(device.memory().coil[3]).toBe(1);
    await h.source.write!('start', 'off');
    expect(device.memory().coil[3]).toBe(0);
    expect(valuesOf(await h.source.poll!())).toMatchObject({ setpoint: 123.456, count: -2, recipe: 'IPA-7', start: false });
  });

  it.each([
    ['level', 1, 'input registers are read-only in Modbus'],
    ['door', true, 'discrete inputs are read-only in Modbus'],
    ['readonly', 1, 'the tag is not marked writable: true in the config'],
    ['nope', 1, 'the source has no tag with this id'],
    ['count', 40000, '40000 is outside the range of int16 (-32768 to 32767)'],
    ['start', 'maybe', '"maybe" is not true or false'],
    ['notes', 'x', 'it spans 124 registers, more than one write may carry (123)'],
  ])('refuses to write %s = %j', async (tag, value, reason) => {
    const h = await connected(writable);
    const err = await h.source.write!(tag, value).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CW_SOURCE_WRITE_REJECTED', retryable: false });
    expect((err as Error).message).toBe(`Source plc did not accept the write to tag ${tag}: ${reason}.`);
  });

  it('reports a write the device acknowledges but does not keep', async () => {
    device.ignoreWrites(60);
    const h = await connected(writable);
    const err = await h.source.write!('stuck', 5).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CW_SOURCE_WRITE_VERIFY_FAILED', retryable: false });
    expect((err as Error).message).toBe('The device plc acknowledged the write to tag stuck, but reading it back gave 0 instead of 5.');
  });

  it('passes on the exception of a device without mask write (function 22) for a bit tag', async () => {
    const h = await connected(writable);
    const err = await h.source.write!('mode', true).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CW_SOURCE_MODBUS_EXCEPTION', params: { code: 1 } });
    expect((err as Error).message).toBe('Device plc answered the mask write of holding register 50 (unit 1) with Modbus exception 1 (illegal function).');
  });
});

describe('modbus source: discover', () => {
  it('reads vendor, product and firmware with function 43/14', async () => {
    const h = await connected([]);
    expect(await h.source.discover!()).toEqual({ manufacturer: 'Acme Controls', product: 'AC-PLC-9', softwareVersion: 'v4.2.1' });
  });

  it('says so when the device answers 43/14 without any identification', async () => {
    // Firmware that implements function 43 but was never given a name answers blank, padded objects.
    device.identity = { 0: '    ', 1: '\0\0\0\0', 2: ' ' };
    const h = await connected([]);
    const info = await h.source.discover!();
    expect(info).toEqual({ identification: expect.stringMatching(/^The device answered Read Device Identification \(function 43\/14\) without a vendor, product or firmware/) });
  });

  it('says so when the device does not answer 43/14', async () => {
    device.identity = undefined;
    const h = await connected([]);
    const info = await h.source.discover!();
    expect(info.manufacturer).toBeUndefined();
    expect(info.identification).toBe('The device answered Read Device Identification (function 43/14) with Modbus exception 1 (illegal function); its vendor, product and firmware are unknown.');
  });
});
