/**
 * Versions as OT vendors write them: numeric dotted (`4.3.8`, `5.008`), with a prefix (`V2.9`,
 * `Firmware_6.62`, `FW 3.1`, `Rev. 2`), letters (`V2.3a`, `R16A`, `1.29F`), qualifiers (`V5.5 SP1`,
 * `V17 Update 6`, `6.9.2 CU01`, `V6.1 HF2`) and build suffixes (`3.2.30_build221223`). A version
 * is cut into segments — runs of digits and runs of letters — and compared segment by segment.
 */

/** One run of digits (kept as text, compared as a number of any length) or of letters (lower case). */
export type Segment = { n: string } | { s: string };

export interface Version {
  /** The text as given. */
  raw: string;
  segments: Segment[];
}

/** Words that mark a release before the one without them (`5.0 beta` < `5.0`). */
const PRE_RELEASE = new Set(['alpha', 'beta', 'rc', 'pre', 'preview', 'dev', 'snapshot']);

/** Prefixes that name the kind of version, not the version: stripped before cutting. */
const PREFIX = /^(?:(?:firmware|software|version|release|revision|rev|fw|sw|ver|build)(?:[\s_.:-]*)(?=[v\d])|v(?=\d))/i;

/** Cut a version text into segments; `undefined` when it holds no digit at all and no letters. */
export function parseVersion(text: string): Version | undefined {
  let t = text.trim().replace(/[.,;]+$/, '');
  for (let i = 0; i < 3; i++) {
    const next = t.replace(PREFIX, '').trim();
    if (next === t) break;
    t = next.replace(/^v(?=\d)/i, '');
  }
  // A label before the version proper (`IR302 3.5.56`, `QRTB_2.12.7`, `CPCI85 V05.11`) is set aside.
  const core = /[\s_/-]v?\d/i.exec(t);
  if (core && !/^v?\d/i.test(t)) t = t.slice(core.index + 1).replace(/^v(?=\d)/i, '');
  const segments: Segment[] = [];
  const re = /(\d+)|([a-z]+)/gi;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (m[1] !== undefined) segments.push({ n: m[1].replace(/^0+(?=\d)/, '') });
    else segments.push({ s: m[2]!.toLowerCase() });
  }
  if (segments.length === 0) return undefined;
  return { raw: text, segments };
}

function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function isNum(s: Segment): s is { n: string } {
  return 'n' in s;
}

/** A segment against the end of the other version: pre-release words sort before, all else after. */
function againstEnd(s: Segment): number {
  return !isNum(s) && PRE_RELEASE.has(s.s) ? -1 : 1;
}

/**
 * Compare two versions: -1, 0 or 1. Numbers compare as numbers (`5.028` > `5.008`, `10` > `9`),
 * letters alphabetically (`R16A` < `R16B`), a letter run sorts before a number at the same place
 * (`5.5 SP1` < `5.5.1`), and a longer version is later unless what it adds is a pre-release word.
 */
export function compareVersions(a: Version, b: Version): number {
  const x = a.segments;
  const y = b.segments;
  const len = Math.min(x.length, y.length);
  for (let i = 0; i < len; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (isNum(p) && isNum(q)) {
      const c = compareDigits(p.n, q.n);
      if (c !== 0) return c;
    } else if (!isNum(p) && !isNum(q)) {
      if (p.s !== q.s) return p.s < q.s ? -1 : 1;
    } else {
      return isNum(p) ? 1 : -1;
    }
  }
  if (x.length === y.length) return 0;
  return x.length > y.length ? againstEnd(x[len]!) : -againstEnd(y[len]!);
}

/** True when `v` starts with every segment of `prefix` (`15.1.2` starts with `15`). */
export function hasPrefix(v: Version, prefix: Version): boolean {
  if (prefix.segments.length > v.segments.length) return false;
  return prefix.segments.every((p, i) => {
    const q = v.segments[i]!;
    return isNum(p) ? isNum(q) && compareDigits(p.n, q.n) === 0 : !isNum(q) && q.s === p.s;
  });
}

/** The version one up at the last segment (`6` → `7`, `3.0` → `3.1`): the end of a `6.x` range. */
export function nextAtLast(v: Version): Version | undefined {
  const last = v.segments[v.segments.length - 1];
  if (!last || !isNum(last)) return undefined;
  const bumped = (BigInt(last.n) + 1n).toString();
  return { raw: v.raw.replace(/\d+(?=\D*$)/, bumped), segments: [...v.segments.slice(0, -1), { n: bumped }] };
}
