import { describe, expect, it } from 'vitest';
import { decodeRegisters, encodeValue, ORDERS, registerCount, shortestFloat32, type CodecSpec, type DataType, type OrderName } from './codec.js';

const spec = (dataType: DataType, order: OrderName = 'ABCD', extra: Partial<CodecSpec> = {}): CodecSpec => ({ dataType, ...ORDERS[order], ...extra });

describe('decode known byte patterns', () => {
  it.each<[DataType, OrderName, number[], unknown]>([
    // float32 123.456 is 0x42F6E979
    ['float32', 'ABCD', [0x42f6, 0xe979], 123.456],
    ['float32', 'CDAB', [0xe979, 0x42f6], 123.456],
    ['float32', 'BADC', [0xf642, 0x79e9], 123.456],
    ['float32', 'DCBA', [0x79e9, 0xf642], 123.456],
    ['float32', 'ABCD', [0xc2f6, 0xe979], -123.456],
    ['float32', 'ABCD', [0x0000, 0x0000], 0],
    // int32 -123456789 is 0xF8A432EB
    ['int32', 'ABCD', [0xf8a4, 0x32eb], -123456789],
    ['int32', 'CDAB', [0x32eb, 0xf8a4], -123456789],
    ['int32', 'BADC', [0xa4f8, 0xeb32], -123456789],
    ['int32', 'DCBA', [0xeb32, 0xa4f8], -123456789],
    ['uint32', 'ABCD', [0x1234, 0x5678], 0x12345678],
    ['uint32', 'CDAB', [0x5678, 0x1234], 0x12345678],
    ['uint32', 'BADC', [0x3412, 0x7856], 0x12345678],
    ['uint32', 'DCBA', [0x7856, 0x3412], 0x12345678],
    ['uint32', 'ABCD', [0xffff, 0xffff], 4294967295],
    ['int16', 'ABCD', [0xfffe], -2],
    ['int16', 'BADC', [0xfeff], -2],
    ['int16', 'ABCD', [0x8000], -32768],
    ['uint16', 'ABCD', [0xffff], 65535],
    ['uint16', 'DCBA', [0x3412], 0x1234],
    // int64 0x0001020304050607
    ['int64', 'ABCD', [0x0001, 0x0203, 0x0405, 0x0607], 283686952306183],
    ['int64', 'CDAB', [0x0607, 0x0405, 0x0203, 0x0001], 283686952306183],
    ['int64', 'BADC', [0x0100, 0x0302, 0x0504, 0x0706], 283686952306183],
    ['int64', 'DCBA', [0x0706, 0x0504, 0x0302, 0x0100], 283686952306183],
    ['int64', 'ABCD', [0xffff, 0xffff, 0xffff, 0xffff], -1],
    ['uint64', 'ABCD', [0x001f, 0xffff, 0xffff, 0xffff], Number.MAX_SAFE_INTEGER],
    // float64 pi is 0x400921FB54442D18
    ['float64', 'ABCD', [0x4009, 0x21fb, 0x5444, 0x2d18], Math.PI],
    ['float64', 'CDAB', [0x2d18, 0x5444, 0x21fb, 0x4009], Math.PI],
    ['float64', 'BADC', [0x0940, 0xfb21, 0x4454, 0x182d], Math.PI],
    ['float64', 'DCBA', [0x182d, 0x4454, 0xfb21, 0x0940], Math.PI],
  ])('%s %s %j is %s', (dataType, order, registers, value) => {
    expect(decodeRegisters(registers, spec(dataType, order))).toEqual({ value, quality: 'good' });
  });

  it.each<[string, Partial<CodecSpec>, number[], unknown]>([
    ['bit 0', { bit: 0 }, [0x8001], true],
    ['bit 1', { bit: 1 }, [0x8001], false],
    ['bit 15', { bit: 15 }, [0x8001], true],
    ['bit 15, bytes swapped', { bit: 15, byteOrder: 'little' }, [0x0180], true],
    ['bit 8, bytes swapped', { bit: 8, byteOrder: 'little' }, [0x0180], false],
    ['whole register 0', {}, [0], false],
    ['whole register 5', {}, [5], true],
  ])('bool %s', (_name, extra, registers, value) => {
    expect(decodeRegisters(registers, spec('bool', 'ABCD', extra)).value).toBe(value);
  });

  it.each<[string, Partial<CodecSpec>, number[], string]>([
    ['padded with NUL', { length: 3 }, [0x4865, 0x6c6c, 0x6f00], 'Hello'],
    ['bytes swapped', { length: 3, byteOrder: 'little' }, [0x6548, 0x6c6c, 0x006f], 'Hello'],
    ['word order ignored', { length: 2, wordOrder: 'little' }, [0x4142, 0x4344], 'ABCD'],
    ['ends at the first NUL', { length: 2 }, [0x4142, 0x0043], 'AB'],
    ['all NUL', { length: 2 }, [0, 0], ''],
    ['full, no NUL', { length: 1 }, [0x4f4b], 'OK'],
    ['latin1', { length: 1 }, [0xe900], 'é'],
  ])('string %s', (_name, extra, registers, value) => {
    expect(decodeRegisters(registers, spec('string', 'ABCD', extra))).toEqual({ value, quality: 'good' });
  });

  it.each<[string, DataType, number[]]>([
    ['float32 NaN', 'float32', [0x7fc0, 0]],
    ['float32 +Infinity', 'float32', [0x7f80, 0]],
    ['float32 -Infinity', 'float32', [0xff80, 0]],
    ['float64 NaN', 'float64', [0x7ff8, 0, 0, 0]],
  ])('%s has no value: 0 with quality bad', (_name, dataType, registers) => {
    expect(decodeRegisters(registers, spec(dataType))).toEqual({ value: 0, quality: 'bad' });
  });

  it('gives 64-bit integers beyond 2^53 as uncertain numbers, or exactly as text when asked', () => {
    const max = [0xffff, 0xffff, 0xffff, 0xffff];
    expect(decodeRegisters(max, spec('uint64'))).toEqual({ value: 2 ** 64, quality: 'uncertain' });
    expect(decodeRegisters(max, spec('uint64', 'ABCD', { bigAsString: true }))).toEqual({ value: '18446744073709551615', quality: 'good' });
    expect(decodeRegisters([0x8000, 0, 0, 0], spec('int64', 'ABCD', { bigAsString: true })).value).toBe('-9223372036854775808');
    expect(decodeRegisters([0x0020, 0, 0, 0], spec('uint64')).quality).toBe('uncertain'); // 2^53
    expect(decodeRegisters([0xffe0, 0, 0, 0], spec('int64')).quality).toBe('uncertain'); // -2^53
    expect(decodeRegisters([0xffe0, 0, 0, 1], spec('int64'))).toEqual({ value: Number.MIN_SAFE_INTEGER, quality: 'good' });
  });
});

describe('encode', () => {
  it.each<[DataType, OrderName, unknown, number[]]>([
    ['float32', 'ABCD', 123.456, [0x42f6, 0xe979]],
    ['float32', 'CDAB', 123.456, [0xe979, 0x42f6]],
    ['float32', 'BADC', 123.456, [0xf642, 0x79e9]],
    ['float32', 'DCBA', 123.456, [0x79e9, 0xf642]],
    ['int16', 'ABCD', -2, [0xfffe]],
    ['int16', 'BADC', -2, [0xfeff]],
    ['uint16', 'ABCD', '4660', [0x1234]],
    ['uint16', 'ABCD', true, [1]],
    ['int32', 'CDAB', -123456789, [0x32eb, 0xf8a4]],
    ['uint32', 'DCBA', 0x12345678, [0x7856, 0x3412]],
    ['uint64', 'ABCD', '18446744073709551615', [0xffff, 0xffff, 0xffff, 0xffff]],
    ['int64', 'CDAB', 283686952306183, [0x0607, 0x0405, 0x0203, 0x0001]],
    ['int64', 'ABCD', '72623859790382856', [0x0102, 0x0304, 0x0506, 0x0708]],
    ['int64', 'ABCD', '-9223372036854775808', [0x8000, 0, 0, 0]],
    ['float64', 'DCBA', Math.PI, [0x182d, 0x4454, 0xfb21, 0x0940]],
    ['bool', 'ABCD', true, [1]],
    ['bool', 'BADC', 'on', [0x0100]],
  ])('%s %s %j is %j', (dataType, order, value, registers) => {
    expect(encodeValue(value as never, spec(dataType, order))).toEqual({ ok: true, registers });
  });

  it('pads strings with NUL and swaps bytes when asked', () => {
    expect(encodeValue('Hello', spec('string', 'ABCD', { length: 4 }))).toEqual({ ok: true, registers: [0x4865, 0x6c6c, 0x6f00, 0] });
    expect(encodeValue('Hello', spec('string', 'DCBA', { length: 3 }))).toEqual({ ok: true, registers: [0x6548, 0x6c6c, 0x006f] });
  });

  it.each<[string, DataType, unknown, Partial<CodecSpec>, RegExp]>([
    ['int16 above range', 'int16', 32768, {}, /outside the range of int16 \(-32768 to 32767\)/],
    ['uint16 negative', 'uint16', -1, {}, /outside the range of uint16/],
    ['uint32 above range', 'uint32', 4294967296, {}, /outside the range of uint32/],
    ['int32 fraction', 'int32', 1.5, {}, /not a whole number/],
    ['uint64 negative', 'uint64', -1, {}, /outside the range of uint64/],
    ['int64 above range', 'int64', '9223372036854775808', {}, /outside the range of int64/],
    ['int64 unsafe number', 'int64', 2 ** 60, {}, /give values beyond 2\^53 as text/],
    ['float32 too large', 'float32', 1e39, {}, /outside the range of float32/],
    ['number from text', 'float64', 'abc', {}, /"abc" is not a number/],
    ['empty text', 'int16', ' ', {}, /is not a number/],
    ['bool from 2', 'bool', 2, {}, /is not true or false/],
    ['bit by register', 'bool', true, { bit: 3 }, /mask write/],
    ['string too long', 'string', 'Hello', { length: 2 }, /5 characters but the tag holds at most 4/],
    ['string not latin1', 'string', 'Ω', { length: 2 }, /outside Latin-1/],
  ])('refuses %s', (_name, dataType, value, extra, problem) => {
    const out = encodeValue(value as never, spec(dataType, 'ABCD', extra));
    expect(out.ok).toBe(false);
    expect(out.ok ? '' : out.problem).toMatch(problem);
  });
});

describe('round trip', () => {
  const cases: Array<[DataType, unknown[]]> = [
    ['int16', [-32768, -1, 0, 1, 32767]],
    ['uint16', [0, 1, 0x8000, 65535]],
    ['int32', [-2147483648, -1, 0, 2147483647]],
    ['uint32', [0, 1, 2147483648, 4294967295]],
    ['int64', [Number.MIN_SAFE_INTEGER, -1, 0, Number.MAX_SAFE_INTEGER]],
    ['uint64', [0, 1, Number.MAX_SAFE_INTEGER]],
    ['float32', [0, -1.5, 123.456, 3.4028234663852886e38, 1.401298464324817e-45, 0.1]],
    ['float64', [0, -1.5, Math.PI, Number.MAX_VALUE, Number.MIN_VALUE, 0.1]],
    ['bool', [true, false]],
  ];
  for (const order of Object.keys(ORDERS) as OrderName[]) {
    it.each(cases)(`%s in ${order}`, (dataType, values) => {
      for (const value of values) {
        const s = spec(dataType, order);
        const enc = encodeValue(value as never, s);
        if (!enc.ok) throw new Error(enc.problem);
        expect(enc.registers).toHaveLength(registerCount(dataType));
        const out = decodeRegisters(enc.registers, s);
        expect(out.quality).toBe('good');
        // float32 values come back with the fewest digits that name the same float32
        if (dataType === 'float32') expect(Math.fround(out.value as number)).toBe(Math.fround(value as number));
        else expect(out.value).toBe(value);
      }
    });
  }

  it('keeps 64-bit extremes exactly as text', () => {
    for (const [dataType, value] of [['int64', '-9223372036854775808'], ['int64', '9223372036854775807'], ['uint64', '18446744073709551615']] as const) {
      const s = spec(dataType, 'CDAB', { bigAsString: true });
      const enc = encodeValue(value, s);
      expect(enc.ok && decodeRegisters(enc.registers, s).value).toBe(value);
    }
  });

  it('prints float32 values with the fewest digits that read back the same', () => {
    expect(shortestFloat32(Math.fround(123.456))).toBe(123.456);
    expect(shortestFloat32(Math.fround(0.1))).toBe(0.1);
    expect(Math.fround(shortestFloat32(Math.fround(16777217)))).toBe(Math.fround(16777217));
  });
});
