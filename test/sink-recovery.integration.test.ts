/**
 * A webhook receiver (node:http on a free port) that goes down and comes back on the same port:
 * the sink shows backoff and health degraded while it is gone, retries at short intervals because
 * the receiver was seen, connects again, drains its backlog without a gap, and health returns to
 * ok by itself. Then the reconnect-now action: refused for a viewer and outside the caller's zone,
 * audited for an operator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { apiToken, authedFetch } from '../src/test-support/auth.js';
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
sources:
  - id: plc1
    kind: simulator
    zone: line1-ot
    pollInterval: 50ms
    config: { seed: 5, period: 50ms }
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
    config: { url: "http://127.0.0.1:${port}/samples", secret: "sink-recovery-test-secret", timeout: 1s }
historian: { flushInterval: 200ms }
api: { port: 0 }
`;
}

interface SinkView { state: string; since: number; backlog: number; lastError?: { code: string; at: number; hint: string }; nextRetryAt?: number; attempts: number }
interface Health { status: string; problems: Array<{ component: string; problem: string }>; sinks: { total: number; connected: number; backlog: number } }

/** A receiver that records every sample it is sent and can be stopped and started on its port. */
function receiver(port: number) {
  const values: number[] = [];
  let server: Server | undefined;
  return {
    values,
    async start() {
      server = createServer((req, res) => {
        if (req.method === 'HEAD') return void res.writeHead(204).end();
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          values.push(...(JSON.parse(body) as { samples: Array<{ value: number }> }).samples.map((s) => s.value));
          res.writeHead(200).end();
        });
      });
      await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));
    },
    async stop() {
      server?.closeAllConnections();
      await new Promise((r) => server?.close(r) ?? r(undefined));
      server = undefined;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a webhook sink whose receiver goes away and comes back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-sink-recovery-'));
  let hub: Hub;
  let url: string;
  let admin: typeof fetch;
  let rx: ReturnType<typeof receiver>;

  beforeAll(async () => {
    const port = await freePort();
    rx = receiver(port);
    await rx.start();
    const { config: checked, problems } = loadCheckedText(config(port), 'recovery.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: checked!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: 'sink-recovery-pw-4711' }, announce: () => undefined });
    url = await hub.start();
    admin = authedFetch(await apiToken(hub, 'admin'));
  });
  afterAll(async () => {
    await hub?.stop();
    await rx?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const sink = async (): Promise<SinkView> => (await admin(`${url}/api/v1/sinks/mes`)).json() as Promise<SinkView>;
  const health = async (): Promise<Health> => (await fetch(`${url}/api/v1/health`)).json() as Promise<Health>;
  async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, seen?: T[]): Promise<T> {
    for (let i = 0; i < 300; i++) {
      const v = await what();
      seen?.push(v);
      if (ok(v)) return v;
      await sleep(50);
    }
    throw new Error('condition not met within 15 s');
  }

  it('goes backoff and degraded while the receiver is down, and drains its backlog without a gap once it is back', async () => {
    await until(() => Promise.resolve(rx.values.length), (n) => n >= 5);
    expect((await sink()).state).toBe('connected');
    expect((await admin(`${url}/api/v1/sinks`)).status).toBe(200);
    await until(health, (h) => h.status === 'ok');

    await rx.stop();
    const seen: SinkView[] = [];
    const down = await until(sink, (s) => s.state === 'backoff' && s.backlog > 0, seen);
    expect(down.lastError?.code).toMatch(/^CW_SINK_(SEND|CONNECT)_FAILED$/);
    const h = await until(health, (x) => x.status === 'degraded');
    expect(h.problems).toEqual([{ component: 'sink:mes', problem: expect.stringContaining('not connected') }]);
    expect(h.sinks).toMatchObject({ total: 1, connected: 0 });
    expect(JSON.stringify(h)).not.toContain('127.0.0.1');
    // Stay down a while: the sink keeps retrying, each time soon, because it had been connected.
    await until(sink, (s) => s.attempts >= 3, seen);
    const lastBeforeUp = rx.values.at(-1)!;

    await rx.start();
    const up = await until(sink, (s) => s.state === 'connected' && s.backlog === 0, seen);
    expect(up.backlog).toBe(0);
    await until(health, (x) => x.status === 'ok');

    // The order of what the API showed: connected, then backoff (possibly connecting between), then connected.
    const states = seen.map((s) => s.state).filter((s, i, all) => s !== all[i - 1]);
    expect(states.join(',')).toMatch(/^(connected,)?backoff(,connecting,backoff)*(,connecting)?,connected$/);
    // Every retry while down was planned at most 2 s after the failure it followed.
    const planned = seen.filter((s) => s.state === 'backoff' && s.nextRetryAt !== undefined && s.lastError);
    expect(planned.length).toBeGreaterThan(0);
    for (const s of planned) expect(s.nextRetryAt! - s.lastError!.at).toBeLessThanOrEqual(2000);
    // Everything produced while it was down arrived after it came back: no counter value is missing.
    await until(() => Promise.resolve(rx.values.at(-1)!), (v) => v > lastBeforeUp + 10);
    const after = rx.values.filter((v) => v > lastBeforeUp - 5);
    const sorted = [...new Set(after)].sort((a, b) => a - b);
    expect(sorted.at(-1)! - sorted[0]! + 1).toBe(sorted.length);
  });

  describe('reconnect now', () => {
    let viewer: typeof fetch;
    let operator: typeof fetch;
    let lineOperator: typeof fetch;
    beforeAll(async () => {
      viewer = authedFetch(await apiToken(hub, 'viewer', 'viewer'));
      operator = authedFetch(await apiToken(hub, 'operator', 'operator'));
      // Reads everywhere, writes only on line 1: sees the sink in zone mes but may not reconnect it.
      lineOperator = authedFetch(await apiToken(hub, [{ role: 'viewer' }, { role: 'operator', zones: ['line1-ot'] }], 'line-op'));
    });
    const post = (f: typeof fetch, path: string) => f(`${url}/api/v1/${path}/reconnect`, { method: 'POST' });
    const audit = (action: string) => hub.security.audit.query({ action, limit: 100 }).map((r) => ({ actor: r.actor, target: r.target, outcome: r.outcome }));

    it('is refused for a viewer (403) and for an operator outside the connection\'s zone, and the refusal is audited', async () => {
      const r = await post(viewer, 'sinks/mes');
      expect(r.status).toBe(403);
      expect(((await r.json()) as { code: string }).code).toBe('CW_AUTH_FORBIDDEN');
      expect((await post(viewer, 'sources/plc1')).status).toBe(403);
      const z = await post(lineOperator, 'sinks/mes');
      expect(z.status).toBe(403);
      expect(((await z.json()) as { title: string }).title).toContain('reconnect sink mes in zone mes');
      expect(audit('access.denied').filter((d) => d.target?.includes('reconnect'))).toHaveLength(3);
      expect(audit('sink.reconnect')).toEqual([]);
    });

    it('reconnects a source and a sink for an operator, recorded in the audit log', async () => {
      const before = (await sink()).since;
      const r = await post(operator, 'sinks/mes');
      expect(r.status).toBe(202);
      expect(((await r.json()) as { id: string }).id).toBe('mes');
      // The link was reopened: connected again, since a later time.
      await until(sink, (s) => s.state === 'connected' && s.since > before);
      expect((await post(lineOperator, 'sources/plc1')).status).toBe(202);
      expect(audit('sink.reconnect')).toEqual([{ actor: expect.stringContaining('@operator-'), target: 'mes', outcome: 'success' }]);
      expect(audit('source.reconnect')).toEqual([{ actor: expect.stringContaining('@line-op-'), target: 'plc1', outcome: 'success' }]);
      expect((await post(operator, 'sinks/nope')).status).toBe(404);
    });
  });
});
