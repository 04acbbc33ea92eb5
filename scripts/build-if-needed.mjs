#!/usr/bin/env node
/**
 * `npm start` runs this before the demo: it rebuilds the hub (dist/) and the console (web/dist/)
 * only when one of their inputs is newer than the stamp the last build left, so a second start
 * costs a directory walk instead of a full TypeScript and Vite build.
 *
 * A stamp carries the time its build started: a file saved during a build triggers the next one.
 * Directories count too, so deleting or renaming a source file rebuilds. `--force` always builds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What each part is built from, where its stamp is kept, and the npm script that builds it. */
export const TARGETS = [
  // build:hub is tsc, then scripts/bundle-cli.mjs (the bundled `causeway check`): a missing bundle rebuilds.
  { name: 'hub', script: 'build:hub', stamp: 'dist/.build-stamp', inputs: ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/bundle-cli.mjs'], outputs: ['dist/cli/check.bundle.js'] },
  { name: 'console', script: 'build:web', stamp: 'web/dist/.build-stamp', inputs: ['web', 'package.json'], skip: ['web/dist', 'web/node_modules'] },
];

/** Tests and fixtures are not part of the build output. */
const NOT_BUILT = /\.test\.tsx?$|__fixtures__/;

/**
 * The newest modification time (ms) under `rel`, skipping `skip` paths; 0 when it does not exist.
 * A directory's own time counts (a deleted file changes it) except at the top of an input, whose
 * time also changes when a build creates its output inside it (web/dist in web/).
 */
export function newestInput(root, rel, skip = [], top = true) {
  let st;
  try {
    st = statSync(join(root, rel));
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = top ? 0 : st.mtimeMs;
  for (const entry of readdirSync(join(root, rel))) {
    const child = `${rel}/${entry}`;
    if (skip.includes(child) || NOT_BUILT.test(entry)) continue;
    newest = Math.max(newest, newestInput(root, child, skip, false));
  }
  return newest;
}

/** Why `target` must be built, or undefined when its stamp is newer than every input and its outputs are there. */
export function staleReason(root, target) {
  let stamp;
  try {
    stamp = statSync(join(root, target.stamp)).mtimeMs;
  } catch {
    return 'no previous build';
  }
  const missing = (target.outputs ?? []).find((rel) => statSync(join(root, rel), { throwIfNoEntry: false }) === undefined);
  if (missing) return `${missing} is missing`;
  const newest = Math.max(...target.inputs.map((rel) => newestInput(root, rel, target.skip)));
  return newest > stamp ? 'sources changed since the last build' : undefined;
}

/** Build every stale target in `root`; returns the names built. Throws when a build fails. */
export function buildIfNeeded(root, { force = false, log = (line) => process.stdout.write(`${line}\n`) } = {}) {
  const built = [];
  for (const target of TARGETS) {
    const reason = force ? 'forced' : staleReason(root, target);
    if (!reason) {
      log(`causeway: ${target.name} is up to date, not rebuilt (npm run build forces it).`);
      continue;
    }
    log(`causeway: building the ${target.name} (${reason})…`);
    const started = new Date();
    const run = spawnSync('npm', ['run', '--silent', target.script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (run.status !== 0) throw new Error(`npm run ${target.script} failed (exit ${run.status ?? run.signal}).`);
    const stamp = join(root, target.stamp);
    mkdirSync(join(stamp, '..'), { recursive: true });
    writeFileSync(stamp, `${started.toISOString()}\n`);
    utimesSync(stamp, started, started);
    built.push(target.name);
  }
  return built;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    buildIfNeeded(process.cwd(), { force: process.argv.includes('--force') });
  } catch (e) {
    process.stderr.write(`causeway: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
