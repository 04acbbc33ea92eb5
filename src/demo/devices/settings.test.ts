import { describe, expect, it } from 'vitest';
import { DEVICE_ENV, deviceEnv, readDeviceSettings, type DeviceSettings } from './settings.js';

const ALL: DeviceSettings[] = [
  { kind: 'opcua', seed: 43, epochMs: 1_700_000_000_000, port: 40100, pkiDir: '/tmp/pki' },
  { kind: 'modbus', seed: 44, epochMs: 1_700_000_000_000, port: 40101 },
  { kind: 'sparkplug', seed: 142, epochMs: 1_700_000_000_000, brokerUrl: 'mqtt://127.0.0.1:40102', username: 'compressor-edge', password: 'p4ss-w0rd', hostId: 'causeway-demo' },
  { kind: 'meter', seed: 242, epochMs: 1_700_000_000_000, hubUrl: 'http://127.0.0.1:8080', token: 'a-token-of-twenty-chars' },
];

describe('device settings in the environment', () => {
  it.each(ALL)('reads back what the launcher wrote for $kind', (settings) => {
    expect(readDeviceSettings(settings.kind, deviceEnv(settings))).toEqual(settings);
  });

  it('gives each device only its own settings', () => {
    expect(Object.keys(deviceEnv(ALL[1]!)).sort()).toEqual([DEVICE_ENV.epoch, DEVICE_ENV.port, DEVICE_ENV.seed].sort());
    expect(deviceEnv(ALL[0]!)).not.toHaveProperty(DEVICE_ENV.password);
  });

  it.each([
    ['plc', {}, '"plc" is not a demo device; use one of opcua, modbus, sparkplug, meter'],
    ['modbus', { ...deviceEnv(ALL[1]!), [DEVICE_ENV.port]: '' }, 'CAUSEWAY_DEVICE_PORT is not set'],
    ['modbus', { ...deviceEnv(ALL[1]!), [DEVICE_ENV.port]: '70000' }, 'CAUSEWAY_DEVICE_PORT must be a whole number from 1 to 65535'],
    ['meter', { ...deviceEnv(ALL[3]!), [DEVICE_ENV.token]: undefined }, 'CAUSEWAY_DEVICE_TOKEN is not set'],
  ])('names the problem: %s', (kind, env, problem) => {
    expect(readDeviceSettings(kind, env)).toEqual({ problem });
  });
});
