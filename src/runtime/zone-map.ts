/**
 * The plant's zones and conduits as the console draws them: each zone with its Purdue level, each
 * conduit with the flows it allows and what it requires, and every enabled source and sink in its
 * zone with how its link is secured. Built from the checked config; it carries no secrets (a link's
 * target is its URL without user, password, query or fragment).
 */
import type { HubConfig } from '../config/schema.js';
import type { Flow, LinkContext, LinkSecurityOf } from '../core/zones.js';
import { safeTarget } from '../sinks/shared/config.js';

export interface ZoneView {
  id: string;
  level: number;
  description?: string;
}

export interface ConduitView {
  from: string;
  to: string;
  allow: Flow[];
  require: { tls: boolean; approval: boolean };
  description?: string;
}

export interface LinkView {
  id: string;
  role: 'source' | 'sink';
  kind: string;
  zone: string;
  /** Undefined when the kind does not say how its link is secured. */
  encrypted?: boolean;
  /** How the link is (or is not) encrypted, in words. */
  how?: string;
  /** Where it connects, without credentials. */
  target?: string;
}

export interface ZoneMap {
  /** The zone the hub itself sits in. */
  hubZone: string;
  zones: ZoneView[];
  conduits: ConduitView[];
  links: LinkView[];
}

/** What the zone map needs of each kind. */
export interface KindLinks {
  sources: ReadonlyMap<string, { linkSecurity?: LinkSecurityOf }>;
  sinks: ReadonlyMap<string, { linkSecurity?: LinkSecurityOf }>;
}

type Obj = Record<string, unknown>;

/** Where an entry's link goes, from the config keys kinds use (endpointUrl, url, servers, host and port), credentials removed. */
export function linkTarget(config: Obj): string | undefined {
  const url = config.endpointUrl ?? config.url;
  if (typeof url === 'string') return safeTarget(url);
  const servers = typeof config.servers === 'string' ? [config.servers] : Array.isArray(config.servers) ? config.servers : [];
  const named = servers.filter((s): s is string => typeof s === 'string').map(safeTarget);
  if (named.length > 0) return named.join(', ');
  if (typeof config.host === 'string') return `${config.host}${typeof config.port === 'number' ? `:${config.port}` : ''}`;
  return undefined;
}

function linkOf(role: LinkView['role'], entry: { id: string; kind: string; zone: string; config?: unknown }, security: LinkSecurityOf | undefined, ctx: LinkContext): LinkView {
  const config = (entry.config ?? {}) as Obj;
  const sec = security?.(config, ctx);
  const target = linkTarget(config);
  return { id: entry.id, role, kind: entry.kind, zone: entry.zone, ...(sec ? { encrypted: sec.encrypted, how: sec.how } : {}), ...(target ? { target } : {}) };
}

/** The zone map of a checked config. */
export function zoneMap(config: HubConfig, kinds: KindLinks, ctx: LinkContext): ZoneMap {
  const enabled = <T extends { enabled?: boolean }>(list: T[] | undefined) => (list ?? []).filter((e) => e.enabled !== false);
  return {
    hubZone: config.site.hubZone,
    zones: config.zones.map((z) => ({ id: z.id, level: z.level, ...(z.description ? { description: z.description } : {}) })),
    conduits: (config.conduits ?? []).map((c) => ({
      from: c.from, to: c.to, allow: [...c.allow],
      require: { tls: c.require?.tls === true, approval: c.require?.approval === true },
      ...(c.description ? { description: c.description } : {}),
    })),
    links: [
      ...enabled(config.sources).map((s) => linkOf('source', s, kinds.sources.get(s.kind)?.linkSecurity, ctx)),
      ...enabled(config.sinks).map((s) => linkOf('sink', s, kinds.sinks.get(s.kind)?.linkSecurity, ctx)),
    ],
  };
}
