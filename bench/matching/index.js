/**
 * Matching 10,000 assets against 3,000 advisories. The advisories come from the real CISA CSAF set
 * of 2023 (380 documents, read by the hub's CSAF reader) and are replicated to
 * 3,000: each copy changes the vendor's spelling (legal suffix, case), appends a release word to
 * every product name and shifts the first number of every version text, so copies are distinct
 * products for the matcher. Assets take real vendor/product names (with the vendor spelled as
 * devices report it), versions inside and outside the advisory's range, some with no version, some
 * of vendors no advisory names. Prints seconds (index build and matching, best of BENCH_RUNS),
 * findings by verdict, assets per second, and the load average.
 * `npm run bench:matching`, or `node bench/matching/index.js` after `npx tsc -p tsconfig.build.json`;
 * BENCH_ASSETS (10000), BENCH_ADVISORIES (3000), BENCH_RUNS (3), CSAF_DIR.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { defaultCsafDir, readFolder } from './csaf-folder.js';
import { buildAdvisoryIndex, matchAsset, parseVersion, inRange, readProductVersion } from '../../dist/inventory/match/index.js';

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const ASSETS = num('BENCH_ASSETS', 10_000);
const ADVISORIES = num('BENCH_ADVISORIES', 3000);
const RUNS = num('BENCH_RUNS', 3);

let seed = 11;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(rnd() * list.length)];

const VENDOR_SPELLINGS = [(v) => v, (v) => `${v.trim()} Inc.`, (v) => v.toUpperCase(), (v) => `${v.trim()} GmbH`, (v) => ` ${v.toLowerCase()} `, (v) => `${v.trim()}, Ltd.`, (v) => `${v.trim()} AG`];

/** Copy k of an advisory: other vendor spelling, product names with a release word, versions shifted. */
function replicate(a, k) {
  const shift = (t) => t?.replace(/\d+/, (d) => String(Number(d) + k * 10));
  return {
    ...a,
    id: `${a.id}-copy${k}`,
    products: a.products.map((p) => ({
      ...p,
      vendor: VENDOR_SPELLINGS[k % VENDOR_SPELLINGS.length](p.vendor),
      product: `${p.product} Release${k}`,
      fullName: `${p.fullName} Release${k}`,
      version: shift(p.version),
      modelNumbers: p.modelNumbers?.map((m) => `${m}-R${k}`),
    })),
  };
}

function advisories() {
  const real = readFolder(defaultCsafDir());
  const out = [...real];
  for (let k = 1; out.length < ADVISORIES; k++) for (const a of real) if (out.length < ADVISORIES) out.push(replicate(a, k));
  return { real: real.length, all: out };
}

/** A version inside (or outside) the product's range, checked with the matcher's own range reader. */
function versionFor(p, inside) {
  const r = readProductVersion(p).range;
  if (!r.ok) return { version: '1.0', kind: 'range not understood' };
  if (r.all) return { version: '1.0', kind: 'range of all versions' };
  const cands = [];
  for (const c of r.constraints ?? []) {
    const raw = c.version.raw.trim();
    cands.push(raw, raw.replace(/\d+(?=\D*$)/, (d) => String(Math.max(0, Number(d) - 1))), raw.replace(/\d+/, (d) => String(Number(d) + 1)));
  }
  cands.push('0.1', '1.0', '99.9');
  for (const v of cands) {
    const pv = parseVersion(v);
    if (pv && inRange(r, pv) === inside) return { version: v, kind: inside ? 'in range' : 'out of range' };
  }
  return { version: '1.0', kind: 'no version found' };
}

function assets(advs) {
  const products = advs.flatMap((a) => a.products.filter((p) => a.vulnerabilities.some((v) => Object.values(v.status).some((ids) => ids?.includes(p.productId)))));
  const kinds = {};
  const out = [];
  for (let i = 0; i < ASSETS; i++) {
    const r = rnd();
    if (r < 0.05) {
      out.push({ id: `a${i}`, vendor: 'Acme Process Controls', product: `Widget ${i % 40}`, version: '1.2.3' });
      kinds['vendor in no advisory'] = (kinds['vendor in no advisory'] ?? 0) + 1;
      continue;
    }
    const p = pick(products);
    const asset = { id: `a${i}`, vendor: pick(VENDOR_SPELLINGS)(p.vendor), product: p.product.trim() };
    if (p.modelNumbers?.length && rnd() < 0.5) asset.model = p.modelNumbers[0];
    let kind = 'version unknown';
    if (r > 0.12) {
      const v = versionFor(p, r < 0.55);
      asset.version = v.version;
      kind = v.kind;
    }
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    out.push(asset);
  }
  return { assets: out, kinds };
}

function once(advs, list) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const index = buildAdvisoryIndex(advs);
  const t1 = performance.now();
  const byVerdict = { affected: 0, 'possibly-affected': 0 };
  for (const a of list) for (const f of matchAsset(index, a)) byVerdict[f.verdict]++;
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  return { build: (t1 - t0) / 1000, match: (t2 - t1) / 1000, cpu: (cpu.user + cpu.system) / 1e6, byVerdict, products: index.products };
}

const { real, all } = advisories();
const { assets: list, kinds } = assets(all);
console.log(`advisories: ${all.length} (${real} real CISA CSAF 2023 documents, replicated with changed vendor spelling, product names and version texts to reach ${all.length})`);
console.log(`assets: ${list.length} (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ')})`);
let best;
let first;
for (let i = 0; i < RUNS; i++) {
  const r = once(all, list);
  first ??= r;
  if (!best || r.build + r.match < best.build + best.match) best = r;
}
const total = best.build + best.match;
console.log(`indexed products: ${best.products}`);
console.log(`findings: ${best.byVerdict.affected + best.byVerdict['possibly-affected']} (${best.byVerdict.affected} affected, ${best.byVerdict['possibly-affected']} possibly affected)`);
console.log(`seconds: ${total.toFixed(3)} (index ${best.build.toFixed(3)}, matching ${best.match.toFixed(3)}), best of ${RUNS}`);
console.log(`CPU seconds of that run: ${best.cpu.toFixed(3)} (on a loaded machine the wall clock counts time spent waiting for a core); first run ${(first.build + first.match).toFixed(3)} s wall, ${first.cpu.toFixed(3)} s CPU (cold: the name and range memos empty)`);
console.log(`assets/s: ${Math.round(list.length / best.match)} (matching only), ${Math.round(list.length / total)} (with the index build)`);
console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores), node ${process.version}`);
