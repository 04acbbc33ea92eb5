/**
 * The hub side of the demo's four simulated devices: one source per device (OPC UA, Modbus TCP,
 * Sparkplug B, HTTP push) and the embedded MQTT broker the Sparkplug edge node publishes to.
 * Tags come from the same pure maps the devices serve. Secrets are `${ENV}` references: the demo
 * generates them at start and puts them in the environment, so no config text ever holds one.
 */
import type { DemoErp } from './production.js';
import type { BrokerConfig, SinkConfig, SourceConfig } from '../config/schema.js';
import { demoModbusMap } from './modbus-map.js';
import { demoOpcuaPoints } from './opcua-model.js';
import { energyMeterTags } from './plant.js';
import { demoSparkplugPoints, SPARKPLUG_GROUP, SPARKPLUG_HOST_ID, SPARKPLUG_NODE, sparkplugMetricRef } from './sparkplug-model.js';

/** Where the simulated devices and the embedded broker listen (all on 127.0.0.1). */
export interface DemoEndpoints {
  opcua: { port: number };
  modbus: { port: number };
  broker: { port: number };
  /** How the demo ERP hands over work orders (chosen before the hub starts). */
  erp?: DemoErp;
}

/** The standard ports, for `--print-config`: what a real plant would use. */
export const STANDARD_ENDPOINTS: DemoEndpoints = { opcua: { port: 4840 }, modbus: { port: 502 }, broker: { port: 1883 } };

export const DEMO_HOST = '127.0.0.1';

/** The environment variables that carry the demo's generated secrets. */
export const DEMO_SECRET_ENV = {
  hubMqttPassword: 'CAUSEWAY_DEMO_HUB_MQTT_PASSWORD',
  edgeMqttPassword: 'CAUSEWAY_DEMO_EDGE_MQTT_PASSWORD',
  meterToken: 'CAUSEWAY_DEMO_METER_TOKEN',
  unsPublisherPassword: 'CAUSEWAY_DEMO_UNS_PUBLISHER_PASSWORD',
  unsReaderPassword: 'CAUSEWAY_DEMO_UNS_READER_PASSWORD',
} as const;
export type DemoSecrets = Record<keyof typeof DEMO_SECRET_ENV, string>;

export const DEMO_MQTT_USERS = { hub: 'causeway-hub', edge: 'compressor-edge', uns: 'causeway-uns', reader: 'uns-reader' } as const;

/** The topic prefix of the demo's unified namespace on the embedded broker. */
export const DEMO_UNS_PREFIX = 'uns';

export const DEMO_SOURCE_IDS = { opcua: 'packaging-opcua', modbus: 'packaging-modbus', sparkplug: 'utilities-sparkplug', meter: 'energy-meter' } as const;

/** Compressor metrics watched for staleness. */
const STALE_WATCHED = ['compressor_outlet_temp'];

const ref = (name: string) => `\${${name}}`;
const unitOf = (unit: string | undefined) => (unit ? { unit } : {});

function opcuaSourceConfig(e: DemoEndpoints): SourceConfig {
  return {
    id: DEMO_SOURCE_IDS.opcua, kind: 'opcua', zone: 'packaging',
    description: 'Fillers and cappers of lines 1 and 2: the simulated OPC UA server (Basic256Sha256, SignAndEncrypt)',
    config: { endpointUrl: `opc.tcp://${DEMO_HOST}:${e.opcua.port}`, securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256', publishingInterval: '1s' },
    tags: demoOpcuaPoints().map((p) => ({ id: p.tagId, nodeId: p.nodeId, ...unitOf(p.unit) })),
  } as SourceConfig;
}

function modbusSourceConfig(e: DemoEndpoints): SourceConfig {
  return {
    id: DEMO_SOURCE_IDS.modbus, kind: 'modbus', zone: 'packaging',
    description: 'Labelers and palletizers of lines 1 and 2: the simulated Modbus TCP PLC',
    pollInterval: '1s',
    config: { host: DEMO_HOST, port: e.modbus.port, unitId: 1, timeout: '1s' },
    tags: demoModbusMap().map((p) => ({ id: p.tagId, area: p.area, address: p.address, dataType: p.dataType, ...unitOf(p.unit) })),
  } as SourceConfig;
}

function sparkplugSourceConfig(e: DemoEndpoints): SourceConfig {
  return {
    id: DEMO_SOURCE_IDS.sparkplug, kind: 'sparkplug', zone: 'utilities',
    description: 'The compressor: a Sparkplug B edge node on the embedded broker',
    config: {
      url: `mqtt://${DEMO_HOST}:${e.broker.port}`, hostId: SPARKPLUG_HOST_ID, groups: [SPARKPLUG_GROUP],
      username: DEMO_MQTT_USERS.hub, password: ref(DEMO_SECRET_ENV.hubMqttPassword),
    },
    // Renamed so assets can bind them as <source>/<tag>; unlisted metrics would appear under
    // utilities-sparkplug/<group>/<node>/<metric path>.
    // The edge node publishes every metric each second; a sensor silent for 10 s is stale (the demo's stale-sensor alarm).
    tags: demoSparkplugPoints().map((p) => ({ id: p.tagId, metric: sparkplugMetricRef(p.name), ...unitOf(p.unit), ...(STALE_WATCHED.includes(p.tagId) ? { staleAfter: '10s' } : {}) })),
  } as SourceConfig;
}

function meterSourceConfig(): SourceConfig {
  return {
    id: DEMO_SOURCE_IDS.meter, kind: 'http-push', zone: 'utilities',
    description: 'The site energy meter: pushes a reading every 5 s to POST /ingest/energy-meter',
    config: { token: ref(DEMO_SECRET_ENV.meterToken), requestsPerSecond: 1, burst: 5 },
    tags: energyMeterTags().map((t) => ({ id: t.id, ...unitOf(t.unit) })),
  } as SourceConfig;
}

/** The four device sources. */
export function protocolSources(e: DemoEndpoints): SourceConfig[] {
  return [opcuaSourceConfig(e), modbusSourceConfig(e), sparkplugSourceConfig(e), meterSourceConfig()];
}

/**
 * The embedded broker on loopback, each login with exactly what it is for: the hub's Sparkplug
 * host (role hub: the only one that may send NCMD/DCMD), the compressor's edge node (its own
 * group and node only), the hub's UNS publisher (writes uns/# only), and the read-only UNS login
 * the banner prints (reads uns/# only).
 */
export function demoBroker(e: DemoEndpoints): BrokerConfig {
  return {
    enabled: true, host: DEMO_HOST, port: e.broker.port, allowAnonymous: false,
    users: [
      { username: DEMO_MQTT_USERS.hub, password: ref(DEMO_SECRET_ENV.hubMqttPassword), role: 'hub' },
      { username: DEMO_MQTT_USERS.edge, password: ref(DEMO_SECRET_ENV.edgeMqttPassword), role: 'sparkplug-edge', group: SPARKPLUG_GROUP, node: SPARKPLUG_NODE },
      { username: DEMO_MQTT_USERS.uns, password: ref(DEMO_SECRET_ENV.unsPublisherPassword), write: [`${DEMO_UNS_PREFIX}/#`] },
      { username: DEMO_MQTT_USERS.reader, password: ref(DEMO_SECRET_ENV.unsReaderPassword), role: 'uns-reader' },
    ],
  };
}

/** The unified namespace published to the embedded broker: `uns/<path>`, retained, QoS 1, with units. */
export function demoUnsSink(e: DemoEndpoints): SinkConfig {
  return {
    id: 'uns', kind: 'mqtt', zone: 'site-ops',
    description: 'The plant\'s unified namespace on the embedded broker, for IT and OT subscribers alike',
    config: { url: `mqtt://${DEMO_HOST}:${e.broker.port}`, username: DEMO_MQTT_USERS.uns, password: ref(DEMO_SECRET_ENV.unsPublisherPassword), prefix: DEMO_UNS_PREFIX },
  };
}
