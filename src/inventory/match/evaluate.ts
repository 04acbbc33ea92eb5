/**
 * One matched product's status for one vulnerability, against the asset's version: affected,
 * fixed, not affected, out of range, or possibly affected (version unknown, range text not
 * understood, under investigation), each with the sentence that says so.
 */
import type { ProductStatus } from '../types.js';
import type { ProductEntry } from './advisory-index.js';
import type { ProductRule } from './product-match.js';
import { inRange, parseRange, type Constraint, type ParsedRange } from './ranges.js';
import { compareVersions, parseVersion, type Version } from './version.js';

export type Outcome = 'affected' | 'possibly' | 'fixed' | 'not-affected' | 'out' | 'ignored';

export interface Evaluation {
  outcome: Outcome;
  /** How the range was read and how the version compared. */
  versionReason: string;
  possiblyReason?: string;
}

const AFFECTED: ProductStatus[] = ['known_affected', 'first_affected', 'last_affected'];

/** The range the entry is judged by, and the text and way it was read. */
function rangeOf(e: ProductEntry, rule: ProductRule): { range: ParsedRange; text: string; how: string } {
  if (e.version.source === 'none' && rule.identifierVersion) {
    return { range: parseRange(rule.identifierVersion), text: rule.identifierVersion, how: `the version in the advisory's ${rule.rule}` };
  }
  const v = e.version;
  const how = v.source === 'full name'
    ? `the product's full name (the branch text "${e.product.version}" is not understood: ${v.branchFailure})`
    : v.source === 'none' ? 'the product tree (no version branch)' : `the ${e.product.versionKind ?? 'version'} branch`;
  return { range: v.range, text: v.text, how };
}

function bound(cs: Constraint[], pick: 'low' | 'high'): Version | undefined {
  const ops = pick === 'low' ? ['=', '>=', '>'] : ['=', '<=', '<'];
  const vs = cs.filter((c) => ops.includes(c.op)).map((c) => c.version).sort(compareVersions);
  return pick === 'low' ? vs[0] : vs[vs.length - 1];
}

/** The version the asset is judged by: its identifier's when the rule gave one, else its own. */
export function assetVersion(asset: { version?: string }, parsed: Version | undefined, rule: ProductRule): { v?: Version; text: string; field: string } {
  if (rule.assetIdentifierVersion) {
    const v = parseVersion(rule.assetIdentifierVersion);
    if (v) return { v, text: rule.assetIdentifierVersion, field: rule.rule === 'CPE' ? 'cpe' : 'purl' };
  }
  return parsed ? { v: parsed, text: asset.version!, field: 'version' } : { text: '', field: 'version' };
}

/** Evaluate one status of one matched product against the asset's version. */
export function evaluate(status: ProductStatus, e: ProductEntry, rule: ProductRule, av: { v?: Version; text: string; field: string }): Evaluation {
  if (status === 'recommended') return { outcome: 'ignored', versionReason: '' };
  const { range, text, how } = rangeOf(e, rule);
  if (!range.ok) {
    const why = `the advisory's version text '${text}' is not understood (${range.why})`;
    return { outcome: status === 'known_not_affected' || status === 'fixed' || status === 'first_fixed' ? 'ignored' : 'possibly', versionReason: why, possiblyReason: why };
  }
  const read = `the advisory's version text ${text ? `"${text}"` : '(none)'} from ${how} is read as ${range.reading}${range.all ? '' : ` (${range.form})`}${range.note ? `; ${range.note}` : ''}`;
  if (!av.v) {
    if (range.all && status !== 'under_investigation') {
      const word = status === 'known_not_affected' ? 'not-affected' : AFFECTED.includes(status) ? 'affected' : 'fixed';
      return { outcome: word, versionReason: `${read}, which covers any version (the asset's version is unknown)` };
    }
    const why = "the asset's version is unknown";
    return { outcome: AFFECTED.includes(status) || status === 'under_investigation' ? 'possibly' : 'ignored', versionReason: `${read}; ${why}`, possiblyReason: why };
  }
  const asset = `the asset's ${av.field} "${av.text}"`;
  let within: boolean;
  let relation: string;
  if (status === 'first_affected' || status === 'first_fixed' || status === 'fixed') {
    const low = range.all ? undefined : bound(range.constraints, 'low');
    within = low ? compareVersions(av.v, low) >= 0 : inRange(range, av.v);
    relation = low ? (within ? `is at or above ${low.raw}` : `is below ${low.raw}`) : within ? 'is within' : 'is outside';
  } else if (status === 'last_affected') {
    const high = range.all ? undefined : bound(range.constraints, 'high');
    within = high ? compareVersions(av.v, high) <= 0 : inRange(range, av.v);
    relation = high ? (within ? `is at or below ${high.raw}` : `is above ${high.raw}`) : within ? 'is within' : 'is outside';
  } else {
    within = inRange(range, av.v);
    relation = within ? 'is within' : 'is outside';
  }
  const versionReason = `${read}; ${asset} ${relation}`;
  if (!within) return { outcome: 'out', versionReason };
  switch (status) {
    case 'known_not_affected': return { outcome: 'not-affected', versionReason };
    case 'fixed': case 'first_fixed': return { outcome: 'fixed', versionReason };
    case 'under_investigation': return { outcome: 'possibly', versionReason, possiblyReason: 'the vendor is still investigating whether this product is affected (under_investigation)' };
    default: return { outcome: 'affected', versionReason };
  }
}
