/**
 * `causeway export`: history of some paths over a time range, to a CSV or Parquet file (or stdout),
 * read from the historian a hub config names — with progress on stderr and a summary at the end.
 * Also the pieces `causeway query` shares: finding and opening that historian, printing errors.
 */
import type { Writable } from 'node:stream';
import { Command, Option } from 'commander';
import { formatProblems } from '../../config/index.js';
import type { HistorianConfig, HubConfig } from '../../config/schema.js';
import { CausewayError, isCausewayError } from '../../core/errors.js';
import { pathProblem } from '../../core/path.js';
import { parseTime } from '../../core/time.js';
import { EXPORT_FORMATS, planExport } from '../../historian/export/index.js';
import type { ExportFormat, ExportProgress, ExportRequest, ExportSummary } from '../../historian/export/index.js';
import { openForReading } from '../../historian/export/open.js';
import type { CounterRule } from '../../core/counter.js';
import { AGGREGATES, FILLS } from '../../historian/query/types.js';
import type { Aggregate, Fill, Interpolation } from '../../historian/query/types.js';
import { buildModel } from '../../namespace/model.js';
import type { Historian } from '../../historian/types.js';
import { loadChecked } from '../config-io.js';

export interface Out {
  write(text: string): unknown;
}

/** Where commands write: stdout (answers, summaries), stderr (progress, errors). */
export interface CliIo {
  out: Out & { isTTY?: boolean };
  err: Out & { isTTY?: boolean };
  /** Where `-o -` streams the file; default process.stdout. */
  data?: Writable;
  now?: () => number;
}

/** Which historian to read: a hub config (-c), or the default DuckDB file in a data directory. */
export interface HistorianArgs {
  config?: string;
  dataDir: string;
}

/** Each path's interpolation and counter rule, as the hub's config declares them (the API's own rules). */
export interface PathRules {
  interpolation: (path: string) => Interpolation;
  counter: (path: string) => CounterRule | undefined;
}

/** Without a config: numbers linear, drops are resets (what an undeclared attribute gets from the hub too). */
const NO_RULES: PathRules = { interpolation: () => 'linear', counter: () => undefined };

/** The rules of a checked config's namespace. */
export function pathRulesOf(config: HubConfig): PathRules {
  const model = buildModel(config.templates ?? [], config.assets ?? [], config.sources ?? []);
  return { interpolation: (p) => model.attributes.get(p)?.interpolation ?? 'linear', counter: (p) => model.attributes.get(p)?.counter };
}

/** The historian config, the hub's API address and the namespace's rules, from -c FILE (or the defaults). */
export async function historianTarget(a: HistorianArgs, err: Out): Promise<{ historian: HistorianConfig | undefined; api: string; rules: PathRules }> {
  if (a.config === undefined) return { historian: undefined, api: 'http://127.0.0.1:8080', rules: NO_RULES };
  const { config, problems } = await loadChecked(a.config);
  if (!config) {
    err.write(`${formatProblems(problems)}\n\n`);
    throw new CausewayError('CW_CONFIG_INVALID', { file: a.config, count: problems.length });
  }
  const host = config.api?.host && config.api.host !== '0.0.0.0' && config.api.host !== 'localhost' ? config.api.host : '127.0.0.1';
  return { historian: config.historian, api: `http://${host.includes(':') ? `[${host}]` : host}:${config.api?.port ?? 8080}`, rules: pathRulesOf(config) };
}

/**
 * The same question asked of the running hub, signed in: every route but health and sign-in needs
 * an account, so the sign-in that keeps the session cookie in op.jar comes first (as the demo's
 * banner and the README do it). `curlArgs` is the rest of the request, sent with `-b op.jar`.
 */
export function askTheHub(api: string, curlArgs: string): string {
  const login = `curl -s -c op.jar -o /dev/null -H 'content-type: application/json' -d '{"username":"<you>","password":"<your password>"}' ${api}/api/v1/login`;
  return `${login}, then curl -b op.jar ${curlArgs} (a script sends -H "Authorization: Bearer <token>" instead of -b op.jar)`;
}

/** Open the historian of `a` with the config's path rules; `command(api)` is what to run against the hub when it holds the file. */
export async function openHistorianOf(a: HistorianArgs, err: Out, command: (api: string) => string): Promise<{ historian: Historian; rules: PathRules }> {
  const t = await historianTarget(a, err);
  return { historian: await openForReading(t.historian, a.dataDir, command(t.api)), rules: t.rules };
}

/** Print a catalogue error (operator sentence, hint) and answer exit code 1; anything else is rethrown. */
export function reportError(e: unknown, err: Out): number {
  if (!isCausewayError(e)) throw e;
  err.write(`${e.code}: ${e.message}\n${e.hint}\n`);
  return 1;
}

/** Checked paths, or CW_PATH_INVALID. */
export function checkedPaths(paths: readonly string[]): string[] {
  const list = paths.flatMap((p) => p.split(',')).map((p) => p.trim().replace(/\/+$/, '')).filter((p) => p !== '');
  for (const p of list) {
    const problem = pathProblem(p);
    if (problem) throw new CausewayError('CW_PATH_INVALID', { path: p, problem });
  }
  return [...new Set(list)];
}

/** A time option as epoch ms, or CW_API_BAD_TIME naming the option. */
export function timeOption(name: string, text: string, now: number): number {
  const t = parseTime(text, now);
  if (t === undefined) throw new CausewayError('CW_API_BAD_TIME', { param: `--${name}`, value: text });
  return t;
}

export interface ExportOptions extends HistorianArgs {
  path: string[];
  from: string;
  to: string;
  format: ExportFormat;
  output: string;
  wide?: boolean;
  agg?: Aggregate;
  interval?: string;
  tz?: string;
  fill?: Fill;
}

const fmt = (n: number) => n.toLocaleString('en-US');

function megabytes(bytes: number): string {
  return bytes < 1_000_000 ? `${(bytes / 1000).toFixed(1)} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Progress on stderr: one line redrawn in place on a terminal, else a plain line every few seconds. */
export class ProgressLine {
  readonly #err: Out & { isTTY?: boolean };
  readonly #now: () => number;
  readonly #unit: string;
  #last = -Infinity;
  #latest: ExportProgress | undefined;

  constructor(err: Out & { isTTY?: boolean }, unit: string, now: () => number = Date.now) {
    this.#err = err;
    this.#unit = unit;
    this.#now = now;
  }

  update(p: ExportProgress): void {
    this.#latest = p;
    const t = this.#now();
    if (t - this.#last < (this.#err.isTTY ? 100 : 5000)) return;
    this.#last = t;
    this.#draw(p);
  }

  /** Draw the final figures (and end the line on a terminal). */
  done(): void {
    if (this.#latest) this.#draw(this.#latest);
    if (this.#err.isTTY && this.#latest) this.#err.write('\n');
  }

  #draw(p: ExportProgress): void {
    const of = p.total === undefined ? '' : ` of ${fmt(p.total)} (${p.percent!.toFixed(1)} %)`;
    const text = `Exporting… ${fmt(p.written)} ${this.#unit}${of}`;
    this.#err.write(this.#err.isTTY ? `\r${text}\x1b[K` : `${text}\n`);
  }
}

/** The API request that answers the same export from a running hub. */
function curlCommand(api: string, req: ExportRequest, output: string): string {
  const q = new URLSearchParams();
  for (const p of req.paths) q.append('path', p);
  q.set('from', new Date(req.from).toISOString());
  q.set('to', new Date(req.to).toISOString());
  q.set('format', req.format);
  if (req.wide) q.set('wide', 'true');
  if (req.agg) q.set('agg', req.agg);
  if (req.interval !== undefined) q.set('interval', String(req.interval));
  if (req.timeZone) q.set('tz', req.timeZone);
  if (req.fill) q.set('fill', req.fill);
  return askTheHub(api, `-fo ${output === '-' ? `export.${req.format}` : output} "${api}/api/v1/export?${q.toString()}"`);
}

/** Run `causeway export`; returns the exit code. */
export async function runExport(o: ExportOptions, io: CliIo): Promise<number> {
  const now = (io.now ?? Date.now)();
  let historian: Historian | undefined;
  try {
    const req: ExportRequest = {
      paths: checkedPaths(o.path), from: timeOption('from', o.from, now), to: timeOption('to', o.to, now), format: o.format,
      ...(o.wide ? { wide: true } : {}), ...(o.agg ? { agg: o.agg } : {}), ...(o.interval ? { interval: o.interval } : {}), ...(o.tz ? { timeZone: o.tz } : {}),
      ...(o.fill ? { fill: o.fill } : {}),
    };
    if (o.fill && !o.agg) throw new CausewayError('CW_HISTORIAN_QUERY_INVALID', { problem: '--fill goes with --agg and --interval (e.g. --agg avg --interval 1m --fill previous)' });
    if (o.output === '-' && o.format === 'parquet' && ((io.data ?? process.stdout) as { isTTY?: boolean }).isTTY) throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'Parquet is binary and stdout is a terminal; give a file with -o FILE' });
    const opened = await openHistorianOf(o, io.err, (api) => curlCommand(api, req, o.output));
    historian = opened.historian;
    const plan = await planExport(historian, { ...req, interpolation: opened.rules.interpolation, counter: opened.rules.counter });
    const progress = new ProgressLine(io.err, plan.mode === 'raw' ? 'samples' : 'buckets', io.now);
    const started = Date.now();
    const run = { onProgress: (p: ExportProgress) => progress.update(p) };
    const summary = o.output === '-' ? await plan.run(io.data ?? process.stdout, { ...run, end: false }) : await plan.toFile(o.output, run);
    progress.done();
    (o.output === '-' ? io.err : io.out).write(summaryLine(summary, plan, o, Date.now() - started));
    return 0;
  } catch (e) {
    return reportError(e, io.err);
  } finally {
    await historian?.close().catch(() => undefined);
  }
}

function summaryLine(s: ExportSummary, plan: { paths: readonly string[]; from: number; to: number; mode: string }, o: ExportOptions, ms: number): string {
  const what = `${fmt(s.written)} ${plan.mode === 'raw' ? 'samples' : 'buckets'} of ${plan.paths.length} path${plan.paths.length === 1 ? '' : 's'}`;
  const range = `${new Date(plan.from).toISOString()} to ${new Date(plan.to).toISOString()}`;
  const where = o.output === '-' ? 'stdout' : o.output;
  return `Exported ${what} (${range}) to ${where} as ${o.format.toUpperCase()}: ${megabytes(s.bytes)} in ${(ms / 1000).toFixed(1)} s.\n`;
}

/** Options shared by export and query: -c FILE or --data-dir DIR. */
export function withHistorianOptions(c: Command): Command {
  return c
    .option('-c, --config <file>', 'the hub config (YAML) whose historian to read')
    .addOption(new Option('-d, --data-dir <dir>', 'the hub\'s data directory (its historian.duckdb, unless the config says otherwise)').env('CAUSEWAY_DATA_DIR').default('./.causeway/data'));
}

/** The `export` command. */
export function exportCommand(io: CliIo = { out: process.stdout, err: process.stderr }): Command {
  return withHistorianOptions(new Command('export'))
    .description('export history to a CSV or Parquet file: raw samples, or with --agg and --interval one value per bucket')
    .requiredOption('--path <path...>', 'paths to export (repeat, or separate with commas)')
    .requiredOption('--from <time>', 'start: ISO 8601, epoch ms, or relative (-1h, -7d)')
    .option('--to <time>', 'exclusive end', 'now')
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).default('csv'))
    .requiredOption('-o, --output <file>', 'the file to write ("-" for stdout)')
    .option('--wide', 'CSV: one column per path and one row per timestamp')
    .addOption(new Option('--agg <agg>', 'aggregate per bucket').choices(AGGREGATES))
    .option('--interval <interval>', 'bucket size with --agg: 1m, 15m, 1h, 1d …')
    .option('--tz <zone>', 'IANA time zone of calendar buckets (default UTC)')
    .addOption(new Option('--fill <fill>', 'what empty buckets become with --agg (default none)').choices(FILLS))
    .action(async (o: ExportOptions) => {
      process.exitCode = await runExport(o, io);
    });
}
