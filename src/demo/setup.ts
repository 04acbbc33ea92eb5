/**
 * Everything the demo decides before anything starts: free loopback ports, fresh secrets, the
 * OPC UA trust exchange, and each device's settings. Secrets only travel in memory and in the
 * environment of the one process that needs each; they are never printed or logged.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { DeviceSettings } from './devices/index.js';
import { OPCUA_SERVER_NAME, OPCUA_SERVER_URI } from './devices/opcua-server.js';
import { certificateSubjectOf } from '../sources/opcua/own-certificate.js';
import { DEMO_SITE_CONFIG } from './config.js';
import { exchangeOpcuaTrust } from './pki-exchange.js';
import { DEMO_HOST, DEMO_MQTT_USERS, DEMO_SECRET_ENV, type DemoEndpoints, type DemoSecrets } from './protocol-sources.js';
import { prepareDemoErp } from './production.js';
import { SPARKPLUG_HOST_ID } from './sparkplug-model.js';

export interface DemoSetup {
  /** The API port (a free one when 0 was asked for). */
  apiPort: number;
  hubUrl: string;
  endpoints: DemoEndpoints;
  secrets: DemoSecrets;
  /** The secrets as the environment the config's `${…}` references read. */
  secretEnv: Record<string, string>;
  devices: DeviceSettings[];
  /** The hub's OPC UA client PKI. */
  hubPkiDir: string;
}

/** `count` distinct free TCP ports on 127.0.0.1, chosen by the system (never the services' standard ones). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<net.Server>((resolve, reject) => {
      const s = net.createServer();
      s.once('error', reject);
      s.listen(0, DEMO_HOST, () => resolve(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

function secret(): string {
  return randomBytes(24).toString('base64url');
}

/** Trust each side's OPC UA certificate on the other, and say so. */
async function exchangeTrust(dataDir: string, logger: Logger): Promise<{ hubPkiDir: string; serverPkiDir: string }> {
  const hubPkiDir = join(dataDir, 'pki', 'opcua');
  const serverPkiDir = join(dataDir, 'devices', 'opcua-server', 'pki');
  const t = await exchangeOpcuaTrust({ hubPkiDir, serverPkiDir, serverApplicationUri: OPCUA_SERVER_URI, serverName: OPCUA_SERVER_NAME, hubSubject: certificateSubjectOf(DEMO_SITE_CONFIG) });
  logger.info(
    { thumbprint: t.server.thumbprint, subject: t.server.subject, pki: hubPkiDir },
    `demo: trusting the simulated OPC UA server's certificate ${t.server.thumbprint} (${t.server.subject}) in the hub's PKI: the demo made it itself for its own server on ${DEMO_HOST}. A real server's certificate is never trusted this way; check its thumbprint and run \`causeway pki trust\`.`,
  );
  logger.info(
    { thumbprint: t.hub.thumbprint, subject: t.hub.subject, pki: serverPkiDir },
    `demo: the simulated OPC UA server trusts the hub's certificate ${t.hub.thumbprint} (${t.hub.subject}), copied into its trusted folder as a server administrator would do after comparing the thumbprint.`,
  );
  return { hubPkiDir, serverPkiDir };
}

/** Decide ports, secrets and device settings, and exchange the OPC UA certificates. */
export async function prepareDemo(o: { dataDir: string; seed: number; apiPort: number; logger: Logger }): Promise<DemoSetup> {
  const [opcua, modbus, broker, api] = await freePorts(4);
  const apiPort = o.apiPort === 0 ? api! : o.apiPort;
  // The demo ERP releases today's orders: into PostgreSQL's staging table when it answers, else the drop folder.
  const erp = await prepareDemoErp(o.dataDir, Date.now());
  const endpoints: DemoEndpoints = { opcua: { port: opcua! }, modbus: { port: modbus! }, broker: { port: broker! }, erp };
  const secrets: DemoSecrets = { hubMqttPassword: secret(), edgeMqttPassword: secret(), meterToken: secret(), unsPublisherPassword: secret(), unsReaderPassword: secret() };
  const secretEnv = Object.fromEntries((Object.keys(DEMO_SECRET_ENV) as Array<keyof DemoSecrets>).map((k) => [DEMO_SECRET_ENV[k], secrets[k]]));
  const { hubPkiDir, serverPkiDir } = await exchangeTrust(o.dataDir, o.logger);
  const hubUrl = `http://${DEMO_HOST}:${apiPort}`;
  // All devices share step 0, so a restarted device continues its series.
  const epochMs = Math.floor(Date.now() / 1000) * 1000;
  const common = { epochMs };
  const devices: DeviceSettings[] = [
    { kind: 'opcua', ...common, seed: o.seed + 1, port: endpoints.opcua.port, pkiDir: serverPkiDir },
    { kind: 'modbus', ...common, seed: o.seed + 2, port: endpoints.modbus.port },
    { kind: 'sparkplug', ...common, seed: o.seed + 100, brokerUrl: `mqtt://${DEMO_HOST}:${endpoints.broker.port}`, username: DEMO_MQTT_USERS.edge, password: secrets.edgeMqttPassword, hostId: SPARKPLUG_HOST_ID },
    { kind: 'meter', ...common, seed: o.seed + 200, hubUrl, token: secrets.meterToken },
  ];
  return { apiPort, hubUrl, endpoints, secrets, secretEnv, devices, hubPkiDir };
}
