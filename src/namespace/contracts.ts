/**
 * Data contracts: a template with a version promises its consumers each attribute's type, range
 * and unit, and that required attributes are present. checkSample() is the pure check of one
 * sample against those terms; the sink gate quarantines what it rejects.
 */
import type { AttributeConfig, AttributeType } from '../config/schema.js';
import type { Sample } from '../core/sample.js';

export const CONTRACT_REASONS = ['type_mismatch', 'out_of_range', 'unit_mismatch', 'missing_required'] as const;
export type ContractReason = (typeof CONTRACT_REASONS)[number];

/** Why a sample breaks its contract. */
export interface Violation {
  reason: ContractReason;
  problem: string;
}

/** What a contract promises of one attribute. */
export interface AttributeTerms {
  type: AttributeType;
  unit?: string;
  min?: number;
  max?: number;
  states?: Record<string, string>;
  required?: boolean;
}

export interface ContractTerms {
  template: string;
  version: number;
  /** How old a required attribute's value may be, relative to the sample, in ms. */
  windowMs: number;
  attributes: ReadonlyMap<string, AttributeTerms>;
}

/** What the check knows around one sample. */
export interface SampleContext {
  /** The attribute's name within its asset. */
  attribute: string;
  /** The unit the value arrived in, as far as the hub knows it (undefined: unknown). */
  deliveredUnit: string | undefined;
  /** The newest sample of another attribute of the same asset. */
  latest(name: string): Sample | undefined;
}

/** The terms of one attribute, from its config. */
export function termsOf(a: AttributeConfig): AttributeTerms {
  return {
    type: a.type,
    ...(a.unit !== undefined ? { unit: a.unit } : {}),
    ...(a.min !== undefined ? { min: a.min } : {}),
    ...(a.max !== undefined ? { max: a.max } : {}),
    ...(a.states ? { states: a.states } : {}),
    ...(a.required ? { required: true } : {}),
  };
}

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : String(v);
}

function typeProblem(value: Sample['value'], t: AttributeTerms): string | undefined {
  const expected = t.type === 'boolean' ? 'boolean' : t.type === 'string' ? 'string' : 'number';
  if (typeof value !== expected) return `${show(value)} is not a ${t.type}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return `${value} is not a finite number`;
  if (t.type === 'state' && t.states && !Object.hasOwn(t.states, String(value))) return `${value} is not one of the state codes ${Object.keys(t.states).join(', ')}`;
  if (t.type === 'counter' && (value as number) < 0) return `the counter value ${String(value)} is negative`;
  return undefined;
}

function rangeProblem(value: number, t: AttributeTerms): string | undefined {
  if (t.min !== undefined && value < t.min) return `${value} is below the minimum ${t.min}${t.unit ? ` ${t.unit}` : ''}`;
  if (t.max !== undefined && value > t.max) return `${value} is above the maximum ${t.max}${t.unit ? ` ${t.unit}` : ''}`;
  return undefined;
}

function missingRequired(sample: Sample, terms: ContractTerms, ctx: SampleContext): string | undefined {
  for (const [name, t] of terms.attributes) {
    if (!t.required || name === ctx.attribute) continue;
    const other = ctx.latest(name);
    if (!other) return `the required attribute ${name} has no value`;
    if (other.quality === 'bad') return `the required attribute ${name} has bad quality`;
    if (sample.ts - other.ts > terms.windowMs) return `the required attribute ${name} has no value within ${terms.windowMs / 1000} s of this sample`;
  }
  return undefined;
}

/**
 * Check one sample of an attribute covered by the contract, in this order: type (and state code),
 * unit, range, required attributes of the same asset. Undefined when it keeps the contract.
 */
export function checkSample(sample: Sample, terms: ContractTerms, ctx: SampleContext): Violation | undefined {
  const t = terms.attributes.get(ctx.attribute);
  if (!t) return { reason: 'type_mismatch', problem: `the contract has no attribute ${ctx.attribute}` };
  const typeIssue = typeProblem(sample.value, t);
  if (typeIssue) return { reason: 'type_mismatch', problem: typeIssue };
  if (t.unit !== undefined && ctx.deliveredUnit !== t.unit) {
    const problem = ctx.deliveredUnit === undefined ? `its unit is not known (the source tag declares none); the contract requires ${t.unit}` : `it arrives in ${ctx.deliveredUnit}; the contract requires ${t.unit}`;
    return { reason: 'unit_mismatch', problem };
  }
  const rangeIssue = typeof sample.value === 'number' ? rangeProblem(sample.value, t) : undefined;
  if (rangeIssue) return { reason: 'out_of_range', problem: rangeIssue };
  const missing = missingRequired(sample, terms, ctx);
  return missing ? { reason: 'missing_required', problem: missing } : undefined;
}
