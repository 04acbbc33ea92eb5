/**
 * CLI start-up time: how long `causeway --version`, `--help`, `check <small file>` and `check` of the
 * demo plant's config take from process start to exit, the median of BENCH_RUNS runs (default 9) of
 * the compiled CLI in dist/.
 * With BENCH_BEFORE=<another checkout, built> the same commands run there too, side by side
 * (e.g. `git worktree add /tmp/before <commit> && cd /tmp/before && npm run build:hub`).
 * `npm run bench:startup`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SMALL = path.join(here, 'small.yaml');
const THIS = path.resolve(here, '../..');

// The demo plant's config (`causeway demo --print-config`, every source and sink kind), its
// ${SECRET} references filled in so that it passes the check.
const scratch = mkdtempSync(path.join(tmpdir(), 'cw-bench-startup-'));
const DEMO = path.join(scratch, 'demo.yaml');
const printed = spawnSync(process.execPath, [path.join(THIS, 'bin/causeway.js'), 'demo', '--print-config'], { encoding: 'utf8' });
if (printed.status !== 0) throw new Error(`causeway demo --print-config failed: ${printed.stderr}`);
writeFileSync(DEMO, printed.stdout);
const ENV = { ...process.env, ...Object.fromEntries([...printed.stdout.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => [m[1], 'bench-secret-long-enough-for-checks'])) };
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const COMMANDS = [['--version'], ['--help'], ['check', SMALL], ['check', DEMO]];

/** Median wall time in ms of running `bin/causeway.js args` in checkout `root`. */
function median(root, args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bin/causeway.js'), ...args], { stdio: 'ignore', env: ENV });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`causeway ${args.join(' ')} failed in ${root} (exit ${r.status})`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const roots = [['this build', THIS]];
if (process.env.BENCH_BEFORE) roots.unshift(['before', path.resolve(process.env.BENCH_BEFORE)]);

console.log(`CLI start-up, median of ${RUNS} runs (ms)\n`);
console.log(['command'.padEnd(28), ...roots.map(([label]) => label.padStart(12))].join(''));
for (const args of COMMANDS) {
  const label = args[0] === 'check' ? `check ${args[1] === SMALL ? 'small.yaml' : 'demo config'}` : args.join(' ');
  const cells = roots.map(([, root]) => `${Math.round(median(root, args))}`.padStart(12));
  console.log([`causeway ${label}`.padEnd(28), ...cells].join(''));
}
