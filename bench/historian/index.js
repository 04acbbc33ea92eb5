/**
 * The historian benchmark: ingest rate against the raw engine paths, bytes per stored point, and
 * query latency, printed as one Markdown table from one run. `npm run bench:historian` builds
 * first; knobs are environment variables (README.md beside this file).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { demoBatches, demoPlant, loadSkab, plantBatches, SKAB_SIGNALS, skabBatches } from './data.js';
import { duckdbIngest, postgresIngest } from './ingest.js';
import { queryLatency } from './latency.js';
import { phase, ms, si, table } from './report.js';
import { bytesPerPoint } from './size.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const num = (name, fallback) => (env[name] === undefined || env[name] === '' ? fallback : Number(env[name]));
const SCALE = num('BENCH_SCALE', 1);
const cfg = {
  scale: SCALE,
  ingestRows: Math.max(50_000, Math.round(2_000_000 * SCALE)),
  ingestTags: 1000,
  ingestRuns: num('BENCH_INGEST_RUNS', 3),
  pgRows: Math.max(20_000, Math.round(500_000 * SCALE)),
  pg: env.BENCH_PG === 'off' ? undefined : env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test',
  demoHours: Number((24 * SCALE).toFixed(2)),
  skabDir: env.BENCH_SKAB_DIR ?? path.resolve(here, '../../../shared/data/skab'),
  skabPumps: Math.max(1, Math.round(20 * SCALE)),
  twaDays: Number((30 * SCALE).toFixed(2)),
  trendDays: Number((182 * SCALE).toFixed(2)),
  runs: num('BENCH_RUNS', 20),
  budgetS: num('BENCH_QUERY_SECONDS', Math.max(5, 60 * SCALE)),
};

const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const pct = (x) => `${Math.round(x * 100)} %`;
const days = (d) => `${Number(d.toFixed(1))} d`;
/** What the historian's upkeep did before a measure, when it says something. */
const upkeepNote = (u) => (u === 'maintained' ? ', after maintain()' : u === 'none' ? '' : ` (${u})`);

async function ingestRows(dir, rows) {
  phase(`Ingest: ${cfg.ingestRows.toLocaleString('en-US')} rows of ${cfg.ingestTags} tags, DuckDB`);
  // Live data, ending now, as a hub ingests it (history of closed days would start the historian's compaction).
  const live = (rows) => ({ start: Math.floor(Date.now() / 1000) * 1000 - Math.ceil(rows / cfg.ingestTags) * 1000 });
  const { batches } = plantBatches(cfg.ingestRows, cfg.ingestTags, live(cfg.ingestRows));
  const duck = await duckdbIngest(dir, batches, cfg.ingestRows, cfg.ingestRuns);
  rows.push([`Ingest, DuckDB: historian write() + flush, ${si(cfg.ingestRows)} rows, ${cfg.ingestTags} tags`, `${si(duck.historian)} rows/s`, `raw appender ${si(duck.raw)} rows/s`, pct(duck.historian / duck.raw), '≥ 70 %', verdict(duck.historian / duck.raw >= 0.7)]);
  if (!cfg.pg) {
    rows.push(['Ingest, PostgreSQL', 'skipped (BENCH_PG=off)', '', '', '≥ 70 %', '—']);
    return;
  }
  phase(`Ingest: ${cfg.pgRows.toLocaleString('en-US')} rows, PostgreSQL`);
  const pgb = await postgresIngest(pgConn(), plantBatches(cfg.pgRows, cfg.ingestTags, live(cfg.pgRows)).batches, cfg.pgRows, cfg.ingestRuns);
  if (pgb.skipped) rows.push(['Ingest, PostgreSQL', `skipped: ${pgb.skipped}`, '', '', '≥ 70 %', '—']);
  else rows.push([`Ingest, PostgreSQL: historian write() + flush, ${si(cfg.pgRows)} rows`, `${si(pgb.historian)} rows/s`, `raw binary COPY ${si(pgb.raw)} rows/s`, pct(pgb.historian / pgb.raw), '≥ 70 %', verdict(pgb.historian / pgb.raw >= 0.7)]);
}

async function sizeRows(dir, rows) {
  const { sim, tags } = demoPlant();
  const steps = Math.round(cfg.demoHours * 3600);
  phase(`Size: demo plant, ${tags} tags × ${cfg.demoHours} h at 1 s`);
  const demo = await bytesPerPoint(path.join(dir, 'size-demo.duckdb'), demoBatches(sim, steps), 'Demo plant', tags * steps);
  rows.push([`Bytes per point, synthetic plant (demo: ${tags} tags × ${cfg.demoHours} h at 1 s, ${si(demo.points)} points${upkeepNote(demo.upkeep)})`, `${demo.perPoint.toFixed(2)} B`, `${(demo.bytes / 1e6).toFixed(1)} MB file`, '', '— (info)', '—']);
  if (!fs.existsSync(cfg.skabDir)) {
    rows.push(['Bytes per point, recorded-like (SKAB)', `skipped: no ${cfg.skabDir}`, '', '', '≤ 2.5 B', '—']);
    return;
  }
  const skab = loadSkab(cfg.skabDir);
  const expected = skab.rows * SKAB_SIGNALS.length * cfg.skabPumps;
  phase(`Size: SKAB, ${skab.files} recordings × ${cfg.skabPumps} pumps`);
  const rec = await bytesPerPoint(path.join(dir, 'size-skab.duckdb'), skabBatches(skab, cfg.skabPumps), 'SKAB', expected);
  rows.push([`Bytes per point, recorded-like (SKAB: 8 signals × ${cfg.skabPumps} pumps × ${(skab.rows / 3600).toFixed(1)} h, ${si(rec.points)} points${upkeepNote(rec.upkeep)})`, `${rec.perPoint.toFixed(2)} B`, `${(rec.bytes / 1e6).toFixed(1)} MB file`, '', '≤ 2.5 B', verdict(rec.perPoint <= 2.5)]);
}

async function queryRows(dir, rows) {
  phase(`Queries: one tag, ${days(cfg.trendDays)} at 1 s`);
  const q = await queryLatency(path.join(dir, 'query.duckdb'), cfg);
  const p = (r) => `p50 ${ms(r.p50)} / p95 ${ms(r.p95)}`;
  rows.push([`Query: ${days(cfg.twaDays)} of 1 s (${si(q.twaPoints)} points), TWA in 1-min buckets (${q.twa.size.toLocaleString('en-US')}), ${q.twa.runs} runs${upkeepNote(q.upkeep)}`, p(q.twa), '', '', 'p95 < 100 ms', verdict(q.twa.p95 < 100)]);
  const what = q.trend.kind === 'm4'
    ? `trend reduced to ≤ 2,000 points (M4, 500 columns → ${q.trend.size} points)`
    : `1-min min and max (no trend query in this build; ${q.trend.size.toLocaleString('en-US')} values)`;
  rows.push([`Query: ${days(cfg.trendDays)} of 1 s (${si(q.points)} points), ${what}, ${q.trend.runs} runs${upkeepNote(q.upkeep)}`, p(q.trend), '', '', 'p95 < 50 ms', verdict(q.trend.p95 < 50)]);
}

function pgConn() {
  const u = new URL(cfg.pg);
  return { host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username || 'postgres'), database: u.pathname.slice(1) || 'postgres', ...(u.password ? { password: decodeURIComponent(u.password) } : {}) };
}

async function versions() {
  const i = await DuckDBInstance.create(':memory:');
  const c = await i.connect();
  const [[duck]] = (await c.runAndReadAll('SELECT version()')).getRows();
  c.closeSync();
  i.closeSync();
  let postgres = 'not used';
  if (cfg.pg) {
    const client = new pg.Client(pgConn());
    postgres = await client.connect().then(() => client.query('SHOW server_version')).then((r) => r.rows[0].server_version, () => 'not reachable');
    await client.end().catch(() => undefined);
  }
  return `Node ${process.version}, DuckDB ${duck}, PostgreSQL ${postgres}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
}

/** The 1-minute load average: other work on the machine skews every figure, so the table says how busy it was. */
function load() {
  return os.loadavg()[0].toFixed(1);
}

async function main() {
  const started = Date.now();
  const loadBefore = load();
  const dir = fs.mkdtempSync(path.join(env.BENCH_DIR ?? os.tmpdir(), 'causeway-bench-'));
  const rows = [];
  try {
    // A phase that fails (a broken build, a missing service) becomes a row saying so; the others still run.
    for (const [name, run] of [['Ingest', ingestRows], ['Bytes per point', sizeRows], ['Queries', queryRows]]) {
      await run(dir, rows).catch((e) => rows.push([`${name}: failed`, String(e?.message ?? e).split('\n')[0].slice(0, 160), '', '', '', 'MISS']));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  phase('Done.\n');
  process.stdout.write(`${table(['measure', 'result', 'reference', 'ratio', 'target', ''], rows)}\n\n`);
  process.stdout.write(`BENCH_SCALE=${cfg.scale}; ${await versions()}; load average ${loadBefore} at the start, ${load()} at the end; ${Math.round((Date.now() - started) / 1000)} s in all.\n`);
}

await main();
