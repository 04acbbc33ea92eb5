/**
 * An asset record of the OT inventory: who the device is (the shared AssetIdentity), where it sits
 * (site, zone, Purdue level, the namespace subtree it feeds), who owns it, how it is reached and
 * how well that is secured, and where the record came from. Pure: the checks of hand-made input
 * (API and CSV rows) return the problems instead of throwing.
 */
import type { AssetIdentity } from '../types.js';

export const CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/** The identity fields whose change is an event (history and audit). */
export const IDENTITY_FIELDS = ['vendor', 'product', 'model', 'version', 'serial'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** Security posture facts, as the connection and the device tell them. */
export interface AssetPosture {
  /** The link between the hub and the device is encrypted (TLS, OPC UA SignAndEncrypt). */
  encrypted?: boolean;
  /** How the link is (or is not) secured, in words. */
  link?: string;
  /** OPC UA: security mode and policy of the session (SignAndEncrypt/Basic256Sha256). */
  securityPolicy?: string;
  /** The device's certificate expiry, ISO 8601. */
  certificateExpiry?: string;
  /** The device lets anyone log in without credentials (an OPC UA endpoint offering Anonymous). */
  anonymousLogin?: boolean;
}

/** Where a record came from. */
export type AssetOrigin =
  | { kind: 'discovered'; connection: string; device?: string }
  | { kind: 'manual' }
  | { kind: 'csv'; file?: string };

export interface AssetRecord extends AssetIdentity {
  name: string;
  site: string;
  zone?: string;
  /** Purdue level of the zone (0-5). */
  level?: number;
  /** Protocols the hub (or the plant) talks to it with: opcua, modbus, sparkplug, http-push, … */
  protocols: string[];
  /** Addresses it is reached at (opc.tcp://…, modbus tcp host:port, broker URL). */
  endpoints: string[];
  /** Namespace subtrees its values feed. */
  namespace: string[];
  owner?: { team?: string; person?: string };
  criticality?: Criticality;
  description?: string;
  /** Device facts beyond the identity (OPC UA build number, product URI, OS…). */
  facts?: Record<string, string>;
  posture: AssetPosture;
  origin: AssetOrigin;
  firstSeen?: number;
  lastSeen?: number;
  createdAt: number;
  updatedAt: number;
}

export type HistoryEvent = 'discovered' | 'identity-changed' | 'created' | 'updated' | 'imported' | 'deleted';

export interface AssetHistoryEntry {
  seq: number;
  assetId: string;
  at: number;
  event: HistoryEvent;
  /** A user, `csv:<user>`, or `connection:<source>` for discovery. */
  actor: string;
  /** Field → before and after (absent when it had or has no value). */
  changes: Record<string, { from?: unknown; to?: unknown }>;
}

/** What a person may set on an asset (API body, CSV row). */
export interface AssetInput {
  id?: string;
  name?: string;
  site?: string;
  zone?: string;
  vendor?: string;
  product?: string;
  model?: string;
  version?: string;
  serial?: string;
  cpe?: string;
  purl?: string;
  protocols?: string[];
  endpoints?: string[];
  namespace?: string[];
  owner?: { team?: string; person?: string };
  criticality?: string;
  description?: string;
  posture?: AssetPosture;
}

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:~-]{0,127}$/;
const TEXT_FIELDS = ['name', 'site', 'zone', 'vendor', 'product', 'model', 'version', 'serial', 'cpe', 'purl', 'description'] as const;
const MAX_TEXT = 500;

/** The problems of a person's input; `zones` are the config's zone ids. Empty when it is fine. */
export function inputProblems(input: AssetInput, zones: ReadonlyMap<string, number>, creating: boolean): string[] {
  const problems: string[] = [];
  if (input.id !== undefined && !ID_PATTERN.test(input.id)) problems.push(`id "${input.id}" must be 1-128 letters, digits, _ . : ~ - (starting with a letter or digit)`);
  for (const f of TEXT_FIELDS) {
    const v = input[f];
    if (v !== undefined && (typeof v !== 'string' || v.length > MAX_TEXT)) problems.push(`${f} must be text of at most ${MAX_TEXT} characters`);
  }
  if (creating && !input.name?.trim()) problems.push('name is required');
  if (creating && !input.zone) problems.push(`zone is required (one of ${[...zones.keys()].join(', ')})`);
  if (input.zone !== undefined && !zones.has(input.zone)) problems.push(`zone "${input.zone}" is not one of the config's zones (${[...zones.keys()].join(', ')})`);
  if (input.criticality !== undefined && !(CRITICALITIES as readonly string[]).includes(input.criticality)) problems.push(`criticality "${input.criticality}" must be one of ${CRITICALITIES.join(', ')}`);
  if (input.posture?.certificateExpiry !== undefined && Number.isNaN(Date.parse(input.posture.certificateExpiry))) problems.push(`posture.certificateExpiry "${input.posture.certificateExpiry}" is not a date (use ISO 8601, e.g. 2027-03-31)`);
  return problems;
}

/** Trimmed text, undefined when blank. */
export function clean(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

/** The lower-case text the `text` filter searches. */
export function searchText(a: AssetRecord): string {
  return [a.id, a.name, a.vendor, a.product, a.model, a.version, a.serial, a.description, a.owner?.team, a.owner?.person, ...a.endpoints, ...a.protocols, ...a.namespace].filter(Boolean).join('\n').toLowerCase();
}

/** The identity fields that differ between two records: field → before and after. */
export function identityChanges(before: Partial<AssetIdentity>, after: Partial<AssetIdentity>): Record<string, { from?: unknown; to?: unknown }> {
  const out: Record<string, { from?: unknown; to?: unknown }> = {};
  for (const f of IDENTITY_FIELDS) {
    if (before[f] === after[f]) continue;
    out[f] = { ...(before[f] !== undefined ? { from: before[f] } : {}), ...(after[f] !== undefined ? { to: after[f] } : {}) };
  }
  return out;
}
