/**
 * Vendor and product names, normalized so that what a device reports meets what an advisory
 * writes: case, spacing, punctuation and accents, legal suffixes (AG, GmbH, Inc., Corp., Co.,
 * Ltd., S.A., SE, LLC …), "a subsidiary of …" clauses, and the alias table. Every step that
 * changed a name is returned as a rule, so a finding can say how the names met.
 */
import { memo } from './memo.js';
import { VENDOR_ALIASES } from './vendor-aliases.js';
import { parseVersion, type Version } from './version.js';

/** Lower case, accents and punctuation gone, `&` as `and`, single spaces. */
export function normalizeText(s: string): string {
  // Most names are plain ASCII: skip the Unicode decomposition for them.
  if (/^[\x20-\x7e]*$/.test(s)) return s.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
  return s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\uFFFD/g, '')
    .toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Legal forms at the end of a company name, as word sequences after normalizeText. */
const LEGAL = ['ag', 'gmbh', 'mbh', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited',
  'sa', 's a', 'se', 'llc', 'l l c', 'plc', 'bv', 'b v', 'nv', 'n v', 'oy', 'oyj', 'ab', 'aktiebolag', 'spa', 's p a',
  'srl', 's r l', 'kg', 'kgaa', 'kk', 'pty', 'sp z o o', 'llp', 'lp', 'sas', 'sarl', 'as', 'asa', 'ltda', 'and']
  .map((s) => s.split(' ')).sort((a, b) => b.length - a.length);

export interface NameKey {
  /** The index key: normalized words without spaces (`controlbyweb`, `opto22`). */
  key: string;
  /** The name to show (`Siemens`, or the alias table's canonical name). */
  display: string;
  /** What changed the name, in words. */
  rules: string[];
}

function stripLegal(words: string[], rules: string[]): string[] {
  let w = words;
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of LEGAL) {
      if (w.length > suffix.length && suffix.every((s, i) => w[w.length - suffix.length + i] === s)) {
        if (suffix.join(' ') !== 'and') rules.push(`legal suffix "${suffix.join(' ')}" dropped`);
        w = w.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return w;
}

/** The generic rules only: parentheses, subsidiary clauses, case, punctuation, legal suffixes. */
function genericKey(raw: string, rules: string[]): string {
  let t = raw;
  const noParen = t.replace(/\([^)]*\)/g, ' ');
  if (noParen !== t) { rules.push('text in parentheses dropped'); t = noParen; }
  const noClause = t.replace(/,?\s+(?:a|an)\s+(?:subsidiary|affiliate|division|business|brand)\s+of\s+.*$/i, '');
  if (noClause !== t) { rules.push('"subsidiary of" clause dropped'); t = noClause; }
  const norm = normalizeText(t);
  if (norm !== t.trim()) rules.push('case, spacing and punctuation');
  return stripLegal(norm.split(' ').filter(Boolean), rules).join('');
}

interface AliasEntry { canonicalKey: string; canonical: string; from: string; lines?: { label: string; pattern: RegExp } }

const ALIASES = new Map<string, AliasEntry>();
for (const a of VENDOR_ALIASES) {
  const canonicalKey = genericKey(a.canonical, []);
  for (const name of a.names) {
    const k = genericKey(name, []);
    if (k !== canonicalKey) ALIASES.set(k, { canonicalKey, canonical: a.canonical, from: name, lines: a.productLines });
  }
}

/**
 * A vendor name's key. `productText` (the asset's product and model) decides aliases that hold
 * only for some product lines; without it (an advisory's own vendor) such aliases always apply.
 */
export function vendorKey(raw: string, productText?: string): NameKey {
  const base = vendorBase(raw);
  const alias = base.alias;
  if (!alias || (alias.lines && productText !== undefined && !alias.lines.pattern.test(productText))) return base.plain;
  const why = alias.lines && productText !== undefined ? ` for ${alias.lines.label}` : '';
  return { key: alias.canonicalKey, display: alias.canonical, rules: [...base.plain.rules, `alias: "${raw.trim()}" is "${alias.canonical}"${why}`] };
}

/** The generic rules' result and the alias entry for a raw vendor name (memoized). */
const vendorBase = memo((raw: string): { plain: NameKey; alias?: AliasEntry } => {
  const rules: string[] = [];
  const key = genericKey(raw, rules);
  const plain = { key, display: raw.trim(), rules };
  const alias = ALIASES.get(key);
  return alias ? { plain, alias } : { plain };
});

/** Words that name a kind of thing, not which one. */
const NOISE = new Set(['family', 'series', 'product', 'products', 'all', 'incl', 'including', 'related', 'variants',
  'discontinued', 'the', 'of', 'for', 'and', 'with']);

export interface ProductKey {
  /** Significant words, singular. */
  tokens: string[];
  /** The words joined by a space: equal keys are the same product. */
  key: string;
  /** Order and model numbers written in parentheses (`(6ES7510-1SJ00-0AB0)`), compacted. */
  orderNumbers: string[];
  /** A major version written into the name (`TIA Project-Server V16`). */
  nameVersion?: Version;
}

/** `6ES7 510-1SJ00` → `6ES75101SJ00`: model numbers compared without case, spaces and dashes. */
export function compactModel(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function singular(w: string): string {
  return w.length > 4 && /^[a-z]+s$/.test(w) && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/**
 * The product's words without the vendor's name in front (`Siemens SIMATIC …`, `Digi RealPort …`):
 * the whole name as written or as the alias table has it, else its first word, so that "Digi"
 * and "Digi International, Inc." strip the same.
 */
function withoutVendor(words: string[], vendor: string): string[] {
  const names = [normalizeText(vendor), normalizeText(vendorKey(vendor).display)].map((n) => n.split(' ').filter(Boolean));
  for (const v of names) {
    if (v.length && v.length < words.length && v.every((w, i) => words[i] === w)) return words.slice(v.length);
  }
  const first = names[1]![0];
  return first && words.length > 1 && words[0] === first ? words.slice(1) : words;
}

/** A product name's key; the vendor's own name at its start (`Siemens SIMATIC …`) is dropped. */
export function productKey(name: string, vendor?: string): ProductKey {
  return productKeyMemo(`${name}\u0000${vendor ?? ''}`);
}

const productKeyMemo = memo((k: string): ProductKey => {
  const [name, vendor] = k.split('\u0000') as [string, string];
  return readProduct(name, vendor || undefined);
});

function readProduct(name: string, vendor?: string): ProductKey {
  const orderNumbers: string[] = [];
  for (const m of name.matchAll(/\(([^)]*)\)/g)) {
    for (const part of m[1]!.split(/[,;/]|\s+and\s+/)) {
      const p = part.trim();
      if (/\d/.test(p) && /^[A-Za-z0-9][A-Za-z0-9 .-]{4,}$/.test(p) && !/\s/.test(p.replace(/ (?=\d)/g, ''))) orderNumbers.push(compactModel(p));
    }
  }
  let words = normalizeText(name.replace(/\([^)]*\)/g, ' ')).split(' ').filter(Boolean);
  if (vendor) words = withoutVendor(words, vendor);
  words = words.filter((w) => !NOISE.has(w)).map(singular);
  let nameVersion: Version | undefined;
  const last = words[words.length - 1];
  if (words.length >= 3 && last && /^v\d+$/.test(last)) {
    nameVersion = parseVersion(last);
    words = words.slice(0, -1);
  }
  const out: ProductKey = { tokens: words, key: words.join(' '), orderNumbers };
  if (nameVersion) out.nameVersion = nameVersion;
  return out;
}
