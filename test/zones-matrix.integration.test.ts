/**
 * Zones on every route, generated from the API's own OpenAPI document: every operation the hub
 * serves must be in TABLE below, which states for it what each caller gets — anonymous, a viewer
 * limited to zone A, an operator limited to zone A, a site-wide OT engineer and an admin — for a
 * resource in zone A and one in zone B. An operation missing from the table fails the test by
 * name, so a new route cannot forget its zone check. A real in-process hub with two zones, a
 * simulated PLC in each (no peer needed), a production line on each and an ERP confirmation
 * target that never answers (so confirmations stay retryable).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { apiToken } from '../src/test-support/auth.js';
import { asToken, call, type Answer } from '../src/test-support/http.js';
import type { Requester } from '../src/security/index.js';
import WebSocket from 'ws';

const A_LINE = 'acme/springfield/zone-a/line';
const B_LINE = 'acme/springfield/zone-b/line';

const CONFIG = `
site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: zone-a, level: 1 }, { id: zone-b, level: 1 }, { id: ops, level: 3 }]
conduits:
  - { from: zone-a, to: ops, allow: [telemetry] }
  - { from: zone-b, to: ops, allow: [telemetry] }
  # Zone A as the pen test found the demo: orders with no approval beside commands that need it.
  - { from: ops, to: zone-a, allow: [orders] }
  - { from: ops, to: zone-a, allow: [commands], require: { approval: true } }
  - { from: ops, to: zone-b, allow: [commands, orders], require: { approval: true } }
sources:
${['a', 'b'].map((z, i) => `  - id: plc-${z}
    kind: simulator
    zone: zone-${z}
    pollInterval: 100ms
    config: { seed: ${i + 3}, period: 100ms }
    tags:
      - { id: speed_sp, signal: { kind: setpoint, value: 500 } }
      - { id: state, signal: { kind: step, levels: [1], holdSeconds: 3600 } }
      - { id: good, signal: { kind: counter, ratePerSecond: 5 } }
      - { id: reject, signal: { kind: counter, ratePerSecond: 0.1 } }`).join('\n')}
sinks:
${['a', 'b'].map((z) => `  - { id: hook-${z}, kind: webhook, zone: zone-${z}, config: { url: "http://127.0.0.1:1/hook", secret: "a-secret-of-the-hook-${z}" } }`).join('\n')}
templates:
  - id: Filler
    attributes:
      - { name: speed_sp, type: number, min: 0, max: 900, writable: true, alarms: { hi: 100000 } }
      - { name: state, type: number }
      - { name: good, type: counter }
      - { name: reject, type: counter }
assets:
  - { path: ${A_LINE} }
  - { path: ${B_LINE} }
  - { path: ${A_LINE}/filler, template: Filler, bindings: { speed_sp: plc-a/speed_sp, state: plc-a/state, good: plc-a/good, reject: plc-a/reject } }
  - { path: ${B_LINE}/filler, template: Filler, bindings: { speed_sp: plc-b/speed_sp, state: plc-b/state, good: plc-b/good, reject: plc-b/reject } }
production:
  products: [{ id: P1, idealRate: 300, speed: 550 }]
  reasons: [{ code: 7, label: Jam, loss: breakdown }]
  lines:
${['a', 'b'].map((z) => `    - id: line-${z}
      path: ${z === 'a' ? A_LINE : B_LINE}
      state: { attribute: filler/state, map: { "1": running } }
      good: { attribute: filler/good }
      reject: { attribute: filler/reject }
      dispatch: { speed: filler/speed_sp }`).join('\n')}
  confirmations: { targets: [{ id: erp, kind: webhook, url: "http://127.0.0.1:1/confirm", secret: "a-secret-of-the-erp-hook" }] }
historian: { flushInterval: 200ms }
security:
  writes: { perMinute: 600, requestsPerMinute: 120, verifyTimeout: 3s }
`;

type Who = 'anonymous' | 'viewerA' | 'operatorA' | 'engineer' | 'admin';
type Zone = 'a' | 'b';
const WHO: readonly Who[] = ['anonymous', 'viewerA', 'operatorA', 'engineer', 'admin'];

/** A request for a resource in a zone: path (with query) and body. */
interface Req { path: string; body?: unknown }

interface Ctx {
  hub: Hub;
  /** A fresh released work order on the zone's line. */
  order(z: Zone): string;
  /** A fresh released work order on a line with nothing running or waiting. */
  freeOrder(z: Zone): Promise<string>;
  /** A fresh running work order on the zone's line. */
  running(z: Zone): Promise<string>;
  /** A fresh confirmation waiting at the ERP target. */
  confirmation(z: Zone): Promise<string>;
  /** A fresh write request waiting for approval, by a separate requester. */
  pendingWrite(z: Zone): Promise<string>;
}

/**
 * What a caller gets: a status, or for a list (and a filtered answer) 200 with the zone's resource
 * listed or left out.
 */
type Cell = number | 'listed' | 'unlisted';

/**
 * A zone-owned operation: how to call it for a resource in each zone, and what each caller gets as
 * [zone A, zone B]. `listed` says whether an answer holds the zone's resource; `live` sends the
 * request as the live WebSocket's subscription.
 */
interface Zoned { kind: 'zoned'; req(z: Zone, ctx: Ctx): Req | Promise<Req>; expect: Record<Who, readonly [Cell, Cell]>; listed?: (body: any, z: Zone) => boolean; live?: true }  
/** An operation that owns nothing of a zone (identity, site-wide or personal): why, and what an anonymous caller gets. */
interface Unzoned { kind: 'unzoned'; why: string; req: Req; anonymous: number }

const line = (z: Zone) => `line-${z}`;
const path = (z: Zone) => `${z === 'a' ? A_LINE : B_LINE}/filler`;
const source = (z: Zone) => `plc-${z}`;
const sink = (z: Zone) => `hook-${z}`;
const alarm = (z: Zone) => `${path(z)}/speed_sp/hi`;
const alarmAt = (z: Zone, action: string) => `/api/v1/alarms/${encodeURIComponent(alarm(z))}/${action}`;
/** Put the zone's alarm in or out of service first, so each row starts from a known state. */
const service = (z: Zone, out: boolean) => (out ? hub.alarms!.outOfService(alarm(z), 'test', Date.now(), 'matrix') : hub.alarms!.inService(alarm(z), 'test', Date.now()));

// Columns: [zone A, zone B]. 404: outside the caller's zones, answered as if it did not exist.
const READ = { anonymous: [401, 401], viewerA: [200, 404], operatorA: [200, 404], engineer: [200, 200], admin: [200, 200] } as const;
const CHANGE = { anonymous: [401, 401], viewerA: [403, 403], operatorA: [200, 404], engineer: [200, 200], admin: [200, 200] } as const;
const LIST = { anonymous: [401, 401], viewerA: ['listed', 'unlisted'], operatorA: ['listed', 'unlisted'], engineer: ['listed', 'listed'], admin: ['listed', 'listed'] } as const;
const RECONNECT = { anonymous: [401, 401], viewerA: [403, 403], operatorA: [202, 404], engineer: [202, 202], admin: [202, 202] } as const;
const SITE_READ = { anonymous: [401, 401], viewerA: [403, 403], operatorA: [403, 403], engineer: [200, 200], admin: [200, 200] } as const;
const unzoned = (why: string, req: Req, anonymous = 401): Unzoned => ({ kind: 'unzoned', why, req, anonymous });
const ASSESS = { anonymous: [401, 401], viewerA: [403, 403], operatorA: [403, 403], engineer: [200, 200], admin: [200, 200] } as const;
const ASSESS_LIST = { anonymous: [401, 401], viewerA: [403, 403], operatorA: [403, 403], engineer: ['listed', 'listed'], admin: ['listed', 'listed'] } as const;
const ASSESS_CHANGE = { anonymous: [401, 401], viewerA: [403, 403], operatorA: [403, 403], engineer: [200, 200], admin: [200, 200] } as const;

/** A finding on a CNC in the zone (a real CISA advisory, ICSA-23-348-11), in the given state. */
const findings = new Map<Zone, string>();
async function finding(z: Zone, state?: 'open' | 'mitigated'): Promise<string> {
  const v = hub.services.vulnerabilities!;
  if (findings.size === 0) {
    hub.advisories!.upload(readFileSync(join(import.meta.dirname, '../src/inventory/advisories/__fixtures__/flat/icsa-23-348-11.json')), { actor: 'test' });
    for (const zone of ['a', 'b'] as const) hub.services.assets!.create({ id: `cnc-${zone}`, name: `CNC ${zone}`, zone: `zone-${zone}`, vendor: 'Siemens', product: 'SINUMERIK ONE', version: '6.20' }, 'test');
    v.rematch();
    for (const zone of ['a', 'b'] as const) findings.set(zone, v.store.list({ asset: `cnc-${zone}`, limit: 1 }).items[0]!.id);
  }
  const id = findings.get(z)!;
  const now = v.store.get(id)!.state;
  if (state === 'open' && now !== 'open') v.store.act(id, { action: 'reopen', comment: 'matrix' }, 'test', Date.now());
  if (state === 'mitigated' && now !== 'mitigated') {
    if (now !== 'open') v.store.act(id, { action: 'reopen', comment: 'matrix' }, 'test', Date.now());
    v.store.act(id, { action: 'mitigate', comment: 'matrix' }, 'test', Date.now());
  }
  return id;
}

const TABLE: Record<string, Zoned | Unzoned> = {
  // identity and accounts: the caller's own, or the admin's (site-wide permissions)
  'POST /api/v1/login': unzoned('signs in; no zone', { path: '/api/v1/login', body: {} }, 400),
  'POST /api/v1/logout': unzoned("ends the caller's own session", { path: '/api/v1/logout' }),
  'GET /api/v1/me': unzoned('the caller itself', { path: '/api/v1/me' }),
  'GET /api/v1/session': unzoned("the browser's own session, signed in or not; public by design", { path: '/api/v1/session' }, 200),
  'POST /api/v1/me/password': unzoned("the caller's own password", { path: '/api/v1/me/password', body: {} }),
  'GET /api/v1/oidc/login': unzoned('sign-in through the identity provider (not configured here)', { path: '/api/v1/oidc/login' }, 404),
  'GET /api/v1/oidc/callback': unzoned('sign-in through the identity provider (not configured here)', { path: '/api/v1/oidc/callback' }, 404),
  'GET /api/v1/setup': unzoned('first-run state, public by design', { path: '/api/v1/setup' }, 200),
  'POST /api/v1/setup': unzoned('first-run admin, one-time token', { path: '/api/v1/setup', body: {} }, 400),
  'GET /api/v1/users': unzoned('admin only (site-wide)', { path: '/api/v1/users' }),
  'POST /api/v1/users': unzoned('admin only (site-wide)', { path: '/api/v1/users', body: {} }),
  'GET /api/v1/users/{id}': unzoned('admin only (site-wide)', { path: '/api/v1/users/x' }),
  'PATCH /api/v1/users/{id}': unzoned('admin only (site-wide)', { path: '/api/v1/users/x', body: {} }),
  'DELETE /api/v1/users/{id}': unzoned('admin only (site-wide)', { path: '/api/v1/users/x' }),
  'POST /api/v1/users/{id}/lock': unzoned('admin only (site-wide)', { path: '/api/v1/users/x/lock', body: {} }),
  'POST /api/v1/users/{id}/unlock': unzoned('admin only (site-wide)', { path: '/api/v1/users/x/unlock', body: {} }),
  'GET /api/v1/sessions': unzoned("the caller's own sessions", { path: '/api/v1/sessions' }),
  'DELETE /api/v1/sessions/{id}': unzoned("the caller's own session", { path: '/api/v1/sessions/x' }),
  'GET /api/v1/tokens': unzoned("the caller's own tokens", { path: '/api/v1/tokens' }),
  'POST /api/v1/tokens': unzoned("the caller's own tokens", { path: '/api/v1/tokens', body: {} }),
  'DELETE /api/v1/tokens/{id}': unzoned("the caller's own token", { path: '/api/v1/tokens/x' }),
  'GET /api/v1/audit': unzoned('audit is a site-wide permission', { path: '/api/v1/audit' }),
  'GET /api/v1/audit/verify': unzoned('audit is a site-wide permission', { path: '/api/v1/audit/verify' }),
  'GET /api/v1/health': unzoned('liveness, public by design, no zone detail', { path: '/api/v1/health' }, 200),
  // the plant's shape: zones and conduits for every reader; links only in the caller's zones (tested below)
  // The zone graph for every reader; which links sit in a zone only for those who may read it.
  'GET /api/v1/zones': { kind: 'zoned', req: () => ({ path: '/api/v1/zones' }), expect: LIST, listed: (b, z) => b.links.some((l: { id: string }) => l.id === source(z)) },
  // Things that span zones: a grant with no zone limits only (configure for the certificates).
  'GET /api/v1/pki': { kind: 'zoned', req: () => ({ path: '/api/v1/pki' }), expect: SITE_READ },
  // Security advisories (CSAF): site data for those who may audit or configure; an upload needs configure site-wide.
  'GET /api/v1/advisories': { kind: 'zoned', req: () => ({ path: '/api/v1/advisories' }), expect: SITE_READ },
  'GET /api/v1/advisories/import-status': { kind: 'zoned', req: () => ({ path: '/api/v1/advisories/import-status' }), expect: SITE_READ },
  'GET /api/v1/advisories/{id}': { kind: 'zoned', req: () => ({ path: '/api/v1/advisories/ICSA-00-000-00' }), expect: { ...SITE_READ, engineer: [404, 404], admin: [404, 404] } },
  'POST /api/v1/advisories': { kind: 'zoned', req: () => ({ path: '/api/v1/advisories', body: {} }), expect: { ...SITE_READ, engineer: [400, 400], admin: [400, 400] } },
  'POST /api/v1/pki/{thumbprint}/trust': { kind: 'zoned', req: () => ({ path: `/api/v1/pki/${'0'.repeat(40)}/trust` }), expect: { ...SITE_READ, engineer: [404, 404], admin: [404, 404] } },
  'POST /api/v1/pki/{thumbprint}/reject': { kind: 'zoned', req: () => ({ path: `/api/v1/pki/${'0'.repeat(40)}/reject` }), expect: { ...SITE_READ, engineer: [404, 404], admin: [404, 404] } },
  'GET /api/v1/quarantine': { kind: 'zoned', req: () => ({ path: '/api/v1/quarantine' }), expect: SITE_READ },
  'GET /metrics': { kind: 'zoned', req: () => ({ path: '/metrics' }), expect: SITE_READ },
  'POST /ingest/{source}': unzoned("a device's push, checked by the source's own token", { path: '/ingest/plc-a', body: {} }, 404),

  // sources: each in its zone
  'GET /api/v1/sources': { kind: 'zoned', req: () => ({ path: '/api/v1/sources' }), expect: LIST, listed: (b, z) => b.sources.some((x: { id: string }) => x.id === source(z)) },
  'GET /api/v1/sources/{id}': { kind: 'zoned', req: (z) => ({ path: `/api/v1/sources/${source(z)}` }), expect: READ },
  'GET /api/v1/sources/{id}/device': { kind: 'zoned', req: (z) => ({ path: `/api/v1/sources/${source(z)}/device` }), expect: READ },
  // A simulator has no address space to browse: 400 where the zone lets the caller ask at all.
  // Reconnect needs write in the connection's zone: a viewer has none anywhere (403 at the route).
  'POST /api/v1/sources/{id}/reconnect': { kind: 'zoned', req: (z) => ({ path: `/api/v1/sources/${source(z)}/reconnect` }), expect: { ...RECONNECT } },
  'GET /api/v1/sinks': { kind: 'zoned', req: () => ({ path: '/api/v1/sinks' }), expect: LIST, listed: (b, z) => b.sinks.some((x: { id: string }) => x.id === sink(z)) },
  'GET /api/v1/sinks/{id}': { kind: 'zoned', req: (z) => ({ path: `/api/v1/sinks/${sink(z)}` }), expect: READ },
  'POST /api/v1/sinks/{id}/reconnect': { kind: 'zoned', req: (z) => ({ path: `/api/v1/sinks/${sink(z)}/reconnect` }), expect: { ...RECONNECT } },
  'GET /api/v1/sources/{id}/browse': { kind: 'zoned', req: (z) => ({ path: `/api/v1/sources/${source(z)}/browse` }), expect: { ...READ, viewerA: [400, 404], operatorA: [400, 404], engineer: [400, 400], admin: [400, 400] } },

  // the namespace and its values: a path's zone is its source's (the value routes answer 403)
  // Browsing shows the structure to every reader; an attribute's details (binding, limits) only in its zone.
  'GET /api/v1/namespace': { kind: 'zoned', req: (z) => ({ path: `/api/v1/namespace?path=${path(z)}/speed_sp` }), expect: LIST, listed: (b) => b.attribute !== undefined },
  'GET /api/v1/values': { kind: 'zoned', req: (z) => ({ path: `/api/v1/values?path=${path(z)}/speed_sp` }), expect: LIST, listed: (b, z) => b.values.some((v: { path: string }) => v.path === `${path(z)}/speed_sp`) },
  'GET /api/v1/lineage': { kind: 'zoned', req: (z) => ({ path: `/api/v1/lineage?path=${path(z)}/speed_sp` }), expect: { ...READ, viewerA: [200, 403], operatorA: [200, 403] } },
  'GET /api/v1/history': { kind: 'zoned', req: (z) => ({ path: `/api/v1/history?path=${path(z)}/speed_sp&from=-1m` }), expect: { ...READ, viewerA: [200, 403], operatorA: [200, 403] } },
  'GET /api/v1/history/at': { kind: 'zoned', req: (z) => ({ path: `/api/v1/history/at?path=${path(z)}/speed_sp&time=now` }), expect: { ...READ, viewerA: [200, 403], operatorA: [200, 403] } },
  'GET /api/v1/trend': { kind: 'zoned', req: (z) => ({ path: `/api/v1/trend?path=${path(z)}/speed_sp&from=-1m&pixels=100` }), expect: { ...READ, viewerA: [200, 403], operatorA: [200, 403] } },
  'GET /api/v1/export': { kind: 'zoned', req: (z) => ({ path: `/api/v1/export?path=${path(z)}/speed_sp&from=-1m` }), expect: { ...READ, viewerA: [200, 403], operatorA: [200, 403] } },
  'GET /api/v1/live': { kind: 'zoned', live: true, req: (z) => ({ path: path(z) }), expect: LIST, listed: (b, z) => b.values.some((v: { path: string }) => v.path === `${path(z)}/speed_sp`) },

  // writes: the write gate's permission step is zone-aware (403); requests one may not read are 404
  'POST /api/v1/writes': { kind: 'zoned', req: (z) => ({ path: '/api/v1/writes', body: { path: `${path(z)}/speed_sp`, value: 510 } }), expect: { anonymous: [401, 401], viewerA: [403, 403], operatorA: [202, 403], engineer: [202, 202], admin: [202, 202] } },
  'GET /api/v1/writes': { kind: 'zoned', req: async (z, c) => ({ path: `/api/v1/writes?limit=1000&x=${await c.pendingWrite(z)}` }), expect: LIST, listed: (b, z) => b.writes.some((w: { zone: string }) => w.zone === `zone-${z}`) },
  'GET /api/v1/writes/{id}': { kind: 'zoned', req: async (z, c) => ({ path: `/api/v1/writes/${await c.pendingWrite(z)}` }), expect: READ },
  'POST /api/v1/writes/{id}/approve': { kind: 'zoned', req: async (z, c) => ({ path: `/api/v1/writes/${await c.pendingWrite(z)}/approve` }), expect: { anonymous: [401, 401], viewerA: [403, 403], operatorA: [403, 403], engineer: [200, 200], admin: [200, 200] } },
  'POST /api/v1/writes/{id}/deny': { kind: 'zoned', req: async (z, c) => ({ path: `/api/v1/writes/${await c.pendingWrite(z)}/deny`, body: {} }), expect: { anonymous: [401, 401], viewerA: [403, 404], operatorA: [403, 404], engineer: [200, 200], admin: [200, 200] } },

  // production: a line's zones are those of the sources feeding its attributes
  'GET /api/v1/oee': { kind: 'zoned', req: (z) => ({ path: `/api/v1/oee?line=${line(z)}&from=-1h` }), expect: READ },
  'GET /api/v1/downtime': { kind: 'zoned', req: (z) => ({ path: `/api/v1/downtime?line=${line(z)}&from=-1h` }), expect: READ },
  'POST /api/v1/downtime/{id}/reason': { kind: 'zoned', req: (z) => ({ path: `/api/v1/downtime/${line(z)}.1000/reason`, body: { code: 7 } }), expect: CHANGE },
  'POST /api/v1/work-orders': { kind: 'zoned', req: (z) => ({ path: '/api/v1/work-orders', body: { id: `NEW-${z}-${Math.random().toString(36).slice(2, 8)}`, product: 'P1', quantity: 5, line: line(z) } }), expect: { ...CHANGE, operatorA: [200, 422] } },
  'GET /api/v1/work-orders': { kind: 'zoned', req: (z, c) => ({ path: `/api/v1/work-orders?x=${c.order(z)}` }), expect: LIST, listed: (b, z) => b.orders.some((o: { line: string }) => o.line === line(z)) },
  'GET /api/v1/work-orders/rejections': { kind: 'zoned', req: () => ({ path: '/api/v1/work-orders/rejections' }), expect: SITE_READ },
  'GET /api/v1/work-orders/{id}': { kind: 'zoned', req: (z, c) => ({ path: `/api/v1/work-orders/${c.order(z)}` }), expect: READ },
  // Starting writes the speed setpoint: behind an approval conduit in both zones, so it waits (202).
  'POST /api/v1/work-orders/{id}/start': { kind: 'zoned', req: async (z, c) => ({ path: `/api/v1/work-orders/${await c.freeOrder(z)}/start` }), expect: { ...CHANGE, operatorA: [202, 404], engineer: [202, 202], admin: [202, 202] } },
  'POST /api/v1/work-orders/{id}/complete': { kind: 'zoned', req: async (z, c) => ({ path: `/api/v1/work-orders/${await c.running(z)}/complete` }), expect: CHANGE },
  'POST /api/v1/work-orders/{id}/cancel': { kind: 'zoned', req: (z, c) => ({ path: `/api/v1/work-orders/${c.order(z)}/cancel` }), expect: CHANGE },
  'GET /api/v1/confirmations': { kind: 'zoned', req: async (z, c) => ({ path: `/api/v1/confirmations?x=${await c.confirmation(z)}` }), expect: LIST, listed: (b, z) => b.confirmations.some((d: { confirmation: { line: string } }) => d.confirmation.line === line(z)) },
  'POST /api/v1/confirmations/{key}/retry': { kind: 'zoned', req: async (z, c) => ({ path: `/api/v1/confirmations/${await c.confirmation(z)}/retry` }), expect: CHANGE },

  // alarms: an alarm belongs to its attribute's zone; operators acknowledge and shelve there, engineers set out of service
  'GET /api/v1/alarms': { kind: 'zoned', req: () => ({ path: '/api/v1/alarms?all=true' }), expect: LIST, listed: (b, z) => b.alarms.some((a: { id: string }) => a.id === alarm(z)) },
  'POST /api/v1/alarms/{id}/ack': { kind: 'zoned', req: (z) => (service(z, false), { path: alarmAt(z, 'ack'), body: { comment: 'seen' } }), expect: CHANGE },
  'POST /api/v1/alarms/{id}/shelve': { kind: 'zoned', req: (z) => (service(z, false), { path: alarmAt(z, 'shelve'), body: { duration: '5m', reason: 'matrix' } }), expect: CHANGE },
  'POST /api/v1/alarms/{id}/unshelve': { kind: 'zoned', req: (z) => (service(z, false), { path: alarmAt(z, 'unshelve') }), expect: CHANGE },
  'POST /api/v1/alarms/{id}/out-of-service': { kind: 'zoned', req: (z) => (service(z, false), { path: alarmAt(z, 'out-of-service'), body: { reason: 'matrix' } }), expect: { ...CHANGE, operatorA: [403, 403] } },
  'POST /api/v1/alarms/{id}/in-service': { kind: 'zoned', req: (z) => (service(z, true), { path: alarmAt(z, 'in-service') }), expect: { ...CHANGE, operatorA: [403, 403] } },
  'GET /api/v1/alarm-kpis': { kind: 'zoned', req: (z) => (service(z, true), { path: '/api/v1/alarm-kpis?from=-1h&to=%2B1m' }), expect: LIST, listed: (b, z) => b.outOfService.some((a: { id: string }) => a.id === alarm(z)) },
  'GET /api/v1/alarm-journal': { kind: 'zoned', req: (z) => (service(z, true), service(z, false), { path: '/api/v1/alarm-journal?from=-1h' }), expect: LIST, listed: (b, z) => b.entries.some((e: { id: string }) => e.id === alarm(z)) },

  // the asset inventory: an asset is in its zone; reading needs configure or audit there (not viewers or operators), changes configure
  'GET /api/v1/assets': { kind: 'zoned', req: () => ({ path: '/api/v1/assets' }), expect: SITE_READ },
  'GET /api/v1/assets/{id}': { kind: 'zoned', req: (z) => ({ path: `/api/v1/assets/${source(z)}` }), expect: SITE_READ },
  'POST /api/v1/assets': { kind: 'zoned', req: (z) => ({ path: '/api/v1/assets', body: { name: `HMI ${++seq}`, zone: `zone-${z}` } }), expect: { ...SITE_READ, engineer: [201, 201], admin: [201, 201] } },
  'PATCH /api/v1/assets/{id}': { kind: 'zoned', req: (z) => ({ path: `/api/v1/assets/${source(z)}`, body: { criticality: 'high' } }), expect: SITE_READ },
  'DELETE /api/v1/assets/{id}': { kind: 'zoned', req: (z, c) => ({ path: `/api/v1/assets/${c.hub.services.assets!.create({ name: `HMI ${++seq}`, zone: `zone-${z}` }, 'test').id}` }), expect: { ...SITE_READ, engineer: [204, 204], admin: [204, 204] } },
  // A JSON body is not CSV: 400 where the caller may import at all.
  'POST /api/v1/assets/import': { kind: 'zoned', req: () => ({ path: '/api/v1/assets/import', body: {} }), expect: { ...SITE_READ, engineer: [400, 400], admin: [400, 400] } },
  // vulnerability findings belong to their asset's zone: engineers (configure) and auditors; accepting a risk needs approve
  'GET /api/v1/vulnerabilities': { kind: 'zoned', req: async (z) => (await finding(z), { path: '/api/v1/vulnerabilities?state=open,mitigated,accepted' }), expect: ASSESS_LIST, listed: (b, z) => b.items.some((f: { assetId: string }) => f.assetId === `cnc-${z}`) },
  'GET /api/v1/vulnerabilities/{id}': { kind: 'zoned', req: async (z) => ({ path: `/api/v1/vulnerabilities/${await finding(z)}` }), expect: ASSESS },
  'POST /api/v1/vulnerabilities/{id}/mitigate': { kind: 'zoned', req: async (z) => ({ path: `/api/v1/vulnerabilities/${await finding(z, 'open')}/mitigate`, body: { comment: 'Port 102 closed at the cell firewall.' } }), expect: ASSESS_CHANGE },
  'POST /api/v1/vulnerabilities/{id}/reopen': { kind: 'zoned', req: async (z) => ({ path: `/api/v1/vulnerabilities/${await finding(z, 'mitigated')}/reopen`, body: { comment: 'The rule was removed.' } }), expect: ASSESS_CHANGE },
  'POST /api/v1/vulnerabilities/{id}/accept': { kind: 'zoned', req: async (z) => ({ path: `/api/v1/vulnerabilities/${await finding(z)}/accept`, body: { comment: 'Air-gapped until the shutdown.', for: '30d' } }), expect: ASSESS_CHANGE },
  'POST /api/v1/vulnerabilities/{id}/assign': { kind: 'zoned', req: async (z) => ({ path: `/api/v1/vulnerabilities/${await finding(z)}/assign`, body: { owner: 'ot-security' } }), expect: ASSESS_CHANGE },
  'POST /api/v1/vulnerabilities/{id}/comment': { kind: 'zoned', req: async (z) => ({ path: `/api/v1/vulnerabilities/${await finding(z)}/comment`, body: { comment: 'Vendor asked.' } }), expect: ASSESS_CHANGE },
  'POST /api/v1/vulnerabilities/rematch': unzoned('matches every asset against every advisory: site-wide (configure)', { path: '/api/v1/vulnerabilities/rematch' }),
  'GET /api/v1/vulnerability-report': unzoned("the site's assessment report: auditors (audit is site-wide)", { path: '/api/v1/vulnerability-report' }),
};

let dir: string;
let hub: Hub;
let url: string;
const tokens = {} as Record<Exclude<Who, 'anonymous'>, string>;
let requester: Requester;
let approver: Requester;
let seq = 0;

const ctx: Ctx = {
  get hub() {
    return hub;
  },
  order(z) {
    const id = `WO-${z}-${++seq}`;
    const got = hub.production!.receive('rest', [{ ref: 'test', raw: { id, product: 'P1', quantity: 10, line: line(z) } }]);
    expect(got.rejected).toEqual([]);
    return id;
  },
  async freeOrder(z) {
    for (const o of hub.production!.orders({ line: line(z) })) if (o.status === 'running' || o.dispatch?.state === 'awaiting-approval') await hub.production!.cancel(o.id);
    return ctx.order(z);
  },
  async running(z) {
    // Started the real way: its speed write waits for approval, a second person approves it.
    const id = await ctx.freeOrder(z);
    const held = await hub.production!.start(id, requester);
    for (const w of held.dispatch?.state === 'awaiting-approval' ? held.dispatch.writes : []) await hub.services.security.writes.approve(approver, w);
    await hub.production!.settleDispatches();
    expect(hub.production!.order(id).status).toBe('running');
    return id;
  },
  async confirmation(z) {
    const id = await ctx.running(z);
    await hub.production!.complete(id);
    return `${id}-1`;
  },
  async pendingWrite(z) {
    const w = await hub.services.security.writes.request(requester, { path: `${path(z)}/speed_sp`, value: 520 });
    expect(w.state).toBe('pending');
    return w.id;
  },
};

/** Subscribe on the live WebSocket as `who`: the upgrade's refusal, or the snapshot (101). */
function live(who: Who, prefix: string): Promise<{ status: number; body: any }> {  
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/live`, { headers: who === 'anonymous' ? {} : { authorization: `Bearer ${tokens[who]}` } });
    ws.once('open', () => ws.send(JSON.stringify({ type: 'subscribe', paths: [prefix] })));
    ws.once('message', (data) => {
      const m = JSON.parse(String(data)) as { type: string };
      resolve(m.type === 'snapshot' ? { status: 200, body: m } : { status: 403, body: m });
      ws.close();
    });
    ws.once('error', reject);
  });
}

async function send(who: Who, r: Req, method: string): Promise<Answer> {
  if (who === 'anonymous') return call(`${url}${r.path}`, method, r.body !== undefined ? { body: r.body } : {});
  return asToken(tokens[who], url)(r.path, method, r.body);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-zones-'));
  const { config, problems } = loadCheckedText(CONFIG, 'zones.yaml');
  expect(problems).toEqual([]);
  hub = await Hub.create({ config: config!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: 'zone keeper night shift 2026' }, announce: () => {} });
  url = await hub.start();
  tokens.viewerA = await apiToken(hub, [{ role: 'viewer', zones: ['zone-a'] }], 'viewer-a');
  tokens.operatorA = await apiToken(hub, [{ role: 'operator', zones: ['zone-a'] }], 'operator-a');
  tokens.engineer = await apiToken(hub, 'ot-engineer', 'engineer');
  tokens.admin = await apiToken(hub, 'admin', 'admin');
  const user = await hub.security.users.create({ username: 'requester', password: 'a long plant passphrase', grants: [{ role: 'operator' }] });
  requester = { id: user.id, name: user.username, subject: { grants: [{ role: 'operator' }] } };
  const second = await hub.security.users.create({ username: 'approver', password: 'a long plant passphrase', grants: [{ role: 'ot-engineer' }] });
  approver = { id: second.id, name: second.username, subject: { grants: [{ role: 'ot-engineer' }] } };
  // Both PLCs connected, so writes and their read-back work.
  for (let i = 0; i < 200 && !hub.services.sources().every((s) => s.state === 'connected'); i++) await new Promise((r) => setTimeout(r, 100));
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('zones on every route, from the OpenAPI document', () => {
  it('has every operation of the OpenAPI document in the table, and no operation the hub does not serve', async () => {
    const doc = (await asToken(tokens.admin, url)('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).filter((m) => m !== 'parameters').map((m) => `${m.toUpperCase()} ${p}`));
    const missing = served.filter((op) => !(op in TABLE));
    expect(missing, `operations with no row in the zone table of ${import.meta.url}: say what each caller gets in zone A and zone B`).toEqual([]);
    expect(Object.keys(TABLE).filter((op) => !served.includes(op)), 'rows for operations the hub does not serve').toEqual([]);
  });

  const entries = Object.entries(TABLE);
  it.each(entries.filter(([, e]) => e.kind === 'zoned').map(([op]) => op))('%s: role × zone', async (op) => {
    const e = TABLE[op] as Zoned;
    const method = op.split(' ')[0]!;
    const got: string[] = [];
    const want: string[] = [];
    for (const who of WHO) {
      for (const [i, z] of (['a', 'b'] as const).entries()) {
        const req = await e.req(z, ctx);
        // An anonymous upgrade is refused before it upgrades: asked over plain HTTP (a refused upgrade's socket is another test's business).
        const r = e.live && who !== 'anonymous' ? await live(who, req.path) : await send(who, e.live ? { path: '/api/v1/live' } : req, method);
        const cell = e.expect[who][i]!;
        const list = r.status === 200 && e.listed ? ` ${e.listed(r.body, z) ? 'listed' : 'unlisted'}` : '';
        got.push(`${who} zone ${z}: ${r.status}${list}${r.status >= 400 ? ` ${r.body?.code ?? ''}` : ''}`);
        const wanted = typeof cell === 'number' ? `${cell}${cell >= 400 ? ` ${r.status === cell ? r.body?.code ?? '' : '…'}` : ''}` : `200 ${cell}`;
        want.push(`${who} zone ${z}: ${wanted}`);
      }
    }
    expect(got).toEqual(want);
  });

  it.each(entries.filter(([, e]) => e.kind === 'unzoned').map(([op]) => op))('%s: owns no zone, and refuses or answers an anonymous caller as stated', async (op) => {
    const e = TABLE[op] as Unzoned;
    expect(e.why.length).toBeGreaterThan(0);
    const r = await send('anonymous', e.req, op.split(' ')[0]!);
    expect(r.status).toBe(e.anonymous);
  });
});

describe('changes of production state are audited', () => {
  it("records the zone-limited operator's create, start and cancel of a work order, and a refused one", async () => {
    const op = asToken(tokens.operatorA, url);
    const since = Date.now();
    const id = `AUD-${since}`;
    for (const o of hub.production!.orders({ line: 'line-a' })) if (o.status === 'running' || o.dispatch?.state === 'awaiting-approval') await hub.production!.cancel(o.id);
    expect((await op('/api/v1/work-orders', 'POST', { id, product: 'P1', quantity: 3, line: 'line-a' })).status).toBe(200);
    expect((await op(`/api/v1/work-orders/${id}/start`, 'POST')).status).toBe(202);
    expect((await op(`/api/v1/work-orders/${id}/cancel`, 'POST')).status).toBe(200);
    // Another zone's line: rejected without saying whether it exists.
    const other = await op('/api/v1/work-orders', 'POST', { id: `${id}-b`, product: 'P1', quantity: 3, line: 'line-b' });
    expect(other).toMatchObject({ status: 422, body: { rejected: [{ problems: [`order ${id}-b on line line-b is outside the zones your account may change`] }] } });
    const records = hub.security.audit.query({ limit: 200 }).filter((r) => r.ts >= since && r.actor.startsWith('token:operator-a') && r.action.startsWith('work-order.'));
    expect(records.reverse().map((r) => `${r.action} ${r.target} ${r.outcome}`)).toEqual([
      `work-order.receive rest success`, `work-order.start ${id} success`, `work-order.cancel ${id} success`, 'work-order.receive rest success',
    ]);
    // The pending speed write of the cancelled order was withdrawn, audited.
    expect(hub.security.audit.query({ action: 'write.cancel', limit: 50 }).some((r) => r.detail?.reason === `work order ${id} was cancelled`)).toBe(true);
  });
});

describe('no road around the two-person rule', () => {
  it('an operator alone cannot change an approval-guarded setpoint by starting a work order: it waits for a second person', async () => {
    const op = asToken(tokens.operatorA, url);
    const sp = `${A_LINE}/filler/speed_sp`;
    for (const o of hub.production!.orders({ line: 'line-a' })) if (o.status === 'running' || o.dispatch?.state === 'awaiting-approval') await hub.production!.cancel(o.id);
    // Away from the product's speed first, through the gate with its two persons.
    const reset = await hub.services.security.writes.request(requester, { path: sp, value: 505 });
    await hub.services.security.writes.approve(approver, reset.id);
    const before = ((await op(`/api/v1/values?path=${sp}`)).body.values as Array<{ value: number }>)[0]!.value;
    expect(before).toBe(505);
    const id = `TWO-${Date.now()}`;
    await op('/api/v1/work-orders', 'POST', { id, product: 'P1', quantity: 3, line: 'line-a' });
    const started = await op(`/api/v1/work-orders/${id}/start`, 'POST');
    expect(started).toMatchObject({ status: 202, body: { status: 'released', dispatch: { state: 'awaiting-approval', requestedBy: expect.stringContaining('operator-a') } } });
    const [writeId] = started.body.dispatch.writes as string[];
    expect((await op(`/api/v1/writes/${writeId}`)).body).toMatchObject({ state: 'pending', path: sp, value: 550, reason: `start work order ${id}` });
    await new Promise((r) => setTimeout(r, 500));
    expect(((await op(`/api/v1/values?path=${sp}`)).body.values as Array<{ value: number }>)[0]!.value).toBe(before);
    // The operator cannot approve it; an engineer can, and the order then runs with the setpoint written.
    expect((await op(`/api/v1/writes/${writeId}/approve`, 'POST')).status).toBe(403);
    expect((await asToken(tokens.engineer, url)(`/api/v1/writes/${writeId}/approve`, 'POST')).body).toMatchObject({ state: 'done', outcome: { newValue: 550 } });
    await expect.poll(async () => (await op(`/api/v1/work-orders/${id}`)).body.status, { timeout: 10_000 }).toBe('running');
    expect(((await op(`/api/v1/values?path=${sp}`)).body.values as Array<{ value: number }>)[0]!.value).toBe(550);
  });
});

describe('strict writes over HTTP', () => {
  // Each of these was coerced to a number by the API's schema and accepted for the numeric setpoint.
  it.each([['null', null], ['false', false], ['[null]', [null]], ['true', true], ['"0x10"', '0x10'], ['[600]', [600]], ['"600"', '600'], ['{}', {}]])('refuses %s for a numeric setpoint with CW_WRITE_BAD_VALUE', async (_label, value) => {
    const r = await asToken(tokens.operatorA, url)('/api/v1/writes', 'POST', { path: `${A_LINE}/filler/speed_sp`, value });
    expect(r).toMatchObject({ status: 400, body: { code: 'CW_WRITE_BAD_VALUE', step: 'limits' } });
  });

  it('cancels a pending write whose requester an admin disabled, and never carries it out', async () => {
    const user = await hub.security.users.create({ username: `leaver-${Date.now()}`, password: 'a long plant passphrase', grants: [{ role: 'operator', zones: ['zone-a'] }] });
    const token = hub.security.tokens.create(user.id, { name: 'leaver', scopes: ['read', 'write'] }, hub.security.now()).secret;
    const asked = await asToken(token, url)('/api/v1/writes', 'POST', { path: `${A_LINE}/filler/speed_sp`, value: 444 });
    expect(asked).toMatchObject({ status: 202, body: { state: 'pending' } });
    expect((await asToken(tokens.admin, url)(`/api/v1/users/${user.id}`, 'PATCH', { disabled: true })).status).toBe(200);
    // Cancelled at once, audited, before anyone looks at the request.
    expect(hub.security.pending.get(asked.body.id)).toMatchObject({ state: 'cancelled' });
    const approve = await asToken(tokens.engineer, url)(`/api/v1/writes/${asked.body.id}/approve`, 'POST');
    expect(approve).toMatchObject({ status: 409, body: { code: 'CW_WRITE_REQUESTER_DISABLED' } });
    expect((await asToken(tokens.admin, url)(`/api/v1/writes/${asked.body.id}`)).body).toMatchObject({ state: 'cancelled', outcome: { reason: 'requester disabled' } });
    expect(hub.security.audit.query({ action: 'write.cancel', limit: 20 }).find((r) => r.detail?.writeId === asked.body.id)).toMatchObject({ actor: 'system', outcome: 'success' });
    expect(hub.security.audit.query({ action: 'write.dispatch', limit: 100 }).some((r) => r.detail?.writeId === asked.body.id)).toBe(false);
  });
});

describe('write requests per account', () => {
  it('answers 429 with Retry-After and the catalogue error past requestsPerMinute, refused requests counted too', async () => {
    const user = await hub.security.users.create({ username: `hasty-${Date.now()}`, password: 'a long plant passphrase', grants: [{ role: 'operator', zones: ['zone-a'] }] });
    const w = asToken(hub.security.tokens.create(user.id, { name: 'hasty', scopes: ['read', 'write'] }, hub.security.now()).secret, url);
    const body = { path: `${A_LINE}/filler/speed_sp`, value: null };
    // The budget refills at 2 a second while the loop runs: a few more than 120 get through.
    let answered = 0;
    let limited: Answer | undefined;
    while (answered < 200) {
      const r = await w('/api/v1/writes', 'POST', body);
      if (r.status === 429) {
        limited = r;
        break;
      }
      expect(r.body.code).toBe('CW_WRITE_BAD_VALUE');
      answered++;
    }
    expect(answered).toBeGreaterThanOrEqual(120);
    expect(answered).toBeLessThan(200);
    expect(limited).toMatchObject({ status: 429, body: { code: 'CW_WRITE_TOO_MANY_REQUESTS', step: 'rate' } });
    // A well-formed write is refused too until the budget refills.
    expect((await w('/api/v1/writes', 'POST', { ...body, value: 500 })).status).toBe(429);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account is not held up by it.
    expect((await asToken(tokens.operatorA, url)('/api/v1/writes', 'POST', body)).body.code).toBe('CW_WRITE_BAD_VALUE');
  });
});
