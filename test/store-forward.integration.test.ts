/**
 * Store and forward end to end: a hub whose webhook receiver is down keeps every sample for it on
 * disk, across a stop and a start, and delivers them in order once the receiver answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { freePort } from '../src/test-support/services.js';

const PATH = 'acme/springfield/packaging/line1/filler/good_count';

function config(port: number): string {
  return `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones:
  - { id: line1-ot, level: 1 }
  - { id: site-ops, level: 3 }
  - { id: mes, level: 3 }
conduits:
  - { from: line1-ot, to: site-ops, allow: [telemetry] }
  - { from: line1-ot, to: mes, allow: [telemetry] }
  - { from: site-ops, to: mes, allow: [telemetry] }
sources:
  - id: plc1
    kind: simulator
    zone: line1-ot
    pollInterval: 50ms
    config: { seed: 3, period: 50ms }
    tags:
      - { id: count, signal: { kind: counter, ratePerSecond: 20, rolloverAt: 1000000 } }
templates:
  - id: Filler
    attributes: [{ name: good_count, type: number }]
assets:
  - { path: acme/springfield/packaging/line1/filler, template: Filler, bindings: { good_count: plc1/count } }
sinks:
  - id: mes
    kind: webhook
    zone: mes
    paths: [${PATH}]
    config: { url: "http://127.0.0.1:${port}/samples", secret: "store-and-forward-test-secret", timeout: 1s }
historian: { flushInterval: 200ms }
api: { port: 0 }
`;
}

describe('a sink that is down', () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-forward-'));
  let server: Server | undefined;
  afterAll(async () => {
    await new Promise((r) => server?.close(r) ?? r(undefined));
    rmSync(dir, { recursive: true, force: true });
  });

  async function startHub(port: number): Promise<Hub> {
    const { config: checked, problems } = loadCheckedText(config(port), 'forward.yaml');
    expect(problems).toEqual([]);
    const hub = await Hub.create({ config: checked!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: 'store-forward-pw-4711' }, announce: () => undefined });
    await hub.start();
    return hub;
  }
  const buffered = (hub: Hub) => hub.services.sinks().find((c) => c.id === 'mes')?.buffered ?? 0;

  it('keeps its samples on disk across a restart and delivers them in order when it is back', async () => {
    const port = await freePort();
    const first = await startHub(port);
    for (let i = 0; i < 200 && buffered(first) < 20; i++) await new Promise((r) => setTimeout(r, 50));
    expect(buffered(first)).toBeGreaterThanOrEqual(20);
    const stoppedAt = Date.now();
    await first.stop();

    const received: Array<{ path: string; value: number; timestamp: number }> = [];
    server = createServer((req, res) => {
      // The sink's connect() checks with a HEAD request that the receiver answers.
      if (req.method === 'HEAD') return void res.writeHead(204).end();
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(...(JSON.parse(body) as { samples: typeof received }).samples);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));

    const second = await startHub(port);
    try {
      for (let i = 0; i < 200 && !received.some((s) => s.timestamp > stoppedAt); i++) await new Promise((r) => setTimeout(r, 50));
      const fromFirstRun = received.filter((s) => s.timestamp <= stoppedAt);
      // Everything the first run collected arrives: every counter value, none twice, in order.
      expect(fromFirstRun.length).toBeGreaterThanOrEqual(20);
      const counts = fromFirstRun.map((s) => s.value);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      expect(new Set(counts).size).toBe(counts.length);
      const history = await second.historian.queryRaw({ paths: [PATH], from: 0, to: stoppedAt + 1 });
      expect(counts).toEqual(history.map((s) => s.value));
      expect(received.every((s) => s.path === PATH)).toBe(true);
      for (let i = 0; i < 100 && buffered(second) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await second.stop();
    }
  });
});
