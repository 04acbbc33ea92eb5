import { describe, expect, it } from 'vitest';
import type { TagConfig } from '../../config/schema.js';
import { readSettings } from './config.js';
import { modbusHarness } from './__fixtures__/harness.js';
import { readTags } from './tags.js';

const one = (tag: Record<string, unknown>, groups?: string[]) =>
  readTags([{ id: 't', ...tag } as TagConfig], { unitId: 1, groups: groups && new Set(groups) });

describe('readTags', () => {
  it('fills in the defaults', () => {
    expect(one({ area: 'holding', address: 7, unit: 'degC', scale: 0.1 }).tags[0]).toEqual({
      id: 't', key: 't', area: 'holding', address: 7, count: 1, unitId: 1, group: 'default', writable: false,
      dataType: 'uint16', byteOrder: 'big', wordOrder: 'big',
    });
    expect(one({ area: 'coil', address: 0 }).tags[0]).toMatchObject({ dataType: 'bool', count: 1 });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['order CDAB', { area: 'holding', address: 0, dataType: 'float32', order: 'CDAB' }, { byteOrder: 'big', wordOrder: 'little', count: 2 }],
    ['order BADC', { area: 'input', address: 0, dataType: 'int32', order: 'BADC' }, { byteOrder: 'little', wordOrder: 'big' }],
    ['byteOrder and wordOrder', { area: 'holding', address: 0, dataType: 'float64', byteOrder: 'little', wordOrder: 'little' }, { byteOrder: 'little', wordOrder: 'little', count: 4 }],
    ['a matching pair with order', { area: 'holding', address: 0, dataType: 'uint32', order: 'DCBA', wordOrder: 'little' }, { byteOrder: 'little' }],
    ['a string', { area: 'holding', address: 0, dataType: 'string', length: 8 }, { count: 8 }],
    ['64-bit as text', { area: 'holding', address: 0, dataType: 'uint64', type: 'string' }, { bigAsString: true, count: 4 }],
    ['a bit', { area: 'input', address: 3, dataType: 'bool', bit: 15 }, { bit: 15, count: 1 }],
    ['its own unit id', { area: 'holding', address: 0, unitId: 17 }, { unitId: 17 }],
    ['a declared group', { area: 'holding', address: 0, group: 'fast' }, { group: 'fast' }],
  ])('reads %s', (_name, tag, expected) => {
    const out = one(tag, 'group' in tag ? ['fast'] : undefined);
    expect(out.problems).toEqual([]);
    expect(out.tags[0]).toMatchObject(expected);
  });

  it.each<[string, Record<string, unknown>, string[] | undefined, string]>([
    ['no area', { address: 0 }, undefined, 'it must have required properties area'],
    ['an unknown area', { area: 'holdings', address: 0 }, undefined, 'area "holdings" is not one of coil, discrete, holding, input'],
    ['an unknown data type', { area: 'holding', address: 0, dataType: 'float' }, undefined, 'dataType "float" is not one of bool, int16'],
    ['an unknown key', { area: 'holding', address: 0, register: 40001 }, undefined, 'has unknown key "register"'],
    ['an address past 65535', { area: 'holding', address: 65536 }, undefined, 'address must be <= 65535'],
    ['a coil that is not bool', { area: 'coil', address: 0, dataType: 'int16' }, undefined, 'a coil is a single bit, so its dataType is bool, not int16'],
    ['a discrete input with an order', { area: 'discrete', address: 0, order: 'CDAB' }, undefined, 'order applies to registers, not to a discrete'],
    ['a bit on an int16', { area: 'holding', address: 0, dataType: 'int16', bit: 2 }, undefined, 'bit applies to dataType bool, not int16'],
    ['a string without length', { area: 'holding', address: 0, dataType: 'string' }, undefined, 'a string needs its length in registers'],
    ['a length on a number', { area: 'holding', address: 0, length: 2 }, undefined, 'length applies to dataType string, not uint16'],
    ['conflicting orders', { area: 'holding', address: 0, dataType: 'float32', order: 'ABCD', wordOrder: 'little' }, undefined, 'order ABCD means byteOrder big and wordOrder big; remove one of the two'],
    ['a writable input register', { area: 'input', address: 0, writable: true }, undefined, 'input registers are read-only in Modbus, so the tag cannot be writable'],
    ['a float64 past the end', { area: 'holding', address: 65533, dataType: 'float64' }, undefined, 'it runs past the last address: 4 registers from 65533 end beyond 65535'],
    ['a group without groups', { area: 'holding', address: 0, group: 'fast' }, undefined, 'its group "fast" is not declared: add { id: fast, interval: 1s } to config.groups'],
    ['an unknown group', { area: 'holding', address: 0, group: 'slow' }, ['fast'], 'its group "slow" is not in config.groups (fast)'],
    ['no group when groups lack default', { area: 'holding', address: 0 }, ['fast'], 'it names no group, and config.groups declares no "default" group'],
  ])('refuses %s', (_name, tag, groups, problem) => {
    const out = one(tag, groups);
    expect(out.tags).toEqual([]);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toContain(`tag t: `);
    expect(out.problems[0]).toContain(problem);
  });
});

describe('readSettings', () => {
  it('fills in the defaults', () => {
    expect(readSettings({ host: 'plc1' }).settings).toEqual({
      host: 'plc1', port: 502, unitId: 1, timeoutMs: 1000, maxGap: 10, maxRegisters: 125, maxBits: 2000, groups: undefined,
    });
    expect(readSettings({ host: 'plc1', timeout: '2.5s', groups: [{ id: 'fast', interval: '250ms' }] }).settings).toMatchObject({
      timeoutMs: 2500, groups: [{ id: 'fast', intervalMs: 250 }],
    });
  });

  it.each<[string, unknown, string]>([
    ['no host', {}, 'config'],
    ['an unknown key', { host: 'a', ip: 'b' }, 'config has unknown key "ip"'],
    ['a port of 0', { host: 'a', port: 0 }, 'config.port'],
    ['a unit id of 256', { host: 'a', unitId: 256 }, 'config.unitId'],
    ['a group twice', { host: 'a', groups: [{ id: 'g', interval: 10 }, { id: 'g', interval: 20 }] }, 'config.groups lists the group "g" twice'],
    ['a gap too large', { host: 'a', maxGap: 5000 }, 'config.maxGap'],
    ['a timeout that is no duration', { host: 'a', timeout: 'soon' }, 'config.timeout must be milliseconds or a duration such as 500ms, 1s or 5m'],
  ])('refuses %s', (_name, config, problem) => {
    const out = readSettings(config);
    expect(out.settings).toBeUndefined();
    expect(out.problems.join('; ')).toContain(problem);
  });
});

describe('modbusSource.create', () => {
  it('refuses a config with every problem named', () => {
    const create = () => modbusHarness(502, [
      { id: 'a', area: 'holding', address: 0, dataType: 'string' },
      { id: 'b', area: 'holding', address: 0, dataType: 'float64' },
    ] as unknown as TagConfig[], { maxRegistersPerRead: 2 });
    expect(create).toThrow(expect.objectContaining({
      code: 'CW_SOURCE_CONFIG_INVALID',
      message: 'The configuration of source plc is not valid: tag a: a string needs its length in registers (length: 10 holds 20 characters); tag b: it needs 4 registers, more than maxRegistersPerRead (2).',
    }));
  });

  it('offers poll groups only when they are configured', () => {
    expect(modbusHarness(502, []).source.pollGroups).toBeUndefined();
    const { source } = modbusHarness(502, [], { groups: [{ id: 'fast', interval: '100ms' }] });
    expect(source.pollGroups!()).toEqual([{ id: 'fast', intervalMs: 100 }]);
  });
});
