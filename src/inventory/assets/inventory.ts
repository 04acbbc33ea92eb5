/**
 * The asset inventory: discovered devices kept up to date from what their connections report, and
 * assets added by hand (API, CSV). A change of a discovered device's identity (a firmware update, a
 * swapped device) is written to the asset's history and handed to the audit log. Authorization is
 * the caller's (the API routes check roles and zones before calling).
 */
import { randomBytes } from 'node:crypto';
import { CausewayError } from '../../core/errors.js';
import { discoveredId, identityFrom, otherFacts, postureFrom, type DeviceReport } from './discovery.js';
import {
  clean, identityChanges, inputProblems, IDENTITY_FIELDS, type AssetHistoryEntry, type AssetInput, type AssetPosture, type AssetRecord, type Criticality, type HistoryEvent,
} from './model.js';
import type { AssetQuery, AssetStore } from './store.js';

/** What the hub knows of a connection, for the asset it discovers. */
export interface ConnectionFacts {
  kind: string;
  zone: string;
  endpoint?: string;
  encrypted?: boolean;
  link?: string;
  /** Namespace subtrees its values feed. */
  namespace: string[];
  /** The config's `device:` block of the source: the identity it declares, owner and criticality. */
  declared?: {
    name?: string; vendor?: string; product?: string; model?: string; version?: string; serial?: string;
    owner?: { team?: string; person?: string }; criticality?: Criticality; description?: string;
  };
}

/** One audit record, as the security audit log takes it. */
export interface InventoryAudit {
  actor: string;
  action: string;
  target: string;
  outcome: 'success';
  detail: Record<string, unknown>;
}

export interface InventoryOptions {
  store: AssetStore;
  site: string;
  /** The config's zones: id → Purdue level. */
  zones: ReadonlyMap<string, number>;
  now(): number;
  /** The configured connection, or undefined for one that is not (any more). */
  connection(source: string): ConnectionFacts | undefined;
  /** Where discovery events go in the audit log. */
  audit(entry: InventoryAudit): void;
}

/** A discovery that changed nothing is stored at most this often (last seen). */
const TOUCH_EVERY_MS = 60_000;

type Changes = AssetHistoryEntry['changes'];

export class Inventory {
  readonly #o: InventoryOptions;

  constructor(o: InventoryOptions) {
    this.#o = o;
  }

  /** Run `fn` in one transaction of the store (a CSV import: one commit, not one per row). */
  batch<T>(fn: () => T): T {
    return this.#o.store.db.transaction(fn)();
  }

  /** True when `zone` is one of the config's zones. */
  knowsZone(zone: string): boolean {
    return this.#o.zones.has(zone);
  }

  get(id: string): AssetRecord | undefined {
    return this.#o.store.get(id);
  }

  history(id: string): AssetHistoryEntry[] {
    return this.#o.store.history(id);
  }

  list(q: AssetQuery): { assets: AssetRecord[]; total: number } {
    return this.#o.store.list(q);
  }

  /** Take what a connection reported about its device; returns the record as stored. */
  observe(r: DeviceReport): AssetRecord | undefined {
    const conn = this.#o.connection(r.source);
    if (!conn) return undefined;
    const id = discoveredId(r.source, r.device);
    const before = this.#o.store.get(id);
    const now = this.#o.now();
    const own = r.device === undefined ? conn.declared : undefined;
    const declared = { ...pick(own ?? {}, IDENTITY_FIELDS) };
    const reported = { ...declared, ...identityFrom(r.facts) };
    const posture: AssetPosture = {
      ...(r.device === undefined && conn.encrypted !== undefined ? { encrypted: conn.encrypted } : {}),
      ...(r.device === undefined && conn.link ? { link: conn.link } : {}),
      ...postureFrom(r.facts),
    };
    const facts = otherFacts(r.facts);
    const next: AssetRecord = {
      ...(before ?? {
        id, name: own?.name ?? r.device ?? r.source, site: this.#o.site, firstSeen: now, createdAt: now,
        ...(own?.owner ? { owner: own.owner } : {}), ...(own?.criticality ? { criticality: own.criticality } : {}), ...(own?.description ? { description: own.description } : {}),
      }),
      ...reported,
      zone: conn.zone, ...levelOf(this.#o.zones, conn.zone),
      protocols: [conn.kind], endpoints: conn.endpoint ? [conn.endpoint] : [], namespace: conn.namespace,
      posture, ...(Object.keys(facts).length > 0 ? { facts } : {}),
      origin: { kind: 'discovered', connection: r.source, ...(r.device !== undefined ? { device: r.device } : {}) },
      lastSeen: now, updatedAt: now,
    };
    if (Object.keys(facts).length === 0) delete next.facts;
    const actor = `connection:${r.source}`;
    if (!before) {
      this.#o.store.put(next, { at: now, event: 'discovered', actor, changes: identityChanges({}, next) });
      this.#audit('asset.discovered', id, actor, { ...pick(next, IDENTITY_FIELDS), connection: r.source });
      return next;
    }
    const changes = identityChanges(before, next);
    if (Object.keys(changes).length > 0) {
      this.#o.store.put(next, { at: now, event: 'identity-changed', actor, changes });
      this.#audit('asset.identity-changed', id, actor, { connection: r.source, changes });
    } else if (!sameApartFromTimes(before, next) || now - (before.lastSeen ?? 0) >= TOUCH_EVERY_MS) {
      this.#o.store.put(next);
    } else {
      return before;
    }
    return next;
  }

  /** Add an asset by hand (or from a CSV row); throws CW_INVENTORY_ASSET_INVALID or CW_INVENTORY_ASSET_EXISTS. */
  create(input: AssetInput, actor: string, from: 'manual' | 'csv' = 'manual', file?: string): AssetRecord {
    const problems = inputProblems(input, this.#o.zones, true);
    if (problems.length > 0) throw new CausewayError('CW_INVENTORY_ASSET_INVALID', { problem: problems.join('; ') });
    const id = input.id ?? `asset-${randomBytes(5).toString('hex')}`;
    if (this.#o.store.get(id)) throw new CausewayError('CW_INVENTORY_ASSET_EXISTS', { id });
    // Discovered devices take their source's id (and `<source>:…` for devices behind it).
    const source = id.split(':')[0]!;
    if (this.#o.connection(source)) throw new CausewayError('CW_INVENTORY_ASSET_INVALID', { problem: `id ${id} is kept for the devices of source ${source}; choose another id` });
    const now = this.#o.now();
    const record: AssetRecord = {
      id, site: this.#o.site, protocols: [], endpoints: [], namespace: [], posture: {}, createdAt: now, updatedAt: now, name: '',
      ...applyInput({}, input), ...levelOf(this.#o.zones, input.zone!),
      origin: from === 'csv' ? { kind: 'csv', ...(file ? { file } : {}) } : { kind: 'manual' },
    } as AssetRecord;
    const event: HistoryEvent = from === 'csv' ? 'imported' : 'created';
    this.#o.store.put(record, { at: now, event, actor, changes: diff({}, record) });
    return record;
  }

  /** Change fields of an asset; an empty text clears a field. Throws CW_INVENTORY_ASSET_NOT_FOUND / _INVALID. */
  update(id: string, input: AssetInput, actor: string, event: HistoryEvent = 'updated'): AssetRecord {
    const before = this.#o.store.get(id);
    if (!before) throw new CausewayError('CW_INVENTORY_ASSET_NOT_FOUND', { id });
    const { id: _id, ...rest } = input;
    const problems = inputProblems(blanksOut(rest), this.#o.zones, false);
    if (rest.name !== undefined && !clean(rest.name)) problems.push('name cannot be cleared');
    if (rest.zone !== undefined && !clean(rest.zone)) problems.push('zone cannot be cleared');
    if (before.origin.kind === 'discovered' && rest.zone !== undefined && rest.zone !== before.zone) problems.push(`the zone of a discovered asset is its connection's (${before.zone}); change the source's zone in the config`);
    if (problems.length > 0) throw new CausewayError('CW_INVENTORY_ASSET_INVALID', { problem: problems.join('; ') });
    const next = { ...applyInput(before, rest), ...(rest.zone ? levelOf(this.#o.zones, rest.zone) : {}), updatedAt: this.#o.now() } as AssetRecord;
    const changes = diff(before, next);
    if (Object.keys(changes).length === 0) return before;
    this.#o.store.put(next, { at: next.updatedAt, event, actor, changes });
    return next;
  }

  /** Delete an asset added by hand, or one whose connection is no longer configured. */
  remove(id: string, actor: string): AssetRecord {
    const before = this.#o.store.get(id);
    if (!before) throw new CausewayError('CW_INVENTORY_ASSET_NOT_FOUND', { id });
    if (before.origin.kind === 'discovered' && this.#o.connection(before.origin.connection)) {
      throw new CausewayError('CW_INVENTORY_ASSET_DISCOVERED', { id, source: before.origin.connection });
    }
    this.#o.store.remove(id, { at: this.#o.now(), event: 'deleted', actor, changes: diff(before, {}) });
    return before;
  }

  #audit(action: string, target: string, actor: string, detail: Record<string, unknown>): void {
    try {
      this.#o.audit({ actor, action, target, outcome: 'success', detail });
    } catch {
      // The audit log raises its own alarm; the inventory keeps the event in the asset's history.
    }
  }
}

function levelOf(zones: ReadonlyMap<string, number>, zone: string): { level?: number } {
  const level = zones.get(zone);
  return level === undefined ? {} : { level };
}

function pick<T extends object, K extends readonly string[]>(o: T, keys: K): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = (o as Record<string, unknown>)[k];
    if (typeof v === 'string' && v !== '') out[k] = v;
  }
  return out;
}

/** Equal but for lastSeen and updatedAt. */
function sameApartFromTimes(a: AssetRecord, b: AssetRecord): boolean {
  return stable({ ...a, lastSeen: 0, updatedAt: 0 }) === stable({ ...b, lastSeen: 0, updatedAt: 0 });
}

/** JSON with object keys sorted, so key order does not make two equal records differ. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** The input without the blank texts that clear a field (for validation). */
function blanksOut(input: AssetInput): AssetInput {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => !(typeof v === 'string' && v.trim() === ''))) as AssetInput;
}

const SIMPLE = ['name', 'site', 'zone', 'vendor', 'product', 'model', 'version', 'serial', 'cpe', 'purl', 'description', 'criticality'] as const;

/** The record with the input's fields applied: texts trimmed, blanks clearing. */
function applyInput(base: Partial<AssetRecord>, input: AssetInput): Partial<AssetRecord> {
  const out: Record<string, unknown> = { ...base };
  for (const f of SIMPLE) {
    if (input[f] === undefined) continue;
    const v = clean(input[f]);
    if (v === undefined) delete out[f];
    else out[f] = v;
  }
  for (const f of ['protocols', 'endpoints', 'namespace'] as const) if (input[f] !== undefined) out[f] = [...new Set(input[f].map((s) => s.trim()).filter(Boolean))];
  if (input.owner !== undefined) {
    const owner = { ...(base.owner ?? {}), ...input.owner };
    const team = clean(owner.team);
    const person = clean(owner.person);
    if (team || person) out.owner = { ...(team ? { team } : {}), ...(person ? { person } : {}) };
    else delete out.owner;
  }
  if (input.posture !== undefined) out.posture = { ...(base.posture ?? {}), ...input.posture };
  return out as Partial<AssetRecord>;
}

const NOT_TRACKED = new Set(['updatedAt', 'createdAt', 'lastSeen', 'firstSeen']);

/** Field → before and after, for every field that differs (times left out). */
function diff(before: object, after: object): Changes {
  const out: Changes = {};
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (NOT_TRACKED.has(k) || JSON.stringify(b[k]) === JSON.stringify(a[k])) continue;
    out[k] = { ...(b[k] !== undefined ? { from: b[k] } : {}), ...(a[k] !== undefined ? { to: a[k] } : {}) };
  }
  return out;
}
