/**
 * CPE 2.3 formatted strings and package URLs from `product_identification_helper`, read and
 * compared with an asset's own CPE or PURL. CPE attributes follow the CPE name-matching rules in
 * their common form: `*` (ANY) matches anything, `-` (NA) only `-`, `*` and `?` inside a value are
 * wildcards, comparison ignores case.
 */

export const CPE_FIELDS = ['part', 'vendor', 'product', 'version', 'update', 'edition', 'language', 'sw_edition', 'target_sw', 'target_hw', 'other'] as const;
export type Cpe = Record<(typeof CPE_FIELDS)[number], string>;

/** `cpe:2.3:a:vendor:product:1.0:*:…` → its eleven attributes; `undefined` when malformed. */
export function parseCpe(s: string): Cpe | undefined {
  const t = s.trim();
  if (!/^cpe:2\.3:/i.test(t)) return undefined;
  const parts: string[] = [];
  let cur = '';
  for (let i = 'cpe:2.3:'.length; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\\' && i + 1 < t.length) { cur += t[i + 1]; i++; } else if (c === ':') { parts.push(cur); cur = ''; } else cur += c;
  }
  parts.push(cur);
  if (parts.length !== CPE_FIELDS.length) return undefined;
  const out = {} as Cpe;
  CPE_FIELDS.forEach((f, i) => { out[f] = parts[i]!.toLowerCase(); });
  return out;
}

function globMatch(pattern: string, value: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === value;
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(value);
}

/** One attribute of the advisory's CPE against the asset's. */
function attrMatches(adv: string, asset: string): boolean {
  if (adv === '*' || adv === '') return true;
  if (adv === '-') return asset === '-';
  if (asset === '*' || asset === '') return false;
  return globMatch(adv, asset);
}

export interface CpeMatch {
  /** Every attribute but the version matched. */
  matched: boolean;
  /** The advisory's CPE names a version (not `*` or `-`): the caller compares it. */
  advisoryVersion?: string;
  /** The attributes that differ, for the reasons. */
  differs: string[];
}

/** Compare all attributes but the version; the version is left to the range logic. */
export function matchCpe(advisory: Cpe, asset: Cpe): CpeMatch {
  const differs = CPE_FIELDS.filter((f) => f !== 'version' && !attrMatches(advisory[f], asset[f]));
  const v = advisory.version;
  const out: CpeMatch = { matched: differs.length === 0, differs };
  if (v !== '*' && v !== '-' && v !== '') out.advisoryVersion = v;
  return out;
}

export interface Purl {
  type: string;
  namespace: string;
  name: string;
  version?: string;
}

/** `pkg:type/namespace/name@version?qualifiers#subpath` → its parts; `undefined` when malformed. */
export function parsePurl(s: string): Purl | undefined {
  const m = /^pkg:([a-z0-9.+-]+)\/(.+?)(?:@([^?#]+))?(?:\?[^#]*)?(?:#.*)?$/i.exec(s.trim());
  if (!m) return undefined;
  const segs = m[2]!.split('/').map((x) => decodeURIComponent(x)).filter(Boolean);
  const name = segs.pop();
  if (!name) return undefined;
  const out: Purl = { type: m[1]!.toLowerCase(), namespace: segs.join('/').toLowerCase(), name: name.toLowerCase() };
  if (m[3]) out.version = decodeURIComponent(m[3]);
  return out;
}

/** The key a PURL is indexed by: type, namespace and name. */
export function purlKey(p: Purl): string {
  return `${p.type}/${p.namespace}/${p.name}`;
}
