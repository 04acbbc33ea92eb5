/** Start one simulated device from its settings: what the device process and in-process mode share. */
import type { Logger } from 'pino';
import { startEnergyMeter } from './energy-meter.js';
import { startModbusPlc } from './modbus-plc.js';
import { startOpcuaServer } from './opcua-server.js';
import type { DeviceSettings } from './settings.js';
import { startSparkplugNode } from './sparkplug-node.js';
import type { RunningDevice } from './types.js';

export type { RunningDevice } from './types.js';
export { deviceEnv, readDeviceSettings, type DeviceSettings } from './settings.js';

/** Start the device `settings` describe; resolves once it serves (or, for clients, once it runs). */
export function startDevice(settings: DeviceSettings, logger: Logger): Promise<RunningDevice> {
  const { seed, epochMs } = settings;
  switch (settings.kind) {
    case 'opcua':
      return startOpcuaServer({ port: settings.port, pkiDir: settings.pkiDir, seed, epochMs, logger });
    case 'modbus':
      return startModbusPlc({ port: settings.port, seed, epochMs, logger });
    case 'sparkplug':
      return startSparkplugNode({ brokerUrl: settings.brokerUrl, username: settings.username, password: settings.password, hostId: settings.hostId, seed, epochMs, logger });
    case 'meter':
      return startEnergyMeter({ hubUrl: settings.hubUrl, token: settings.token, seed, epochMs, logger });
  }
}
