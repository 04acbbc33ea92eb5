/**
 * The simulated OPC UA server of the packaging lines: fillers and cappers of lines 1 and 2 under
 * Objects/AcmeBeverages/Springfield/Packaging/Line<N>/<Machine>, typed variables (AnalogItems
 * with EURange and engineering units for the measurements), BuildInfo, and one writable
 * SpeedSetpoint per filler that the simulated speed then follows.
 *
 * Security: only Basic256Sha256 with SignAndEncrypt is offered, and unknown client certificates
 * are rejected. The demo launcher put the hub's certificate into this server's trusted folder.
 */
import { mkdir } from 'node:fs/promises';
import type { Logger } from 'pino';
import {
  DataType, makeAccessLevelFlag, makeEUInformation, MessageSecurityMode, OPCUACertificateManager, OPCUAServer,
  SecurityPolicy, standardUnits, StatusCodes, Variant, type EUInformation, type Namespace, type StatusCode, type UAObject, type UAVariable,
} from 'node-opcua';
import type { Quality, Value } from '../../core/sample.js';
import { routeLibraryLog } from '../../sources/opcua/library-log.js';
import { demoOpcuaPoints, OPCUA_ROOT_PATH, pascalCase, type OpcuaPoint } from '../opcua-model.js';
import { deviceTags } from '../plant.js';
import { PlantClock, type PlantStep } from './clock.js';
import type { RunningDevice } from './types.js';

/**
 * BuildInfo as a SIMATIC S7-1500's integrated OPC UA server reports it, with a firmware older than the
 * fix of ICSA-23-348-09 (V3.1.0), so the demo's inventory shows a real finding. The server's
 * application name still says it is simulated.
 */
export const OPCUA_BUILD_INFO = { manufacturerName: 'Siemens AG', productName: 'SIMATIC S7-1500 CPU 1516-3 PN/DP', softwareVersion: 'V2.9.4', buildNumber: '2417' };
export const OPCUA_SERVER_URI = 'urn:causeway-demo:acme-packline-controller';
export const OPCUA_SERVER_NAME = 'Acme PackLine Controller (simulated)';

export interface OpcuaServerOptions {
  port: number;
  /** The server's PKI: own certificate and key, trusted client certificates. */
  pkiDir: string;
  seed: number;
  epochMs: number;
  logger: Logger;
}

const EU: Record<string, () => EUInformation> = {
  degC: () => standardUnits.degree_celsius,
  '%': () => standardUnits.percent,
  ml: () => makeEUInformation('MLT', 'ml', 'millilitre'),
};

const STATUS: Record<Quality, StatusCode> = { good: StatusCodes.Good, uncertain: StatusCodes.UncertainLastUsableValue, bad: StatusCodes.BadSensorFailure };

/** Folders down to each line, and an object per machine; keyed by the machine's browse path. */
function buildMachines(ns: Namespace, objects: UAObject, points: readonly OpcuaPoint[]): Map<string, UAObject> {
  const nodes = new Map<string, UAObject>();
  const ensure = (path: string[], machine: boolean): UAObject => {
    const key = path.join('.');
    let node = nodes.get(key);
    if (node) return node;
    const parent = path.length === 1 ? objects : ensure(path.slice(0, -1), false);
    const options = { browseName: path.at(-1)!, nodeId: `s=${key}` };
    node = machine ? ns.addObject({ ...options, organizedBy: parent }) : ns.addFolder(parent, options);
    nodes.set(key, node);
    return node;
  };
  for (const p of points) ensure(p.browsePath.slice(0, -1), true);
  return nodes;
}

function variant(p: OpcuaPoint, value: Value): Variant {
  return new Variant({ dataType: DataType[p.dataType], value: p.dataType === 'Boolean' ? value === true : Number(value) });
}

/** One variable; the writable setpoint reads and writes through `setpoint`. */
function addVariable(ns: Namespace, machine: UAObject, p: OpcuaPoint, setpoint?: { get(): Value; set(v: number): string | undefined }): UAVariable {
  const access = makeAccessLevelFlag(p.writable ? 'CurrentRead | CurrentWrite' : 'CurrentRead');
  const value = setpoint
    ? { get: () => variant(p, setpoint.get()), set: (v: Variant) => (setpoint.set(Number(v.value)) === undefined ? StatusCodes.Good : StatusCodes.BadOutOfRange) }
    : { dataType: DataType[p.dataType], value: p.dataType === 'Boolean' ? false : 0 };
  const common = {
    componentOf: machine, browseName: p.browsePath.at(-1)!, nodeId: `s=${p.browsePath.join('.')}`,
    ...(p.description ? { description: p.description } : {}),
    accessLevel: access, userAccessLevel: access, minimumSamplingInterval: 100,
  };
  if (!p.range) return ns.addVariable({ ...common, dataType: p.dataType, value });
  const eu = p.unit ? EU[p.unit]?.() : undefined;
  return ns.addAnalogDataItem({
    ...common, dataType: 'Double', value, engineeringUnitsRange: p.range,
    ...(p.writable ? { instrumentRange: p.range } : {}),
    ...(eu ? { engineeringUnits: eu } : {}),
  });
}

/** Start the server; resolves once it listens on 127.0.0.1:port. */
export async function startOpcuaServer(o: OpcuaServerOptions): Promise<RunningDevice> {
  // node-opcua's own warnings (Node version notes, endpoint matching) are noise in a demo; its errors are not.
  routeLibraryLog(o.logger.child({}, { level: 'error' }));
  await mkdir(o.pkiDir, { recursive: true });
  const cm = new OPCUACertificateManager({ rootFolder: o.pkiDir, automaticallyAcceptUnknownCertificate: false, disableFileWatchers: true });
  // X.509 user logins would have their own PKI; the default would live in the home folder.
  const userCm = new OPCUACertificateManager({ rootFolder: `${o.pkiDir}-users`, automaticallyAcceptUnknownCertificate: false, disableFileWatchers: true });
  await cm.initialize();
  await userCm.initialize();
  const server = new OPCUAServer({
    port: o.port, host: '127.0.0.1', alternateHostname: '127.0.0.1',
    serverCertificateManager: cm, userCertificateManager: userCm,
    securityPolicies: [SecurityPolicy.Basic256Sha256], securityModes: [MessageSecurityMode.SignAndEncrypt],
    allowAnonymous: true,
    serverInfo: { applicationUri: OPCUA_SERVER_URI, productUri: 'urn:Siemens.Automation.SIMATIC.S7-1500', applicationName: { text: OPCUA_SERVER_NAME, locale: 'en' } },
    buildInfo: { ...OPCUA_BUILD_INFO, productUri: 'urn:Siemens.Automation.SIMATIC.S7-1500', buildDate: new Date('2026-03-02T00:00:00Z') },
  });
  await server.initialize();
  const clock = populate(server, o);
  await server.start();
  o.logger.info({ port: o.port }, `OPC UA server listening at opc.tcp://127.0.0.1:${o.port} (${OPCUA_ROOT_PATH.join('/')}/Line1..2/Filler|Capper; Basic256Sha256 SignAndEncrypt only).`);
  return {
    endpoint: `opc.tcp://127.0.0.1:${o.port}`,
    async stop() {
      clock.stop();
      await server.shutdown(0);
      await cm.dispose();
      await userCm.dispose();
    },
  };
}

/** Build the address space and start the simulation that updates it every second. */
function populate(server: OPCUAServer, o: OpcuaServerOptions): PlantClock {
  const addressSpace = server.engine.addressSpace!;
  const ns = addressSpace.getOwnNamespace();
  const points = demoOpcuaPoints();
  const machines = buildMachines(ns, addressSpace.rootFolder.objects, points);
  const setpoints = new Map<string, Value>();
  const variables: Array<{ p: OpcuaPoint; v: UAVariable }> = [];
  const clock = new PlantClock(deviceTags('opcua'), { seed: o.seed, epochMs: o.epochMs, onStep: (step) => update(step) });
  for (const p of points) {
    const machine = machines.get(p.browsePath.slice(0, -1).join('.'))!;
    const setpoint = p.writable
      ? {
          get: () => setpoints.get(p.tagId) ?? 0,
          set: (v: number) => {
            if (!(v >= p.range!.low && v <= p.range!.high)) return `outside ${p.range!.low}..${p.range!.high}`;
            const why = clock.write(p.tagId, v);
            if (why === undefined) {
              setpoints.set(p.tagId, v);
              o.logger.info({ tag: p.tagId, value: v }, `${pascalCase(p.machine)} of line ${p.line}: speed setpoint written, now ${v}.`);
            }
            return why;
          },
        }
      : undefined;
    variables.push({ p, v: addVariable(ns, machine, p, setpoint) });
  }
  function update(step: PlantStep): void {
    const at = new Date(step.ts);
    for (const { p, v } of variables) {
      const sv = step.values.get(p.tagId);
      if (!sv) continue;
      if (p.writable) setpoints.set(p.tagId, sv.value);
      else v.setValueFromSource(variant(p, sv.value), STATUS[sv.quality], at);
    }
  }
  clock.start();
  return clock;
}
