/**
 * The checks of the write gate, each a small pure function returning what the next step needs or
 * the refusal naming its step (ARCHITECTURE §5): permission → target → conduit → limits → approval.
 */
import { CausewayError } from '../core/errors.js';
import type { ValueType } from '../core/sample.js';
import { downApproval, findConduit, type ConduitRule } from '../core/zones.js';
import { can, type Subject } from './rbac.js';

export type WriteStep = 'permission' | 'target' | 'conduit' | 'limits' | 'approval' | 'rate' | 'audit' | 'source' | 'verify';

/** What the gate needs to know of an attribute. */
export interface WriteAttribute {
  path: string;
  type: string;
  valueType: ValueType;
  writable: boolean;
  min?: number;
  max?: number;
  states?: Record<string, string>;
  /** The raw tag, `<source-id>/<tag-id>`. */
  boundTo?: string;
  calc?: string;
}

/** What the gate needs to know of a source. */
export interface WriteSource {
  zone: string;
  kind: string;
  canWrite: boolean;
}

export interface ResolvedTarget {
  attribute: WriteAttribute;
  sourceId: string;
  tagId: string;
  zone: string;
}

/** Step permission: write in the target's zone and subtree. The zone is unknown for a path that is not a bound attribute. */
export function checkPermission(subject: Subject, path: string, zone: string | undefined): CausewayError | undefined {
  if (can(subject, 'write', { path, ...(zone !== undefined ? { zone } : {}) })) return undefined;
  return new CausewayError('CW_WRITE_FORBIDDEN', { step: 'permission', path, zone: zone ?? '(unknown)' });
}

/** Step target: a bound attribute whose source exists and can write. */
export function resolveTarget(path: string, attribute: WriteAttribute | undefined, sourceOf: (id: string) => WriteSource | undefined): ResolvedTarget | CausewayError {
  const refuse = (problem: string) => new CausewayError('CW_WRITE_TARGET', { step: 'target', path, problem });
  if (!attribute) return refuse('there is no attribute at this path');
  if (attribute.calc !== undefined) return refuse('the attribute is calculated by the hub, not read from a device');
  if (!attribute.boundTo) return refuse('the attribute is not bound to a source tag');
  const slash = attribute.boundTo.indexOf('/');
  const sourceId = attribute.boundTo.slice(0, slash);
  const source = sourceOf(sourceId);
  if (!source) return refuse(`its source ${sourceId} is not running on this hub`);
  if (!source.canWrite) return refuse(`its source ${sourceId} (${source.kind}) cannot write values`);
  return { attribute, sourceId, tagId: attribute.boundTo.slice(slash + 1), zone: source.zone };
}

/** The flows that go down to a machine: operators' commands, and production orders (setpoints of a work order). */
export type DownFlow = 'commands' | 'orders';

/**
 * Step conduit: the flow may go from the hub's zone into the target's; says whether approval is
 * required. Approval belongs to the pair of zones, not to the flow: when any conduit that lets a
 * write down into the zone (commands or orders) requires approval, every write into it does, so a
 * feature's own writes (an order's setpoints) cannot take a road the two-person rule does not guard.
 */
export function checkConduit(conduits: readonly ConduitRule[], hubZone: string, t: ResolvedTarget, flow: DownFlow = 'commands'): { approval: boolean } | CausewayError {
  if (t.zone === hubZone) return { approval: false };
  const conduit = findConduit(conduits, hubZone, t.zone, flow);
  if (!conduit) return new CausewayError('CW_WRITE_NO_CONDUIT', { step: 'conduit', path: t.attribute.path, from: hubZone, to: t.zone, flow });
  return { approval: downApproval(conduits, hubZone, t.zone) };
}

const SCALAR = new Set(['number', 'boolean', 'string']);

/**
 * Step value: the value as sent must already be of the attribute's type — no conversion of null,
 * arrays, numeric strings or booleans, which would turn `null` or `[600]` into a setpoint.
 */
export function checkValue(a: Pick<WriteAttribute, 'path' | 'valueType'>, value: unknown): CausewayError | undefined {
  const refuse = (problem: string) => new CausewayError('CW_WRITE_BAD_VALUE', { step: 'limits', path: a.path, problem });
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  if (!SCALAR.has(kind)) return refuse(`it is ${kind === 'null' || kind === 'an array' ? kind : `a ${kind}`}; the attribute takes a ${a.valueType}`);
  if (typeof value !== a.valueType) return refuse(`it is a ${typeof value}, the attribute takes a ${a.valueType}`);
  if (typeof value === 'number' && !Number.isFinite(value)) return refuse('it is not a finite number');
  return undefined;
}

/** Step limits: writable, of the attribute's type (no coercion), inside min and max, a defined state. */
export function checkLimits(a: WriteAttribute, value: unknown): CausewayError | undefined {
  if (!a.writable) return new CausewayError('CW_WRITE_NOT_WRITABLE', { step: 'limits', path: a.path });
  const bad = checkValue(a, value);
  if (bad) return bad;
  const refuse = (problem: string) => new CausewayError('CW_WRITE_OUT_OF_LIMITS', { step: 'limits', path: a.path, problem });
  if (typeof value === 'string' && value.length > 1024) return refuse('it is longer than 1024 characters');
  if (typeof value === 'number') {
    if (a.min !== undefined && value < a.min) return refuse(`${value} is below the minimum ${a.min}`);
    if (a.max !== undefined && value > a.max) return refuse(`${value} is above the maximum ${a.max}`);
    if (a.type === 'state' && a.states && !Object.hasOwn(a.states, String(value))) return refuse(`${value} is not one of the states ${Object.keys(a.states).join(', ')}`);
    if (a.type === 'counter') return refuse('a counter is not set from outside');
  }
  return undefined;
}

/** Step approval: a second person, other than the requester, with approve in the zone and subtree. */
export function checkApprover(approver: { id: string; subject: Subject }, w: { id: string; path: string; zone: string; requester: { id: string } }): CausewayError | undefined {
  const refuse = (problem: string) => new CausewayError('CW_WRITE_APPROVAL_REFUSED', { step: 'approval', id: w.id, problem });
  if (approver.id === w.requester.id) return refuse('the requester cannot approve their own write; a second person must');
  if (!can(approver.subject, 'approve', { zone: w.zone, path: w.path })) return refuse(`your account may not approve writes in zone ${w.zone}`);
  return undefined;
}

/** The step a write refusal names, if it is one. */
export function stepOf(err: CausewayError): WriteStep | undefined {
  const step = (err.params as Record<string, unknown>).step;
  return typeof step === 'string' ? (step as WriteStep) : undefined;
}
