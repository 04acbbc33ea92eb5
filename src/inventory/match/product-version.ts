/**
 * Which version text of an advisory product the matcher reads, and how: the branch's
 * `product_version_range` / `product_version` first; when that is not understood, the version
 * sentence at the end of the product's full name (`…: All versions prior to V2.3.0`), which CISA
 * writes in plain words.
 */
import type { AdvisoryProduct } from '../types.js';
import { parseRange, type ParsedRange } from './ranges.js';

export interface ProductVersion {
  range: ParsedRange;
  /** The text that was read. */
  text: string;
  source: 'branch' | 'full name' | 'none';
  /** The branch text's failure, when the full name was read instead. */
  branchFailure?: string;
}

/** The version sentence after the last `:` of a full name, when there is one. */
function nameTail(p: AdvisoryProduct): string | undefined {
  const i = p.fullName.lastIndexOf(':');
  if (i < 0) return undefined;
  const tail = p.fullName.slice(i + 1).trim();
  return tail && tail !== p.product.trim() && /\d|all versions/i.test(tail) ? tail : undefined;
}

/** Read the version of an advisory product. */
export function readProductVersion(p: AdvisoryProduct): ProductVersion {
  if (!p.version || !p.version.trim()) {
    const tail = nameTail(p);
    if (tail) {
      const range = parseRange(tail);
      if (range.ok) return { range, text: tail, source: 'full name' };
    }
    return {
      range: { ok: true, all: true, constraints: [], form: 'no version', reading: 'all versions (the product tree names no version)' },
      text: '',
      source: 'none',
    };
  }
  const range = parseRange(p.version);
  if (range.ok) return { range, text: p.version, source: 'branch' };
  const tail = nameTail(p);
  if (tail) {
    const fromName = parseRange(tail);
    if (fromName.ok) return { range: fromName, text: tail, source: 'full name', branchFailure: range.why };
  }
  return { range, text: p.version, source: 'branch' };
}
