/**
 * How many of the version texts of a CSAF set the matcher's range reader understands: every
 * `product_version_range` and `product_version` of every document (and, for those not understood,
 * the version tail of the product's full name, which the matcher tries next). Prints counts by form
 * and lists every text not understood with the reason.
 * `node bench/matching/ranges-coverage.js [folder]` after `npx tsc -p tsconfig.build.json`
 * (default folder ../shared/data/csaf/ot-2023, or CSAF_DIR).
 */
import { defaultCsafDir, readFolder } from './csaf-folder.js';
import { readProductVersion } from '../../dist/inventory/match/product-version.js';

const dir = process.argv[2] ?? defaultCsafDir();
const advisories = readFolder(dir);
const byKind = { product_version_range: { total: 0, ok: 0 }, product_version: { total: 0, ok: 0 } };
const forms = new Map();
const notUnderstood = new Map();
let fromName = 0;
for (const a of advisories) {
  for (const p of a.products) {
    if (!p.version) continue;
    const k = byKind[p.versionKind] ?? (byKind[p.versionKind] = { total: 0, ok: 0 });
    k.total++;
    const r = readProductVersion(p);
    if (r.range.ok) {
      k.ok++;
      if (r.source === 'full name') fromName++;
      const key = `${r.source === 'full name' ? 'full name: ' : ''}${r.range.form}`;
      forms.set(key, (forms.get(key) ?? 0) + 1);
    } else {
      const key = `${JSON.stringify(p.version)} — ${r.range.why} (${a.id})`;
      notUnderstood.set(key, (notUnderstood.get(key) ?? 0) + 1);
    }
  }
}
const pct = (k) => (k.total ? ((100 * k.ok) / k.total).toFixed(1) : '0');
console.log(`${advisories.length} documents in ${dir}`);
for (const [kind, k] of Object.entries(byKind)) console.log(`${kind}: ${k.ok} of ${k.total} understood (${pct(k)} %)`);
console.log(`(${fromName} of them read from the product's full name after the branch text was not understood)`);
console.log('\nForms:');
for (const [f, n] of [...forms].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${f}`);
console.log(`\nNot understood (${[...notUnderstood.values()].reduce((s, n) => s + n, 0)}): findings say "possibly affected" with the text`);
for (const [t, n] of [...notUnderstood].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${t}`);
