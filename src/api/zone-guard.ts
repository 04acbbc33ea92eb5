/**
 * Zones on the routes whose resources are not namespace paths (sources, lines, work orders,
 * stops, confirmations): what the caller may see and change, and the audit record of a change.
 * The value routes check paths through `config.scope` (src/api/auth.ts); these check the owning
 * zone of the resource. A list holds only what the caller may read; one item outside the caller's
 * zones answers the resource's own 404, as if it did not exist, so ids do not leak other zones;
 * one the caller may read but not change answers 403. docs/security-zones.md has the rules.
 */
import type { FastifyRequest } from 'fastify';
import { CausewayError } from '../core/errors.js';
import type { LineSettings } from '../production/settings.js';
import { can, type Permission } from '../security/index.js';
import { clientOf } from './auth.js';
import type { HubServices } from './services.js';

/** True when the caller holds `permission` in `zone` (always, on a route with no principal). */
export function mayZone(req: FastifyRequest, permission: Permission, zone: string): boolean {
  return req.principal === undefined || can(req.principal.subject, permission, { zone });
}

/** The source's status when the caller may read its zone; else CW_SOURCE_NOT_FOUND, as for an unknown id. */
export function visibleSource(req: FastifyRequest, services: HubServices, id: string) {
  const found = services.sources().find((s) => s.id === id);
  if (!found || !mayZone(req, 'read', found.zone)) throw new CausewayError('CW_SOURCE_NOT_FOUND', { source: id });
  return found;
}

/** The attribute paths a line is made of: state, reason, counters and dispatch targets. */
function linePaths(l: LineSettings): string[] {
  const counts = 'total' in l.counts ? l.counts.total : l.counts.reject;
  const dispatch = Object.values(l.dispatch ?? {}).filter((p): p is string => typeof p === 'string').map((rel) => `${l.path}/${rel}`);
  return [l.state.path, ...(l.reason ? [l.reason] : []), l.good.path, counts.path, ...dispatch];
}

/**
 * The zones a line belongs to: those of the sources feeding its attributes (a calculated or
 * unbound one counts as the hub's zone). A line fed from two zones belongs to both, and a caller
 * needs the permission in each.
 */
export function lineZones(services: HubServices, l: LineSettings): string[] {
  const zones = new Set<string>();
  for (const path of linePaths(l)) zones.add(services.security.zoneOf(path) ?? services.zones().hubZone);
  return [...zones];
}

/** True when the caller holds `permission` on the line: in every zone it belongs to, at its path. */
export function mayLine(req: FastifyRequest, services: HubServices, lineId: string, permission: Permission): boolean {
  const line = services.production?.lines().find((l) => l.id === lineId);
  if (!line) return false;
  if (req.principal === undefined) return true;
  const subject = req.principal.subject;
  return lineZones(services, line).every((zone) => can(subject, permission, { zone, path: line.path }));
}

/** The ids of the lines the caller may read; undefined when it may read every line. */
export function visibleLines(req: FastifyRequest, services: HubServices): string[] | undefined {
  const all = services.production?.lines() ?? [];
  const seen = all.filter((l) => mayLine(req, services, l.id, 'read')).map((l) => l.id);
  return seen.length === all.length ? undefined : seen;
}

/**
 * Check the caller's zones for something of a line: `notFound` (the resource's 404) when it may not
 * read the line, CW_AUTH_FORBIDDEN when it may read but not hold `permission` there.
 */
export function guardLine(req: FastifyRequest, services: HubServices, lineId: string, permission: Permission, notFound: () => CausewayError): void {
  if (!mayLine(req, services, lineId, 'read')) throw notFound();
  if (permission !== 'read' && !mayLine(req, services, lineId, permission)) {
    throw new CausewayError('CW_AUTH_FORBIDDEN', { permission, action: `${permission} on line ${lineId}` });
  }
}

/** The line's 404 that names only the lines the caller may see. */
export function unknownLine(req: FastifyRequest, services: HubServices, line: string): CausewayError {
  const known = (services.production?.lines() ?? []).filter((l) => mayLine(req, services, l.id, 'read')).map((l) => l.id);
  return new CausewayError('CW_PRODUCTION_LINE_UNKNOWN', { line, known: known.join(', ') || 'none you may see' });
}

/**
 * Carry out a change of production state and record it in the audit log with its outcome. Refused
 * before anything changes when the audit log cannot record, as writes to machines are.
 */
export async function audited<T>(req: FastifyRequest, services: HubServices, action: string, target: string, change: () => Promise<T> | T, detail: (result: T) => Record<string, unknown> = () => ({})): Promise<T> {
  const { audit } = services.security;
  if (audit.failure !== undefined) throw new CausewayError('CW_AUDIT_WRITE_FAILED', { reason: audit.failure });
  const base = { actor: req.principal?.actor ?? 'api', address: clientOf(req).address, action, target };
  let result: T;
  try {
    result = await change();
  } catch (e) {
    record(services, { ...base, outcome: 'failure', detail: { code: e instanceof CausewayError ? e.code : 'error' } });
    throw e;
  }
  record(services, { ...base, outcome: 'success', detail: detail(result) });
  return result;
}

function record(services: HubServices, entry: Parameters<HubServices['security']['audit']['append']>[0]): void {
  try {
    services.security.audit.append(entry);
  } catch {
    // The audit log raises its own alarm; the change has happened and stands.
  }
}
