/**
 * Matching assets to advisories: a pure library (no storage, no I/O). `buildAdvisoryIndex` once
 * per set of advisories, then `matchAsset` / `matchAll`; the parts are exported for the API and
 * the console to explain a rule or test a range text.
 */
export { buildAdvisoryIndex, type AdvisoryIndex } from './advisory-index.js';
export { matchAll, matchAsset } from './matcher.js';
export { normalizeText, productKey, vendorKey } from './normalize.js';
export { inRange, parseRange, type ParsedRange } from './ranges.js';
export { readProductVersion } from './product-version.js';
export { compareVersions, parseVersion } from './version.js';
export { matchCpe, parseCpe, parsePurl } from './identifiers.js';
export { VENDOR_ALIASES } from './vendor-aliases.js';
