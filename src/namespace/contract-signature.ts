/**
 * Versioned templates are contracts: once a hub has run `Filler` version 2, that version's
 * attribute signature is stored under the data directory, and a later start whose `Filler`
 * version 2 differs incompatibly is refused, naming the attribute. Compatible changes (a new
 * attribute, a narrower range, a new description) are allowed and recorded. The store is
 * passed in, so this file does no I/O.
 */
import type { TemplateConfig } from '../config/schema.js';
import { CausewayError } from '../core/errors.js';
import { termsOf, type AttributeTerms } from './contracts.js';
import { resolveTemplateAttributes, versionOf, type TemplateMap } from './templates.js';

/** What a template version promises: each attribute's terms. */
export interface Signature {
  template: string;
  version: number;
  attributes: Record<string, AttributeTerms>;
}

/** Where signatures are kept, one text document per name (the runtime gives it the data directory). */
export interface SignatureStore {
  read(name: string): string | undefined;
  write(name: string, text: string): void;
  /** Where a name is kept, for messages. */
  where(name: string): string;
}

/** The signature of a template that has a version (its own or inherited); undefined otherwise. */
export function signatureOf(templates: TemplateMap, id: string): Signature | undefined {
  const version = versionOf(templates, id);
  if (version === undefined) return undefined;
  const attributes = Object.fromEntries(resolveTemplateAttributes(templates, id).map((a) => [a.name, termsOf(a)]));
  return { template: id, version, attributes };
}

function sameStates(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  return JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());
}

/** What changed in one attribute that a consumer relying on the old terms would trip over. */
function attributeChanges(name: string, was: AttributeTerms, now: AttributeTerms): string[] {
  const out: string[] = [];
  if (was.type !== now.type) out.push(`attribute ${name} changed type from ${was.type} to ${now.type}`);
  if (was.unit !== now.unit) out.push(`attribute ${name} changed unit from ${was.unit ?? 'none'} to ${now.unit ?? 'none'}`);
  if (was.min !== undefined && (now.min === undefined || now.min < was.min)) out.push(`attribute ${name} lowered its minimum from ${was.min} to ${now.min ?? 'none'}`);
  if (was.max !== undefined && (now.max === undefined || now.max > was.max)) out.push(`attribute ${name} raised its maximum from ${was.max} to ${now.max ?? 'none'}`);
  if (!sameStates(was.states, now.states)) out.push(`attribute ${name} changed its state codes`);
  if (was.required && !now.required) out.push(`attribute ${name} is no longer required`);
  return out;
}

/** The incompatible changes from `was` to `now`, one sentence each; empty when compatible. */
export function incompatibleChanges(was: Signature, now: Signature): string[] {
  const out: string[] = [];
  for (const [name, terms] of Object.entries(was.attributes)) {
    const current = now.attributes[name];
    if (!current) out.push(`attribute ${name} was removed`);
    else out.push(...attributeChanges(name, terms, current));
  }
  return out;
}

function parseSignature(text: string, where: string): Signature {
  try {
    const s = JSON.parse(text) as Signature;
    if (s && typeof s.attributes === 'object' && s.attributes !== null) return s;
  } catch {
    // reported below
  }
  throw new CausewayError('CW_RUNTIME_DATA_DIR', { dir: where, reason: 'the stored contract signature is not valid JSON; restore it from a backup, or delete it to accept the template as it is now' });
}

function fileName(s: Signature): string {
  return `${s.template}.v${s.version}.json`;
}

/**
 * Check every versioned template against its stored signature; store new and compatibly changed
 * ones. Throws CW_NAMESPACE_CONTRACT_CHANGED for the first template changed incompatibly.
 */
export function verifySignatures(templates: readonly TemplateConfig[], store: SignatureStore): void {
  const byId: TemplateMap = new Map(templates.map((t) => [t.id, t]));
  for (const t of templates) {
    const now = signatureOf(byId, t.id);
    if (!now) continue;
    const name = fileName(now);
    const text = store.read(name);
    const was = text === undefined ? undefined : parseSignature(text, store.where(name));
    const changes = was ? incompatibleChanges(was, now) : [];
    if (changes.length > 0) throw new CausewayError('CW_NAMESPACE_CONTRACT_CHANGED', { template: now.template, version: now.version, changes: changes.join('; '), file: store.where(name) });
    const next = `${JSON.stringify(now, null, 2)}\n`;
    if (text !== next) store.write(name, next);
  }
}
