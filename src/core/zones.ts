/** Zones and conduits (ARCHITECTURE §5): default deny; a flow crosses zones only along a conduit that allows it. */

export type Flow = 'telemetry' | 'commands' | 'orders';

export interface ConduitRule {
  from: string;
  to: string;
  allow: readonly Flow[];
  require?: { tls?: boolean; approval?: boolean };
}

/** The conduit that lets `flow` go from zone `from` to zone `to`, if any. Within one zone every flow is allowed. */
export function findConduit(conduits: readonly ConduitRule[], from: string, to: string, flow: Flow): ConduitRule | undefined {
  return conduits.find((c) => c.from === from && c.to === to && c.allow.includes(flow));
}

/** True when `flow` may go from zone `from` to zone `to`. */
export function flowAllowed(conduits: readonly ConduitRule[], from: string, to: string, flow: Flow): boolean {
  return from === to || findConduit(conduits, from, to, flow) !== undefined;
}

/** What the zone rule of sinks needs to know of the site: each source's zone and the hub's zone. */
export interface ValueZones {
  /** Source id -> its zone (enabled sources). */
  sources: ReadonlyMap<string, string>;
  hub: string;
}

/** A value as the zone rule sees it: a namespace attribute (with the raw tag it is bound to) or a raw tag path. */
export interface ValueOrigin {
  attribute: boolean;
  /** `<source-id>/<tag-id>`: the raw tag a bound attribute reads, or the raw tag itself. */
  raw?: string;
}

/**
 * The zone rule of sinks (ARCHITECTURE §5), the one function the runtime and `causeway check` use.
 * A value keeps the zone of the source that produced it: a raw tag its source's zone, a bound
 * attribute the zone of the source its tag belongs to; a value the hub makes (a calculated or unbound
 * attribute, OEE) belongs to the hub's zone. It reaches a sink only along a conduit that allows
 * telemetry straight from that zone to the sink's zone (or within one zone): the hub carries values
 * between zones, it does not make them its own, so a conduit into the hub's zone and another out of
 * it do not add up to a way through. Undefined for a path that is no value the hub knows.
 */
export function sinkFlow(value: ValueOrigin, zones: ValueZones, conduits: readonly ConduitRule[], sinkZone: string): { from: string; allowed: boolean } | undefined {
  const source = value.raw?.split('/')[0];
  const from = (source !== undefined ? zones.sources.get(source) : undefined) ?? (value.attribute ? zones.hub : undefined);
  return from === undefined ? undefined : { from, allowed: flowAllowed(conduits, from, sinkZone, 'telemetry') };
}

/**
 * True when a conduit that lets writes (commands or orders) go from `from` into `to` requires a
 * second person's approval. Approval belongs to the pair of zones, not to one flow: every write
 * into such a zone needs it, whichever feature makes the write.
 */
export function downApproval(conduits: readonly ConduitRule[], from: string, to: string): boolean {
  if (from === to) return false;
  return conduits.some((c) => c.from === from && c.to === to && (c.allow.includes('commands') || c.allow.includes('orders')) && c.require?.approval === true);
}

/** How a source or sink link carries its data across the network, in words for messages. */
export interface LinkSecurity {
  encrypted: boolean;
  /** e.g. "mqtts://broker:8883", "OPC UA securityMode None", "Modbus TCP has no encryption". */
  how: string;
}

/** What a kind's link security may depend on besides its own config. */
export interface LinkContext {
  /** The hub's API serves TLS (sources that push to the hub arrive through it). */
  apiTls: boolean;
}

/** How a kind's link is secured, read from an entry's (possibly invalid) `config`. */
export type LinkSecurityOf = (config: Record<string, unknown>, ctx: LinkContext) => LinkSecurity;

/** Link security of a URL-configured link: encrypted when its scheme is one of `secure`. */
export function urlLinkSecurity(url: unknown, secure: readonly string[]): LinkSecurity {
  const text = typeof url === 'string' ? url : '';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase() ?? '';
  return { encrypted: secure.includes(scheme), how: text ? `it connects to ${scheme}://… (${secure.includes(scheme) ? 'encrypted' : 'not encrypted'})` : 'it has no URL' };
}

/** MQTT URL schemes that encrypt (mqtt.js: mqtts, ssl and tls are TLS over TCP, wss is TLS WebSocket). */
export const MQTT_TLS_SCHEMES: readonly string[] = ['mqtts', 'ssl', 'tls', 'wss'];
