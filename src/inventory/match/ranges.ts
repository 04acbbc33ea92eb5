/**
 * Version ranges as advisories write them, read into comparator constraints: the `vers:` spec of
 * package-url (`vers:intdot/>=1.0|<2.0`, and the `vers:all/…` CISA writes, which is read as
 * `generic`), bare comparator lists (`< 8.0.10`, `<=Firmware_6.62`, `>= V7.80 < V9.30`,
 * `>=1.220|<=1.281`), and the free-text forms (`V2.0 and prior`, `All versions`, `versions prior
 * to 3.2`, `before 2.1`, `1.4 and earlier`, `6.1 through 6.4`, `V28 - V32`, `6.x`). What cannot
 * be read says why; the matcher turns that into "possibly affected", never into silence.
 */
import { memo } from './memo.js';
import { compareVersions, hasPrefix, nextAtLast, parseVersion, type Version } from './version.js';

export type Op = '<' | '<=' | '>' | '>=' | '=' | '!=';

export interface Constraint {
  op: Op;
  version: Version;
}

export type ParsedRange =
  | { ok: true; all: boolean; constraints: Constraint[]; form: string; reading: string; note?: string }
  | { ok: false; text: string; why: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A version text, with `6.x` wildcards and `April/20/2023` dates; a reason when it is no version. */
function versionOf(text: string): Version | string {
  const t = text.trim().replace(/[.,;]+$/, '');
  if (!t) return 'a comparator without a version';
  if (/serial/i.test(t)) return 'serial numbers, not versions';
  if (/\*|\d[x]{3,}|(?:^|[.\s_-])x{2,}(?:[.\s_-]|$)/i.test(t)) return `the wildcard pattern '${t}'`;
  if (/\s(with|on|or|and)\s/i.test(` ${t} `)) return `the condition in '${t}'`;
  const date = /^([a-z]+)[/ -](\d{1,2})[/, -]+(\d{4})$/i.exec(t);
  if (date && MONTHS.includes(date[1]!.toLowerCase())) {
    const m = MONTHS.indexOf(date[1]!.toLowerCase()) + 1;
    return parseVersion(`${date[3]}.${String(m).padStart(2, '0')}.${date[2]!.padStart(2, '0')}`)!;
  }
  return parseVersion(t) ?? `'${t}' holds no version`;
}

const OP_WORDS: Record<Op, string> = { '<': 'below', '<=': 'up to and including', '>': 'above', '>=': 'from', '=': 'exactly', '!=': 'except' };

/** `6.x` under an operator: the constraints it stands for. */
function withWildcard(op: Op, text: string): Constraint[] | string {
  const w = /^(.*?)[.]?[xX]$/.exec(text.trim());
  if (!w || !/\d/.test(w[1]!) || /\s/.test(w[1]!)) {
    const v = versionOf(text);
    return typeof v === 'string' ? v : [{ op, version: v }];
  }
  const base = versionOf(w[1]!);
  if (typeof base === 'string') return base;
  const next = nextAtLast(base);
  if (!next) return `the wildcard '${text}'`;
  switch (op) {
    case '=': return [{ op: '>=', version: base }, { op: '<', version: next }];
    case '>=': return [{ op: '>=', version: base }];
    case '<=': return [{ op: '<', version: next }];
    case '<': return [{ op: '<', version: base }];
    case '>': return [{ op: '>=', version: next }];
    default: return [{ op, version: base }];
  }
}

/** A list of comparator constraints: `|`-separated, comparators possibly run together (`>=V5.4<V5.5 SP1`). */
export function parseConstraints(text: string): Constraint[] | string {
  const out: Constraint[] = [];
  const t = text.replace(/=</g, '<=').replace(/=>/g, '>=');
  for (const part of t.split('|')) {
    const p = part.trim();
    if (!p) return 'an empty constraint';
    const pieces = p.split(/(?=<=|>=|!=|<(?!=)|>(?!=)|(?<![<>!])=)/).map((s) => s.trim()).filter(Boolean);
    for (const piece of pieces) {
      const m = /^(<=|>=|!=|<|>|=)?\s*(.*)$/s.exec(piece)!;
      if (!m[1] && pieces.length > 1) return `'${piece}' before a comparator`;
      const got = withWildcard((m[1] ?? '=') as Op, m[2]!);
      if (typeof got === 'string') return got;
      out.push(...got);
    }
  }
  return out;
}

/**
 * `v` equals `c`, or `c` is written to fewer places and begins `v`: advisories write "firmware
 * version V32" and "V28 - V32" for every 32.x, so `=` and `<=` cover the sub-versions.
 */
function sameOrWithin(v: Version, c: Version): boolean {
  return compareVersions(v, c) === 0 || (c.segments.length < v.segments.length && hasPrefix(v, c));
}

/** Whether `v` is within the constraints, by the containment algorithm of the vers spec. */
export function inRange(range: { all: boolean; constraints: Constraint[] }, v: Version): boolean {
  if (range.all) return true;
  let onlyNotEqual = range.constraints.length > 0;
  for (const c of range.constraints) {
    if (c.op === '=' && sameOrWithin(v, c.version)) return true;
    if (c.op === '!=' && sameOrWithin(v, c.version)) return false;
    if (c.op !== '!=') onlyNotEqual = false;
  }
  if (onlyNotEqual) return true;
  const rest = range.constraints.filter((c) => c.op !== '=' && c.op !== '!=')
    .sort((a, b) => compareVersions(a.version, b.version));
  const sat = (c: Constraint) => {
    const cmp = compareVersions(v, c.version);
    return c.op === '<' ? cmp < 0 : c.op === '<=' ? cmp <= 0 || sameOrWithin(v, c.version) : c.op === '>' ? cmp > 0 : cmp >= 0;
  };
  for (let i = 0; i < rest.length; i++) {
    const cur = rest[i]!;
    const low = cur.op === '>' || cur.op === '>=';
    if (i === 0 && !low && sat(cur)) return true;
    if (i === rest.length - 1 && low && sat(cur)) return true;
    const next = rest[i + 1];
    if (next && low && (next.op === '<' || next.op === '<=') && sat(cur) && sat(next)) return true;
  }
  return false;
}

/** Plain words for the constraints (`from 7.80 and below 9.40`). */
export function describe(constraints: Constraint[]): string {
  return constraints.map((c) => `${OP_WORDS[c.op]} ${c.version.raw.trim()}`).join(', ');
}

function ok(constraints: Constraint[] | string, form: string, text: string, note?: string): ParsedRange {
  if (typeof constraints === 'string') return { ok: false, text, why: constraints };
  const r: ParsedRange = { ok: true, all: false, constraints, form, reading: describe(constraints) };
  if (note) r.note = note;
  return r;
}

/** Free-text sentence forms, tried in order; `X`/`Y` are version texts. */
const SENTENCES: { re: RegExp; form: string; build: (m: RegExpExecArray) => string }[] = [
  { re: /^(?:prior to|before|earlier than|older than|lower than|below|less than)\s+(.+)$/i, form: 'prior to X', build: (m) => `<${m[1]}` },
  { re: /^(.+?)\s+(?:and|or)\s+(?:prior|earlier|older|before|lower|below)(?:\s+versions?)?$/i, form: 'X and prior', build: (m) => `<=${m[1]}` },
  { re: /^(.+?)\s+(?:and|or)\s+(?:later|newer|higher|above|after)(?:\s+versions?)?$/i, form: 'X and later', build: (m) => `>=${m[1]}` },
  { re: /^(?:up to and including|up to|through|until)\s+(.+)$/i, form: 'up to X', build: (m) => `<=${m[1]}` },
  { re: /^(?:from|since|starting with|starting from)\s+(.+)$/i, form: 'from X', build: (m) => `>=${m[1]}` },
  { re: /^(>=?)\s*(.+?)\s*-?\s*but not including\s+(.+)$/i, form: 'X but not including Y', build: (m) => `${m[1]}${m[2]}|<${m[3]}` },
  { re: /^(>=?|=)?\s*(\S+)\s+(?:through|thru|to|until|up to and including)\s+(\S+)$/i, form: 'X through Y', build: (m) => `${m[1] ?? '>='}${m[2]}|<=${m[3]}` },
  { re: /^([^\s<>=|]+)(?:\s+-\s*|\s*-\s+)([^\s<>=|]+)$/, form: 'X - Y', build: (m) => `>=${m[1]}|<=${m[2]}` },
  { re: /^([^\s<>=|]+)\s+and\s+([^\s<>=|]+)$/i, form: 'X and Y', build: (m) => `${m[1]}|${m[2]}` },
];

/** Leading words that say "version" without adding meaning. */
const LEAD = /^(?:and\s+)?(?:all\s+)?(?:(?:firmware|software|bios|hardware)\s+)?(?:versions?|releases?|revisions?)?\s*(?::\s*)?/i;

/** Read one range or version text from an advisory (memoized: the result is shared, do not change it). */
export const parseRange: (input: string) => ParsedRange = memo(readRange);

function readRange(input: string): ParsedRange {
  let t = input.replace(/\s+/g, ' ').trim();
  if (!t) return { ok: false, text: input, why: 'the text is empty' };
  const whole = /^\((.*)\)$/.exec(t);
  if (whole) t = whole[1]!.trim();
  const notes: string[] = [];
  t = t.replace(/\s*\(([^)]*)\)/g, (_m, q: string) => { notes.push(`(${q})`); return ''; }).trim();
  const note = notes.length ? `the qualifier ${notes.join(' ')} is not evaluated` : undefined;
  t = t.replace(/_(up_to_and_including|through|to)_/gi, (_m, w: string) => ` ${w.replace(/_/g, ' ')} `);

  const vers = /^vers:([a-z0-9.+-]+)\/(.*)$/i.exec(t);
  if (vers) {
    const scheme = vers[1]!.toLowerCase();
    const form = `vers:${scheme}`;
    if (vers[2]!.trim() === '*') return { ok: true, all: true, constraints: [], form, reading: 'all versions' };
    const r = ok(parseConstraints(vers[2]!), form, input, note);
    if (r.ok && scheme === 'all') r.reading += ' (scheme "all" read as generic)';
    return r;
  }
  if (/^(?:all(?: versions?)?|\*|any|all (?:firmware|software) versions?)$/i.test(t)) {
    return { ok: true, all: true, constraints: [], form: 'all versions', reading: 'all versions' };
  }
  if (/\swith\s/i.test(` ${t} `)) return { ok: false, text: input, why: 'it names a condition on another component' };
  const lead = t.replace(LEAD, '').trim();
  for (const s of SENTENCES) {
    const m = s.re.exec(lead);
    if (m) return ok(parseConstraints(s.build(m)), s.form, input, note);
  }
  if (/^(<=|>=|=<|=>|!=|<|>|=)/.test(lead) || /\|/.test(lead)) return ok(parseConstraints(lead), 'comparators', input, note);
  if (!lead) return { ok: false, text: input, why: 'it holds no version' };
  return ok(withWildcard('=', lead), /x$/i.test(lead) ? 'X.x' : 'single version', input, note);
}
