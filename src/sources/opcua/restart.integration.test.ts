/**
 * The server process dies (SIGKILL) and comes back on the same port: the runtime's supervisor
 * reconnects the source with its default backoff, which stays short (at most 2 s between attempts)
 * because the server had been seen, values resume with no manual step, and the server holds
 * exactly one monitored item per tag afterwards (no duplicates from an inner reconnection).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TagConfig } from '../../config/schema.js';
import type { Sample } from '../../core/sample.js';
import { SourceSupervisor } from '../../runtime/supervisor.js';
import { freePort } from '../../test-support/services.js';
import { hubCertificate, memoryLogger, recorder, trustServer, until } from './__fixtures__/harness.js';
import { opcuaSource } from './index.js';
import { certificateInfo } from './pki.js';

const FIXTURE = fileURLToPath(new URL('./__fixtures__/server.mjs', import.meta.url));
const TAGS = ['Counter', 'Speed', 'Running', 'Name', 'Setpoint'].map((n) => ({ id: n.toLowerCase(), nodeId: `ns=1;s=Line1.${n}` })) as unknown as TagConfig[];

/** A node-opcua server in a child process, and its stdout lines. */
class ServerProcess {
  readonly lines: string[] = [];
  readonly child: ChildProcessWithoutNullStreams;
  constructor(args: string[]) {
    this.child = spawn(process.execPath, [FIXTURE, ...args], { stdio: 'pipe' });
    let rest = '';
    this.child.stdout.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop()!;
      this.lines.push(...parts);
    });
  }
  async ready(): Promise<void> {
    await until(() => this.lines.some((l) => l.startsWith('ready ')) || this.child.exitCode !== null);
    if (this.child.exitCode !== null) throw new Error(`the test server exited with ${this.child.exitCode}`);
  }
  /** Monitored items on the server, asked over stdin. */
  async count(): Promise<number> {
    const before = this.lines.length;
    this.child.stdin.write('count\n');
    await until(() => this.lines.slice(before).some((l) => l.startsWith('count ')));
    return Number(this.lines.slice(before).find((l) => l.startsWith('count '))!.split(' ')[1]);
  }
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGKILL');
    await exited;
  }
}

let root: string;
let serverArgs: string[];
let server: ServerProcess;
let supervisor: SourceSupervisor;
const batches: Sample[][] = [];
const counterAfter = (index: number) => batches.slice(index).flat().filter((s) => s.path === 'plc1/counter');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'causeway-opcua-restart-'));
  const hubPki = join(root, 'data/pki/opcua');
  const hubCert = join(root, 'hub.der');
  await writeFile(hubCert, await hubCertificate(hubPki));
  serverArgs = ['--port', String(await freePort()), '--pki', join(root, 'server-pki'), '--trust', hubCert, '--perCall', '2'];
  server = new ServerProcess(serverArgs);
  await server.ready();
  const serverCerts = join(root, 'server-pki/own/certs');
  const pem = (await readdir(serverCerts)).find((f) => f.endsWith('.pem'))!;
  await trustServer(hubPki, certificateInfo(await readFile(join(serverCerts, pem))).der);

  const rec = recorder('plc1', TAGS, join(root, 'data'));
  const ctx = { ...rec.ctx, reportError: (e: unknown) => supervisor.reportError(e) };
  const source = opcuaSource.create({ endpointUrl: `opc.tcp://localhost:${serverArgs[1]}`, publishingInterval: 100, maxItemsPerSubscription: 3 }, ctx);
  supervisor = new SourceSupervisor({
    id: 'plc1', kind: 'opcua', zone: 'cell', role: 'source', logger: memoryLogger(rec.logs), source, pollIntervalMs: 1000,
    onBatch: async (batch) => void batches.push(batch),
  });
});

afterAll(async () => {
  await supervisor?.stop();
  await server?.kill();
  await rm(root, { recursive: true, force: true });
});

describe('OPC UA source across a server restart, supervised', () => {
  it('reads values with one monitored item per tag', async () => {
    supervisor.start();
    await until(() => counterAfter(0).length >= 2);
    expect(supervisor.status().state).toBe('connected');
    expect(await server.count()).toBe(TAGS.length);
  });

  it('notices the killed server and retries at most 2 s apart, since it had been connected', async () => {
    await server.kill();
    await until(() => supervisor.status().state !== 'connected');
    await until(() => supervisor.status().lastError !== undefined);
    expect(supervisor.status().lastError!.code).toBe('CW_SOURCE_CONNECT_FAILED');
    // Four failed attempts: a full exponential backoff would wait 8 s before the fifth.
    const planned = new Map<number, number>();
    await until(() => {
      const st = supervisor.status();
      if (st.state === 'backoff' && st.nextRetryAt !== undefined) planned.set(st.attempts, st.nextRetryAt - st.lastError!.at);
      return st.attempts >= 4 && planned.has(4);
    });
    expect([...planned.values()].every((ms) => ms <= 2000)).toBe(true);
  });

  it('resumes on its own once the server is back, without duplicated monitored items', async () => {
    const mark = batches.length;
    server = new ServerProcess(serverArgs);
    await server.ready();
    await until(() => counterAfter(mark).length >= 3);
    expect(supervisor.status()).toMatchObject({ state: 'connected', attempts: 0 });
    expect(await server.count()).toBe(TAGS.length);
    const seen = new Set(batches.slice(mark).flat().map((s) => s.path));
    expect([...seen].sort()).toEqual(TAGS.map((t) => `plc1/${t.id}`).sort());
  });
});
