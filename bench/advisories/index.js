/**
 * Advisory import: the whole folder of CSAF files (default: CISA's 380 OT advisories of 2023 in
 * ../shared/data/csaf/ot-2023, or BENCH_CSAF_DIR) into a fresh data directory, then again
 * (incremental: nothing changed), then once more after one file's content changed. Prints files,
 * products, vulnerabilities, seconds, the share rejected, and the load average while it ran.
 * `npm run bench:advisories` (builds first), or `node bench/advisories/index.js` after
 * `npx tsc -p tsconfig.build.json`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Advisories } from '../../dist/inventory/advisories/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Beside the checkout (../shared), or beside the folder of worktrees (../../shared).
const candidates = process.env.BENCH_CSAF_DIR ? [process.env.BENCH_CSAF_DIR] : ['../../../shared/data/csaf/ot-2023', '../../../../shared/data/csaf/ot-2023'].map((p) => path.join(here, p));
const folder = path.resolve(candidates.find((c) => fs.existsSync(c)) ?? candidates[0]);
if (!fs.existsSync(folder)) {
  console.error(`No CSAF folder at ${folder}; set BENCH_CSAF_DIR to a folder of CSAF JSON files.`);
  process.exit(1);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-advisories-'));
const pct = (n, of) => (of ? ((100 * n) / of).toFixed(1) : '0.0');
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function line(label, r) {
  console.log(`${label.padEnd(24)} ${String(r.files).padStart(5)} files  ${String(r.added).padStart(4)} added  ${String(r.updated).padStart(4)} updated  ${String(r.unchanged).padStart(4)} unchanged  ${String(r.rejected).padStart(3)} rejected (${pct(r.rejected, r.files)} %)  ${r.seconds.toFixed(2).padStart(6)} s  load ${load()}`);
}

try {
  console.log(`Advisory import of ${folder} (Node ${process.version}, ${os.cpus().length} cores, load before ${load()})`);
  const advisories = Advisories.open(dataDir);
  const first = await advisories.importFolder(folder, { actor: 'bench' });
  line('fresh data directory', first);
  console.log(`${''.padEnd(24)} stored: ${first.stored.advisories} advisories, ${first.stored.products} products, ${first.stored.vulnerabilities} vulnerabilities; ${first.unverified} unverified`);
  for (const r of first.rejections) console.log(`${''.padEnd(24)} rejected ${r.file}: ${r.kind}: ${r.reason}`);
  line('re-import (unchanged)', await advisories.importFolder(folder, { actor: 'bench' }));
  // A copy of the folder in which one advisory was revised (no checksum file: imported unverified).
  const copy = path.join(dataDir, 'revised');
  fs.mkdirSync(copy);
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.json'));
  for (const f of files) {
    fs.copyFileSync(path.join(folder, f), path.join(copy, f));
    if (fs.existsSync(path.join(folder, `${f}.sha512`))) fs.copyFileSync(path.join(folder, `${f}.sha512`), path.join(copy, `${f}.sha512`));
  }
  if (files[0]) {
    const doc = JSON.parse(fs.readFileSync(path.join(copy, files[0]), 'utf8'));
    doc.document.tracking.current_release_date = new Date().toISOString();
    fs.writeFileSync(path.join(copy, files[0]), JSON.stringify(doc));
    fs.rmSync(path.join(copy, `${files[0]}.sha512`), { force: true });
  }
  line('re-import, 1 revised', await advisories.importFolder(copy, { actor: 'bench' }));
  const t = performance.now();
  const all = advisories.allAdvisories();
  console.log(`${'load all (matcher)'.padEnd(24)} ${all.length} advisories in ${((performance.now() - t) / 1000).toFixed(3)} s`);
  advisories.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
