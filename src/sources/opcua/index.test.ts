import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { TagConfig } from '../../config/schema.js';
import { isCausewayError } from '../../core/errors.js';
import type { SourceContext } from '../types.js';
import { opcuaSource, type OpcuaConfig } from './index.js';
import { readTags, securityOf } from './schema.js';

const ctx = (tags: unknown[] = []): SourceContext => ({
  id: 'plc1',
  zone: 'cell',
  logger: pino({ level: 'silent' }),
  tags: tags as TagConfig[],
  dataDir: '/tmp/causeway-test',
  commandsAllowed: false,
  now: () => 0,
  reportError: () => undefined,
});
const URL = 'opc.tcp://plc:4840';

describe('security settings', () => {
  it.each([
    ['default', {}, { mode: 'SignAndEncrypt', policy: 'Basic256Sha256' }],
    ['Sign with a newer policy', { securityMode: 'Sign', securityPolicy: 'Aes256_Sha256_RsaPss' }, { mode: 'Sign', policy: 'Aes256_Sha256_RsaPss' }],
    ['None only when the mode says so', { securityMode: 'None' }, { mode: 'None', policy: 'None' }],
    ['policy None without mode None', { securityPolicy: 'None' }, { problem: 'config.securityPolicy None is only allowed with securityMode: None (which sends data unencrypted)' }],
    ['mode None with a real policy', { securityMode: 'None', securityPolicy: 'Basic256Sha256' }, { problem: 'config.securityPolicy Basic256Sha256 needs securityMode Sign or SignAndEncrypt, not None' }],
  ] as const)('%s', (_name, extra, expected) => {
    expect(securityOf({ endpointUrl: URL, ...extra } as OpcuaConfig)).toEqual(expected);
  });
});

describe('tags', () => {
  it('takes the OPC UA keys and leaves the common ones to the pipeline', () => {
    const { tags, problems } = readTags([
      { id: 'speed', unit: 'm/min', scale: 0.1, nodeId: 'ns=2;s=Speed', samplingInterval: '250ms', serverDeadband: { type: 'absolute', value: 0.5 } },
    ] as unknown as TagConfig[]);
    expect(problems).toEqual([]);
    expect(tags).toEqual([{ id: 'speed', nodeId: 'ns=2;s=Speed', samplingInterval: '250ms', serverDeadband: { type: 'absolute', value: 0.5 } }]);
  });

  it.each([
    ['no nodeId', { id: 't' }, 'tag t'],
    ['unknown key', { id: 't', nodeId: 'i=1', node: 'x' }, 'tag t has unknown key "node"'],
    ['deadband type', { id: 't', nodeId: 'i=1', serverDeadband: { type: 'relative', value: 1 } }, 'tag t.serverDeadband.type'],
    ['percent above 100', { id: 't', nodeId: 'i=1', serverDeadband: { type: 'percent', value: 150 } }, 'tag t.serverDeadband.value is a percent and must be at most 100'],
  ])('refuses a tag with %s', (_name, tag, problem) => {
    expect(readTags([tag] as unknown as TagConfig[]).problems[0]).toContain(problem);
  });
});

describe('opcuaSource.create', () => {
  const fails = (config: unknown, tags: unknown[] = []) => {
    try {
      opcuaSource.create(config as OpcuaConfig, ctx(tags));
    } catch (e) {
      return e;
    }
    return undefined;
  };

  it('accepts a minimal config and tags', () => {
    expect(fails({ endpointUrl: URL }, [{ id: 'speed', nodeId: 'ns=2;s=Line1.Speed' }])).toBeUndefined();
    expect(opcuaSource.kind).toBe('opcua');
  });

  it.each([
    ['a missing endpoint', {}, [], 'config'],
    ['an unknown key', { endpointUrl: URL, securityLevel: 3 }, [], 'unknown key "securityLevel"'],
    ['an unsecured policy without mode None', { endpointUrl: URL, securityPolicy: 'None' }, [], 'securityPolicy None'],
    ['a malformed node id', { endpointUrl: URL }, [{ id: 'speed', nodeId: 'Line1.Speed' }], 'tag speed.nodeId "Line1.Speed" is not a node id'],
  ])('refuses %s with CW_SOURCE_CONFIG_INVALID', (_name, config, tags, problem) => {
    const e = fails(config, tags);
    expect(isCausewayError(e, 'CW_SOURCE_CONFIG_INVALID')).toBe(true);
    expect((e as Error).message).toContain(problem);
  });

  it('refuses writes, browsing and discovery while not connected', async () => {
    const source = opcuaSource.create({ endpointUrl: URL }, ctx([{ id: 'speed', nodeId: 'ns=2;s=Speed' }]));
    expect(isCausewayError(await source.write!('speed', 1).catch((e: unknown) => e), 'CW_SOURCE_WRITE_FAILED')).toBe(true);
    expect(isCausewayError(await source.browse!().catch((e: unknown) => e), 'CW_SOURCE_BROWSE_FAILED')).toBe(true);
    expect(isCausewayError(await source.discover!().catch((e: unknown) => e), 'CW_SOURCE_READ_FAILED')).toBe(true);
    await source.close();
  });
});
