/**
 * A small plant whose sources show each thing the source status reports, over real peers: an MQTT
 * device on Mosquitto sending payloads the hub sets aside, a Sparkplug edge node (no commands
 * conduit) whose births the hub missed, a meter pushing over HTTP now and then, and a simulator.
 * Shared by the API test and the browser test of the same status.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { SparkplugEdgeNode } from '../../src/sources/sparkplug/edge-node.js';

export const BROKER = 'mqtt://127.0.0.1:1883';
export const METER_TOKEN = 'meter-token-0123456789abcdef';

/** Ids no earlier run used, so retained messages and sessions of other runs do not interfere. */
export function plantIds() {
  const run = `${process.pid}-${Date.now().toString(36)}`;
  return { prefix: `cw-status-${run}`, group: `status-${run}`, hostId: `hub-${run}`, clientId: `cw-status-${run}` };
}
export type PlantIds = ReturnType<typeof plantIds>;

/** The hub config: no conduit allows commands into the cell, so the hub may not ask for rebirths. */
export function plantConfig(ids: PlantIds, extraSources = ''): string {
  return `
site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: cell, level: 1 }, { id: ops, level: 3 }]
conduits: [{ from: cell, to: ops, allow: [telemetry] }]
sources:
  - id: meter
    kind: http-push
    zone: cell
    config: { token: "\${METER_TOKEN}" }
    tags: [{ id: power, unit: kW }]
  - id: plant-mqtt
    kind: mqtt
    zone: cell
    config:
      url: ${BROKER}
      clientId: ${ids.clientId}
      clean: true
      subscriptions:
        - topic: ${ids.prefix}/+machine/telemetry
          values: [{ tag: '{machine}_temp', value: /temp }]
  - id: spb
    kind: sparkplug
    zone: cell
    config: { url: ${BROKER}, hostId: ${ids.hostId}, groups: [${ids.group}] }
  - id: sim
    kind: simulator
    zone: cell
    pollInterval: 500ms
    config: { seed: 1, period: 500ms }
    tags: [{ id: speed, signal: { kind: setpoint, value: 600 } }]
${extraSources}
historian: { flushInterval: 200ms }
`;
}

/** The topic the MQTT device publishes on. */
export const telemetryTopic = (ids: PlantIds) => `${ids.prefix}/filler/telemetry`;

/** Publish `bad` payloads that are not JSON, then one good one, on the device's topic. */
export async function publishTelemetry(ids: PlantIds, bad: number): Promise<void> {
  const client: MqttClient = await mqtt.connectAsync(BROKER, { reconnectPeriod: 0 });
  try {
    for (let i = 0; i < bad; i++) await client.publishAsync(telemetryTopic(ids), `{"temp": 4.${i}`, { qos: 1 });
    await client.publishAsync(telemetryTopic(ids), '{"temp": 4.5}', { qos: 1 });
  } finally {
    await client.endAsync();
  }
}

/** An edge node that publishes its births on connect (before the hub runs, so the hub misses them) and does not watch STATE. */
export async function startEdge(ids: PlantIds): Promise<SparkplugEdgeNode> {
  const edge = new SparkplugEdgeNode({
    url: BROKER, groupId: ids.group, edgeNodeId: 'Edge 1', clientId: `edge-${ids.clientId}`,
    metrics: [{ name: 'Speed', datatype: 'Double', alias: 1, value: 10 }, { name: 'Count', datatype: 'UInt32', alias: 2, value: 0 }],
  });
  await edge.connect();
  return edge;
}

/** `n` NDATA messages of two metrics each, by alias only. */
export async function publishEdgeData(edge: SparkplugEdgeNode, n: number): Promise<void> {
  for (let k = 1; k <= n; k++) await edge.publishData({ Speed: 10 + k, Count: k });
}

/** Push one value to the meter's ingest endpoint, as the device does. */
export async function pushMeter(url: string, value: number): Promise<number> {
  const r = await fetch(`${url}/ingest/meter`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${METER_TOKEN}` }, body: JSON.stringify({ values: { power: value } }) });
  return r.status;
}
