#!/usr/bin/env node
/**
 * `npm run build:hub` runs this after tsc: it bundles the module graph of `causeway check` and
 * `causeway schema` (dist/cli/commands/check.js) into one file, dist/cli/check.bundle.js, which the
 * CLI imports when it exists. Node's ESM loader then reads and compiles one file instead of about
 * 620 (TypeBox's 537, ours, yaml's); see bench/startup/README.md.
 *
 * Only our compiled modules and BUNDLED packages go into the file. Every other package stays an
 * import of its own (so test/startup/cli-imports.test.ts still sees it if the check ever loads it),
 * and so does every dynamic import() of one of our modules (a kind's connector, loaded by the hub,
 * never by the check): it points back at the unbundled module in dist/.
 * mathjs is loaded with createRequire on first need and is not seen by the bundler.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
export const ENTRY = path.join(DIST, 'cli/commands/check.js');
export const BUNDLE = path.join(DIST, 'cli/check.bundle.js');

/** Pure-JS packages the check always loads: bundled. Anything else stays external. */
const BUNDLED = new Set(['typebox', 'yaml']);

/** The package a bare specifier names (`typebox/schema` → typebox), or undefined for a path or node: built-in. */
function packageOf(spec) {
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:') || spec.startsWith('\0')) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Keeps packages outside BUNDLED and our dynamically imported modules out of the bundle. */
const keepOut = {
  name: 'causeway-keep-out',
  async resolveId(source, importer, extra) {
    if (source.startsWith('node:')) return { id: source, external: true };
    const pkg = packageOf(source);
    if (pkg !== undefined) return BUNDLED.has(pkg) ? null : { id: source, external: true };
    if (extra.kind === 'dynamic-import' && importer !== undefined && source.startsWith('.')) {
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      // As seen from the bundle (rolldown would make it relative to the entry's directory).
      if (resolved && !resolved.external) {
        const rel = path.relative(path.dirname(BUNDLE), resolved.id).split(path.sep).join('/');
        return { id: rel.startsWith('.') ? rel : `./${rel}`, external: true };
      }
    }
    return null;
  },
};

export async function bundleCli() {
  if (!existsSync(ENTRY)) throw new Error(`${path.relative(ROOT, ENTRY)} is missing: run tsc -p tsconfig.build.json first.`);
  rmSync(BUNDLE, { force: true });
  const { build } = await import('rolldown');
  await build({
    input: ENTRY,
    platform: 'node',
    plugins: [keepOut],
    logLevel: 'warn',
    treeshake: true,
    output: { file: BUNDLE, format: 'esm', codeSplitting: false, sourcemap: false, minify: false },
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await bundleCli();
  } catch (e) {
    process.stderr.write(`bundle-cli: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
