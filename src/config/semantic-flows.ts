/** Default deny: telemetry crosses zones only where a conduit allows it (direct conduits only, by core/zones' flowAllowed). */
import { entries, isEnabled, str, type Obj } from './data.js';
import { hubZoneOf, type ConfigIndex } from './semantic-index.js';
import type { ProblemContext } from './collector.js';
import { flowAllowed, type Flow } from '../core/zones.js';

interface Conduit {
  from: string | undefined;
  to: string | undefined;
  allow: unknown[];
}

/** Why telemetry may not go from `from` to `to`, or undefined when a conduit allows it. */
export function telemetryDenial(from: string, to: string, conduits: readonly Conduit[]): string | undefined {
  const rules = conduits.flatMap((c) => (c.from !== undefined && c.to !== undefined ? [{ from: c.from, to: c.to, allow: c.allow.filter((a): a is Flow => typeof a === 'string') as Flow[] }] : []));
  if (flowAllowed(rules, from, to, 'telemetry')) return undefined;
  const direct = conduits.filter((c) => c.from === from && c.to === to);
  if (direct.length === 0) return `no conduit from ${from} to ${to} allows telemetry`;
  return `the conduit from ${from} to ${to} allows only ${direct.flatMap((c) => c.allow).map(String).join(', ')}`;
}

/** How to let telemetry go from `from` to `to`: a conduit to add, or telemetry to add to one; exported for the sink-reach check. */
export function fixHint(from: string, to: string, reason: string, what: string): string {
  const add = reason.startsWith('no conduit')
    ? `Add a conduit { from: ${from}, to: ${to}, allow: [telemetry] }`
    : `Add telemetry to the allow: list of that conduit`;
  return `${add}, or set enabled: false on the ${what}.`;
}

/** Every enabled source must reach the hub's zone, and every enabled sink must be reachable from some data's zone, by a telemetry conduit. */
export function checkFlows(data: Obj, index: ConfigIndex, ctx: ProblemContext): void {
  const hub = hubZoneOf(data);
  if (hub === undefined || !index.zones.has(hub)) return;
  const conduits = entries(data, 'conduits').map(([c]) => ({ from: str(c.from), to: str(c.to), allow: Array.isArray(c.allow) ? c.allow : [] }));
  for (const [src, i] of entries(data, 'sources')) {
    const zone = str(src.zone);
    if (zone === undefined || !index.zones.has(zone) || !isEnabled(src)) continue;
    const reason = telemetryDenial(zone, hub, conduits);
    if (reason === undefined) continue;
    const path = ['sources', i, 'zone'];
    const message = `Telemetry from source ${ctx.show(['sources', i, 'id'], src.id)} (zone ${zone}) cannot reach the hub (zone ${hub}): ${reason}.`;
    ctx.report(path, 'CW_CONFIG_FLOW_DENIED', message, fixHint(zone, hub, reason, 'source'));
  }
  // A sink receives the data of every zone with a telemetry conduit straight to it (the data's own zone,
  // not the hub's: the hub carries data, it does not launder it); hub-made values belong to the hub zone.
  const origins = [...new Set([hub, ...entries(data, 'sources').filter(([s]) => isEnabled(s)).map(([s]) => str(s.zone)).filter((z): z is string => z !== undefined && index.zones.has(z))])];
  for (const [sink, i] of entries(data, 'sinks')) {
    const zone = str(sink.zone);
    if (zone === undefined || !index.zones.has(zone) || !isEnabled(sink)) continue;
    if (origins.some((from) => telemetryDenial(from, zone, conduits) === undefined)) continue;
    const path = ['sinks', i, 'zone'];
    const message = `No telemetry can reach sink ${ctx.show(['sinks', i, 'id'], sink.id)} (zone ${zone}): no conduit from the zone of the data (${origins.join(', ')}) to ${zone} allows telemetry.`;
    const hint = `Add a conduit { from: <zone>, to: ${zone}, allow: [telemetry] } for each zone whose data this sink may receive, or set enabled: false on the sink.`;
    ctx.report(path, 'CW_CONFIG_FLOW_DENIED', message, hint);
  }
}
