/**
 * A device process's settings travel in environment variables (never on the command line, where
 * `ps` would show the secrets). Pure: the launcher writes them with deviceEnv(), the device entry
 * reads them back with readDeviceSettings().
 */
import { DEVICE_KINDS, type DeviceKind } from '../plant.js';

export const DEVICE_ENV = {
  seed: 'CAUSEWAY_DEVICE_SEED',
  epoch: 'CAUSEWAY_DEVICE_EPOCH',
  port: 'CAUSEWAY_DEVICE_PORT',
  pkiDir: 'CAUSEWAY_DEVICE_PKI_DIR',
  brokerUrl: 'CAUSEWAY_DEVICE_BROKER_URL',
  username: 'CAUSEWAY_DEVICE_USERNAME',
  password: 'CAUSEWAY_DEVICE_PASSWORD',
  hostId: 'CAUSEWAY_DEVICE_HOST_ID',
  hubUrl: 'CAUSEWAY_DEVICE_HUB_URL',
  token: 'CAUSEWAY_DEVICE_TOKEN',
} as const;

interface Common {
  seed: number;
  /** Epoch ms of simulation step 0, shared by every device of a demo. */
  epochMs: number;
}

export type DeviceSettings =
  | (Common & { kind: 'opcua'; port: number; pkiDir: string })
  | (Common & { kind: 'modbus'; port: number })
  | (Common & { kind: 'sparkplug'; brokerUrl: string; username: string; password: string; hostId: string })
  | (Common & { kind: 'meter'; hubUrl: string; token: string });

type Env = Readonly<Record<string, string | undefined>>;

/** The environment variables that carry `settings`. */
export function deviceEnv(settings: DeviceSettings): Record<string, string> {
  const env: Record<string, string> = { [DEVICE_ENV.seed]: String(settings.seed), [DEVICE_ENV.epoch]: String(settings.epochMs) };
  switch (settings.kind) {
    case 'opcua':
      return { ...env, [DEVICE_ENV.port]: String(settings.port), [DEVICE_ENV.pkiDir]: settings.pkiDir };
    case 'modbus':
      return { ...env, [DEVICE_ENV.port]: String(settings.port) };
    case 'sparkplug':
      return { ...env, [DEVICE_ENV.brokerUrl]: settings.brokerUrl, [DEVICE_ENV.username]: settings.username, [DEVICE_ENV.password]: settings.password, [DEVICE_ENV.hostId]: settings.hostId };
    case 'meter':
      return { ...env, [DEVICE_ENV.hubUrl]: settings.hubUrl, [DEVICE_ENV.token]: settings.token };
  }
}

class Missing extends Error {}

function reader(env: Env) {
  const text = (key: keyof typeof DEVICE_ENV): string => {
    const v = env[DEVICE_ENV[key]];
    if (v === undefined || v === '') throw new Missing(`${DEVICE_ENV[key]} is not set`);
    return v;
  };
  const int = (key: keyof typeof DEVICE_ENV, min: number, max: number): number => {
    const v = Number(text(key));
    if (!Number.isInteger(v) || v < min || v > max) throw new Missing(`${DEVICE_ENV[key]} must be a whole number from ${min} to ${max}`);
    return v;
  };
  return { text, int };
}

/** The settings of a device kind from the environment, or the problem with them. */
export function readDeviceSettings(kind: string, env: Env): DeviceSettings | { problem: string } {
  if (!(DEVICE_KINDS as readonly string[]).includes(kind)) return { problem: `"${kind}" is not a demo device; use one of ${DEVICE_KINDS.join(', ')}` };
  const r = reader(env);
  try {
    const common = { seed: r.int('seed', -(2 ** 31), 2 ** 31), epochMs: r.int('epoch', 0, Number.MAX_SAFE_INTEGER) };
    switch (kind as DeviceKind) {
      case 'opcua':
        return { kind: 'opcua', ...common, port: r.int('port', 1, 65535), pkiDir: r.text('pkiDir') };
      case 'modbus':
        return { kind: 'modbus', ...common, port: r.int('port', 1, 65535) };
      case 'sparkplug':
        return { kind: 'sparkplug', ...common, brokerUrl: r.text('brokerUrl'), username: r.text('username'), password: r.text('password'), hostId: r.text('hostId') };
      case 'meter':
        return { kind: 'meter', ...common, hubUrl: r.text('hubUrl'), token: r.text('token') };
    }
  } catch (e) {
    if (e instanceof Missing) return { problem: e.message };
    throw e;
  }
}
