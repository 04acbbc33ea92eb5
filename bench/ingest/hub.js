/**
 * Causeway under test: the compiled CLI from dist/ as a child process,
 * `node bin/causeway.js start -c <generated config> -d <data dir> -p <free port>`, its admin from
 * CAUSEWAY_ADMIN_PASSWORD (signed in for /metrics), stopped with SIGTERM (sources stop, the
 * historian flushes). Afterwards its DuckDB historian is read back, read-only, by sequence number.
 */
/* global fetch */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { freePort, startProcess, stopProcess, until } from './procs.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'bin/causeway.js');
const ADMIN_PASSWORD = 'bench-ingest-passphrase-0123456789';
export const PUSH_TOKEN = 'bench-ingest-push-token-0123456789';
export const TAGS = 100;
export const tagName = (i) => `t${String(i).padStart(3, '0')}`;

/** Devices in `cell` (level 1), the hub in `ops`, the UNS sink in `it`. */
function base() {
  return {
    site: { enterprise: 'Bench', name: 'Ingest', hubZone: 'ops' },
    zones: [{ id: 'cell', level: 1 }, { id: 'ops', level: 3 }, { id: 'it', level: 4 }],
    conduits: [{ from: 'cell', to: 'ops', allow: ['telemetry'] }, { from: 'cell', to: 'it', allow: ['telemetry'] }, { from: 'ops', to: 'it', allow: ['telemetry'] }],
  };
}

/**
 * The UNS sink's QoS for a run at `qos`: 0 when this build's sink accepts it, else 1 (the sink
 * offered only 1 and 2 when the benchmark was written). Decided by the sink's own config check.
 */
export async function sinkQos(qos) {
  if (qos !== 0) return qos;
  const [{ MqttSinkConfigSchema }, { checkConfig }] = await Promise.all([import('../../dist/sinks/mqtt/schema.js'), import('../../dist/sinks/shared/config.js')]);
  try {
    checkConfig(MqttSinkConfigSchema, { url: 'mqtt://127.0.0.1:1', qos: 0 }, 'probe');
    return 0;
  } catch {
    return 1;
  }
}

/** MQTT JSON in (`in/+t` → tag t, value = seq, the payload's timestamp), DuckDB, UNS out at `out/<path>`. */
export function mqttHubConfig(url, qos, unsQos) {
  return {
    ...base(),
    sources: [{
      id: 'bench', kind: 'mqtt', zone: 'cell',
      // A clean session: every run starts a fresh hub, and a session left on the broker would collect the next runs' messages.
      config: { url, clientId: `causeway-bench-${process.pid}-${Date.now()}`, clean: true, qos, subscriptions: [{ topic: 'in/+t', tag: '{t}', value: '/value', timestamp: '/timestamp' }] },
    }],
    // retain false, as Node-RED's mqtt out publishes here: the broker's cost of retaining is left out of both.
    sinks: [{ id: 'uns', kind: 'mqtt', zone: 'it', config: { url, prefix: 'out', qos: unsQos, retain: false } }],
  };
}

/** A Sparkplug B host on the private broker, group `bench`; historian only. */
export function sparkplugHubConfig(url) {
  return { ...base(), sources: [{ id: 'spb', kind: 'sparkplug', zone: 'cell', config: { url, hostId: 'bench-host', clientId: `causeway-bench-spb-${process.pid}-${Date.now()}`, groups: ['bench'] } }] };
}

/** An HTTP push source with tags t000…t099 and no practical request-rate limit; historian only. */
export function httpHubConfig() {
  return {
    ...base(),
    sources: [{
      id: 'push', kind: 'http-push', zone: 'cell',
      config: { token: PUSH_TOKEN, requestsPerSecond: 1_000_000, burst: 1_000_000, maxSamples: 10_000, maxBodyBytes: 4 * 1024 * 1024 },
      tags: Array.from({ length: TAGS }, (_, i) => ({ id: tagName(i) })),
    }],
  };
}

/** Wait until the hub's API answers, sign in as the admin; the session cookie. */
async function signedIn(proc, url) {
  const startMs = Number(process.env.BENCH_START_SECONDS ?? 60) * 1000;
  const up = await until(async () => !proc.alive() || (await fetch(`${url}/api/v1/health`)).status > 0, startMs, 100);
  if (!proc.alive()) throw new Error(`the hub exited (${await proc.exited}) instead of starting:\n${proc.tail(30)}`);
  if (!up) throw new Error(`the hub did not answer on ${url} within ${startMs / 1000} s (BENCH_START_SECONDS):\n${proc.tail(30)}`);
  const login = await fetch(`${url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  if (login.status !== 200) throw new Error(`signing in to the hub failed: ${login.status} ${await login.text()}`);
  return (login.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Start a hub with `config` in `dir`; resolves once its API answers and the admin is signed in. */
export async function startHub(dir, config) {
  if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) throw new Error('the compiled hub is missing: run `npm run build:hub` (npm run bench:ingest does)');
  mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, 'hub.yaml');
  const dataDir = path.join(dir, 'data');
  writeFileSync(configFile, JSON.stringify(config, null, 2)); // JSON is YAML
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // BENCH_HUB_NODE_ARGS: node flags for the hub only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_HUB_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = startProcess(process.execPath, [...nodeArgs, CLI, 'start', '-c', configFile, '-d', dataDir, '-p', String(port), '--log-level', 'warn'], {
    cwd: dir,
    env: { ...process.env, CAUSEWAY_ADMIN_PASSWORD: ADMIN_PASSWORD },
    logFile: path.join(dir, 'hub.log'),
  });
  let cookie;
  try {
    cookie = await signedIn(proc, url);
  } catch (e) {
    await stopProcess(proc, 'SIGKILL', 5000);
    throw e;
  }
  const get = async (p) => {
    const res = await fetch(`${url}${p}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
    return res;
  };
  return {
    pid: proc.pid,
    url,
    dataDir,
    tail: (n) => proc.tail(n),
    /** The state of source `id` in /api/v1/sources. */
    sourceState: async (id) => (await (await get('/api/v1/sources')).json()).sources.find((s) => s.id === id)?.state,
    /** GET an API path as the admin, parsed JSON. */
    getJson: async (p) => (await get(p)).json(),
    /** Prometheus metrics as { 'name{labels}': value }. */
    metrics: async () => parseMetrics(await (await get('/metrics')).text()),
    /** SIGTERM and wait (sources stop, the historian flushes); the exit code. */
    stop: () => stopProcess(proc, 'SIGTERM', 120_000),
  };
}

function parseMetrics(text) {
  const out = {};
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out[line.slice(0, i)] = Number(line.slice(i + 1));
  }
  return out;
}

/** The sum of every series of metric `name` (all label sets). */
export function metricSum(metrics, name) {
  let sum = 0;
  for (const [k, v] of Object.entries(metrics)) if (k === name || k.startsWith(`${name}{`)) sum += v;
  return sum;
}

/**
 * Wait until the hub holds everything it took in: samples received stop growing and the ingest
 * spool is empty (every consumer caught up), at most `ms`. Whether it caught up.
 */
export async function waitCaughtUp(hub, ms) {
  let lastReceived = -1;
  return until(async () => {
    const m = await hub.metrics();
    const received = metricSum(m, 'causeway_samples_received_total');
    const steady = received === lastReceived;
    lastReceived = received;
    return steady && metricSum(m, 'causeway_spool_samples') === 0;
  }, ms, 500);
}

/** Samples the hub holds in its ingest spool and not yet in every consumer: durable, but not in the historian yet. */
export async function spooled(hub) {
  return metricSum(await hub.metrics(), 'causeway_spool_samples');
}

/**
 * Count what the stopped hub's DuckDB historian holds for `paths` (tag index = position) with ts in
 * [from, to): every row, so duplicates show. Values must be sequence numbers.
 */
export async function readStored(dataDir, paths, from, to, tally) {
  const { createHistorian } = await import('../../dist/historian/create.js');
  const h = createHistorian(undefined, dataDir, pino({ level: 'silent' }), { readOnly: true });
  await h.open();
  try {
    const index = new Map(paths.map((p, i) => [p, i]));
    const windowMs = 1000; // bounds the rows held in memory at once
    for (let t = from; t < to; t += windowMs) {
      const rows = await h.queryRaw({ paths, from: t, to: Math.min(to, t + windowMs) });
      // Bad rows are not data the device sent: e.g. a Sparkplug node's death repeats every last value as bad.
      for (const r of rows) if (r.quality !== 'bad' && typeof r.value === 'number' && Number.isInteger(r.value)) tally.add(index.get(r.path), r.value);
    }
  } finally {
    await h.close();
  }
}
