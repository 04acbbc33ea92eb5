/**
 * Network loss without a server restart: a TCP relay between hub and server stops passing bytes on
 * its open connections (a silent outage: no reset, no close). The session keep-alive notices, the
 * source reports it, the supervisor reconnects through the relay, and values resume with exactly
 * one monitored item per tag in the new session.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TagConfig } from '../../config/schema.js';
import type { Sample } from '../../core/sample.js';
import { SourceSupervisor } from '../../runtime/supervisor.js';
import { freePort } from '../../test-support/services.js';
import { hubCertificate, memoryLogger, recorder, trustServer, until } from './__fixtures__/harness.js';
import { startTestServer, type TestServer } from './__fixtures__/server.mjs';
import { opcuaSource } from './index.js';

const TAGS = ['Counter', 'Speed', 'Running'].map((n) => ({ id: n.toLowerCase(), nodeId: `ns=1;s=Line1.${n}` })) as unknown as TagConfig[];

/** A TCP relay whose open connections can be frozen: bytes stop, sockets stay open. */
class Relay {
  readonly #server: net.Server;
  #pairs: Array<[net.Socket, net.Socket]> = [];
  readonly #frozen: Array<[net.Socket, net.Socket]> = [];
  constructor(targetPort: number) {
    this.#server = net.createServer((down) => {
      const up = net.connect(targetPort, 'localhost');
      down.pipe(up).pipe(down);
      const close = () => {
        down.destroy();
        up.destroy();
      };
      down.on('error', close).on('close', close);
      up.on('error', close).on('close', close);
      this.#pairs.push([down, up]);
    });
  }
  listen(port: number): Promise<void> {
    return new Promise((resolve) => this.#server.listen(port, resolve));
  }
  /** Stop passing bytes on every open connection; new connections pass. */
  freeze(): void {
    for (const [down, up] of this.#pairs) {
      down.unpipe(up);
      up.unpipe(down);
      down.pause();
      up.pause();
    }
    this.#frozen.push(...this.#pairs);
    this.#pairs = [];
  }
  close(): Promise<void> {
    for (const [a, b] of [...this.#pairs, ...this.#frozen]) {
      a.destroy();
      b.destroy();
    }
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

let root: string;
let server: TestServer;
let relay: Relay;
let supervisor: SourceSupervisor;
const batches: Sample[][] = [];
const counterAfter = (index: number) => batches.slice(index).flat().filter((s) => s.path === 'plc1/counter');
/** Monitored items per session, newest session last. */
const itemsPerSession = () => server.server.engine.getSessions().map((s) => s.publishEngine.subscriptions.reduce((n, sub) => n + sub.monitoredItemCount, 0));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'causeway-opcua-net-'));
  const hubPki = join(root, 'data/pki/opcua');
  server = await startTestServer({ port: await freePort(), pkiDir: join(root, 'server-pki'), trust: [await hubCertificate(hubPki)] });
  await trustServer(hubPki, server.certificate);
  const relayPort = await freePort();
  relay = new Relay(Number(server.url.split(':').at(-1)));
  await relay.listen(relayPort);
  const rec = recorder('plc1', TAGS, join(root, 'data'));
  const ctx = { ...rec.ctx, reportError: (e: unknown) => supervisor.reportError(e) };
  const config = { endpointUrl: `opc.tcp://localhost:${relayPort}`, publishingInterval: 100, keepAliveInterval: 300, requestTimeout: 1000 };
  supervisor = new SourceSupervisor({
    id: 'plc1', kind: 'opcua', zone: 'cell', role: 'source', logger: memoryLogger(rec.logs), source: opcuaSource.create(config, ctx), pollIntervalMs: 1000,
    policy: { initialMs: 200, maxMs: 1000, factor: 2, jitter: 0 },
    onBatch: async (batch) => void batches.push(batch),
  });
});

afterAll(async () => {
  await supervisor?.stop();
  await relay?.close();
  await server?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('OPC UA source across a silent network outage, supervised', () => {
  it('reconnects on its own and re-subscribes once, in a new session', async () => {
    supervisor.start();
    await until(() => counterAfter(0).length >= 2);
    expect(itemsPerSession()).toEqual([TAGS.length]);
    relay.freeze();
    await until(() => supervisor.status().lastError !== undefined);
    expect(supervisor.status().lastError!.code).toBe('CW_SOURCE_CONNECT_FAILED');
    const mark = batches.length;
    await until(() => counterAfter(mark).length >= 3 && supervisor.status().state === 'connected');
    // The old session is cut off, not closed: the server drops it when it times out. The new one
    // holds every tag exactly once.
    expect(itemsPerSession().at(-1)).toBe(TAGS.length);
    expect(new Set(batches.slice(mark).flat().map((s) => s.path))).toEqual(new Set(TAGS.map((t) => `plc1/${t.id}`)));
  });
});
