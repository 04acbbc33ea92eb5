/**
 * A real node-opcua server for the OPC UA source's integration tests. Imported, it offers
 * startTestServer(); run with `node server.mjs --port N --pki DIR [--trust FILE]...`, it serves in a
 * child process (the restart test kills it), prints `ready <port>`, and answers `count` on stdin
 * with `count <n>`: the monitored items of every session, as the server sees them.
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { clearInterval, setInterval } from 'node:timers';
import { createInterface } from 'node:readline';
import { X509Certificate } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import {
  DataType,
  DataValue,
  MessageSecurityMode,
  OPCUACertificateManager,
  OPCUAServer,
  SecurityPolicy,
  SessionContext,
  StatusCodes,
  VariantArrayType,
  makeAccessLevelFlag,
} from 'node-opcua';

export const BUILD_INFO = { manufacturerName: 'Acme Automation', productName: 'Test PLC Server', softwareVersion: '4.2.1', buildNumber: '1742' };

/** Monitored items over every session and subscription of a server. */
export function monitoredItemCount(server) {
  return server.engine.getSessions().reduce((n, session) => n + session.publishEngine.subscriptions.reduce((m, s) => m + s.monitoredItemCount, 0), 0);
}

/** The monitored items of every subscription, as the server holds them: node, filter, sampling, queue. */
export function monitoredItems(server) {
  const subscriptions = server.engine.getSessions().flatMap((session) => session.publishEngine.subscriptions);
  return subscriptions.flatMap((sub) =>
    Array.from(sub.getMonitoredItems().serverHandles, (handle) => sub.getMonitoredItem(handle)).map((item) => ({
      nodeId: item.node?.nodeId.toString(),
      filter: item.filter,
      samplingInterval: item.samplingInterval,
      queueSize: item.queueSize,
    })),
  );
}

function addLine(namespace, objects) {
  const line = namespace.addFolder(objects, { browseName: 'Line1', nodeId: 's=Line1' });
  const vars = {};
  const add = (name, dataType, value, writable = true) => {
    vars[name] = namespace.addVariable({
      organizedBy: line,
      browseName: name,
      nodeId: `s=Line1.${name}`,
      dataType,
      minimumSamplingInterval: 50,
      accessLevel: makeAccessLevelFlag(writable ? 'CurrentRead | CurrentWrite' : 'CurrentRead'),
      userAccessLevel: makeAccessLevelFlag(writable ? 'CurrentRead | CurrentWrite' : 'CurrentRead'),
      value: { dataType: DataType[dataType], arrayType: VariantArrayType.Scalar, value },
    });
  };
  add('Speed', 'Double', 12.5);
  add('Counter', 'UInt32', 0);
  add('Running', 'Boolean', true);
  add('Name', 'String', 'Filler 1');
  add('Total', 'Int64', [0, 42]);
  add('Sensor', 'Double', 0);
  add('Setpoint', 'Double', 50);
  add('Mode', 'Byte', 1);
  add('Locked', 'Double', 7, false);
  vars.Sensor.setValueFromSource({ dataType: DataType.Double, value: 0 }, StatusCodes.BadSensorFailure);
  vars.Level = namespace.addAnalogDataItem({
    organizedBy: line,
    browseName: 'Level',
    nodeId: 's=Line1.Level',
    dataType: 'Double',
    engineeringUnitsRange: { low: 0, high: 100 },
    minimumSamplingInterval: 50,
    value: { dataType: DataType.Double, value: 40 },
  });
  return vars;
}

function addBigFolder(namespace, objects, size) {
  const big = namespace.addFolder(objects, { browseName: 'Big', nodeId: 's=Big' });
  for (let i = 0; i < size; i++) {
    namespace.addVariable({ organizedBy: big, browseName: `V${i}`, nodeId: `s=Big.V${i}`, dataType: 'Double', minimumSamplingInterval: 1000, value: { dataType: DataType.Double, value: i } });
  }
}

/**
 * Start a server on `port` with its PKI in `pkiDir`. It offers None and SignAndEncrypt/Basic256Sha256,
 * anonymous and user name logins (`users`), and trusts the DER certificates in `trust`.
 */
export async function startTestServer({ port, pkiDir, trust = [], users = { operator: 'secret' }, maxMonitoredItemsPerCall = 0, bigFolderSize = 0, counterMs = 100 }) {
  const serverCertificateManager = new OPCUACertificateManager({ rootFolder: pkiDir, automaticallyAcceptUnknownCertificate: false, disableFileWatchers: true });
  await serverCertificateManager.initialize();
  // User certificates (X.509 logins) have a PKI of their own; the default would live in the home folder.
  const userCertificateManager = new OPCUACertificateManager({ rootFolder: `${pkiDir}-users`, automaticallyAcceptUnknownCertificate: false, disableFileWatchers: true });
  await userCertificateManager.initialize();
  const server = new OPCUAServer({
    port,
    serverCertificateManager,
    userCertificateManager,
    securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256],
    securityModes: [MessageSecurityMode.None, MessageSecurityMode.SignAndEncrypt],
    allowAnonymous: true,
    userManager: { isValidUser: (user, password) => users[user] !== undefined && users[user] === password },
    buildInfo: BUILD_INFO,
    serverCapabilities: { operationLimits: { maxMonitoredItemsPerCall, maxNodesPerBrowse: 100 } },
  });
  await server.initialize();
  for (const der of trust) await serverCertificateManager.trustCertificate(der);
  const addressSpace = server.engine.addressSpace;
  const namespace = addressSpace.getOwnNamespace();
  const vars = addLine(namespace, addressSpace.rootFolder.objects);
  if (bigFolderSize > 0) addBigFolder(namespace, addressSpace.rootFolder.objects, bigFolderSize);
  let counter = 0;
  const timer = setInterval(() => vars.Counter.setValueFromSource({ dataType: DataType.UInt32, value: ++counter }), counterMs);
  await server.start();
  return {
    server,
    url: `opc.tcp://localhost:${port}`,
    certificate: server.getCertificate(),
    /** Set a variable of Line1, with an optional status code and source timestamp. */
    set(name, dataType, value, status = StatusCodes.Good, sourceTimestamp = new Date()) {
      vars[name].setValueFromSource({ dataType: DataType[dataType], arrayType: VariantArrayType.Scalar, value }, status, sourceTimestamp);
    },
    /** Write a variable of Line1 as a device would, with its own source timestamp; the server stamps its own time. */
    async stamp(name, dataType, value, sourceTimestamp) {
      await vars[name].writeValue(SessionContext.defaultContext, new DataValue({ value: { dataType: DataType[dataType], value }, sourceTimestamp }));
    },
    /** Read a variable of Line1 as the server holds it. */
    get(name) {
      return vars[name].readValue().value.value;
    },
    /** Trust a client application certificate (DER). */
    trust: (der) => serverCertificateManager.trustCertificate(der),
    /** Trust a user certificate (DER) for X.509 logins. */
    trustUser: (der) => userCertificateManager.trustCertificate(der),
    monitoredItemCount: () => monitoredItemCount(server),
    monitoredItems: () => monitoredItems(server),
    async stop() {
      clearInterval(timer);
      await server.shutdown(0);
      await serverCertificateManager.dispose();
      await userCertificateManager.dispose();
    },
  };
}

/** `--name value` pairs of the command line; repeated names collect into arrays. */
function parseArgs(argv) {
  const out = { trust: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (key === 'trust') out.trust.push(argv[i + 1]);
    else out[key] = argv[i + 1];
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const trust = args.trust.map((file) => new X509Certificate(readFileSync(file)).raw);
  const served = await startTestServer({ port: Number(args.port), pkiDir: args.pki, trust, maxMonitoredItemsPerCall: Number(args.perCall ?? 0) });
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() === 'count') process.stdout.write(`count ${served.monitoredItemCount()}\n`);
  });
  process.on('SIGTERM', () => served.stop().then(() => process.exit(0)));
  process.stdout.write(`ready ${args.port}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
