/**
 * The 2023 CSAF set for the matching benchmark and the range coverage report, read by the hub's
 * own CSAF reader (dist/inventory/advisories/reader.js): the same flattening the import stores.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsaf } from '../../dist/inventory/advisories/reader.js';

/** Every `*.json` of a folder, read as the import reads it (a refused file is reported and skipped). */
export function readFolder(dir) {
  const out = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    try {
      out.push(parseCsaf(fs.readFileSync(path.join(dir, f)), f).advisory);
    } catch (e) {
      console.error(`skipped ${f}: ${e.message}`);
    }
  }
  return out;
}

/** CSAF_DIR, else the 2023 set beside the checkout (`../shared/…` from the main checkout, `../../shared/…` from a worktree). */
export function defaultCsafDir() {
  if (process.env.CSAF_DIR) return process.env.CSAF_DIR;
  const tries = ['../shared/data/csaf/ot-2023', '../../shared/data/csaf/ot-2023'].map((p) => path.resolve(p));
  return tries.find((p) => fs.existsSync(p)) ?? tries[0];
}
