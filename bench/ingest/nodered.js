/**
 * Node-RED as the peer: installed on demand into a scratch folder outside the project (never a
 * project dependency), run headless with a generated settings.js and flows.json:
 * mqtt in (`in/#`) → function (JSON.parse, topic in/… → out/…) → mqtt out, at the run's QoS, on
 * the private broker.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startProcess, stopProcess, withTimeout } from './procs.js';

export const NODE_RED_DIR = process.env.BENCH_NODE_RED_DIR ?? path.join(os.tmpdir(), 'causeway-bench-nodered');
const RED = path.join(NODE_RED_DIR, 'node_modules/node-red/red.js');

/** Install node-red@4 into the scratch folder unless it is there; its version. */
export function ensureNodeRed(say) {
  if (!existsSync(RED)) {
    say(`Installing node-red@4 into ${NODE_RED_DIR} (once; not a project dependency)…`);
    mkdirSync(NODE_RED_DIR, { recursive: true });
    execFileSync('npm', ['install', '--prefix', NODE_RED_DIR, '--no-audit', '--no-fund', '--loglevel=error', 'node-red@4'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return JSON.parse(readFileSync(path.join(NODE_RED_DIR, 'node_modules/node-red/package.json'), 'utf8')).version;
}

function flows(brokerPort, qos) {
  return [
    { id: 'bench-tab', type: 'tab', label: 'bench' },
    { id: 'bench-broker', type: 'mqtt-broker', name: 'private', broker: '127.0.0.1', port: String(brokerPort), clientid: '', autoConnect: true, usetls: false, protocolVersion: '4', keepalive: '60', cleansession: true, birthTopic: '', closeTopic: '', willTopic: '' },
    { id: 'bench-in', type: 'mqtt in', z: 'bench-tab', name: 'in', topic: 'in/#', qos: String(qos), datatype: 'utf8', broker: 'bench-broker', nl: false, rap: false, inputs: 0, x: 100, y: 100, wires: [['bench-fn']] },
    {
      id: 'bench-fn', type: 'function', z: 'bench-tab', name: 'parse', outputs: 1, x: 300, y: 100, wires: [['bench-out']],
      func: "msg.payload = JSON.parse(msg.payload);\nmsg.topic = 'out/' + msg.topic.slice(3);\nreturn msg;",
    },
    { id: 'bench-out', type: 'mqtt out', z: 'bench-tab', name: 'out', topic: '', qos: String(qos), retain: 'false', broker: 'bench-broker', x: 500, y: 100, wires: [] },
  ];
}

const SETTINGS = `module.exports = {
  flowFile: 'flows.json',
  credentialSecret: false,
  uiHost: '127.0.0.1',
  httpAdminRoot: false,
  logging: { console: { level: 'info', metrics: false, audit: false } },
  editorTheme: { projects: { enabled: false } },
  diagnostics: { enabled: false },
  telemetry: { enabled: false },
};
`;

/** Start Node-RED in `userDir` against the broker; resolves once its flows started and its MQTT node connected. */
export async function startNodeRed(userDir, brokerPort, qos) {
  mkdirSync(userDir, { recursive: true });
  writeFileSync(path.join(userDir, 'settings.js'), SETTINGS);
  writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flows(brokerPort, qos), null, 2));
  const port = await freePort();
  const proc = startProcess(process.execPath, [RED, '-u', userDir, '-p', String(port), '-s', path.join(userDir, 'settings.js')], { cwd: userDir, logFile: path.join(userDir, 'node-red.log') });
  const ready = Promise.all([proc.waitForLine(/Started flows/), proc.waitForLine(/Connected to broker/)]);
  const died = proc.exited.then((code) => {
    throw new Error(`Node-RED exited (${code}) while starting:\n${proc.tail()}`);
  });
  died.catch(() => undefined); // it matters only while starting
  try {
    await withTimeout(Promise.race([ready, died]), 60_000, () => `Node-RED did not start its flows within 60 s:\n${proc.tail()}`);
  } catch (e) {
    await stopProcess(proc, 'SIGKILL', 5000);
    throw e;
  }
  return { pid: proc.pid, stop: () => stopProcess(proc, 'SIGTERM', 15_000), tail: (n) => proc.tail(n) };
}
