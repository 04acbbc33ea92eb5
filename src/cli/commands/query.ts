/**
 * `causeway query PATH…`: quick answers from the shell — raw samples of a time range, one value
 * per bucket (--agg, --interval), or each path's value at an instant (--at) — as an aligned
 * table (default), CSV or JSON. Reads the historian a hub config names, like `causeway export`.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { CausewayError } from '../../core/errors.js';
import { csvField, csvValue, isoTime } from '../../historian/export/csv.js';
import { queryAggregates } from '../../historian/query/aggregate.js';
import { valuesAt } from '../../historian/query/interpolate.js';
import { queryRawPage } from '../../historian/query/raw.js';
import { AGGREGATES, FILLS } from '../../historian/query/types.js';
import type { Aggregate, Fill } from '../../historian/query/types.js';
import type { Historian } from '../../historian/types.js';
import { askTheHub, checkedPaths, openHistorianOf, reportError, timeOption, withHistorianOptions } from './export.js';
import type { CliIo, HistorianArgs, PathRules } from './export.js';

export const QUERY_FORMATS = ['table', 'csv', 'json'] as const;

export interface QueryOptions extends HistorianArgs {
  from: string;
  to: string;
  at?: string;
  agg?: Aggregate;
  interval?: string;
  tz?: string;
  fill?: Fill;
  format: (typeof QUERY_FORMATS)[number];
  limit: number;
}

/** An answer: column names, rows of cells (undefined prints empty), the JSON form, and a closing note. */
interface Answer {
  columns: string[];
  rows: (string | number | boolean | null | undefined)[][];
  json: unknown;
  note?: string;
}

const cell = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? '' : String(v));
const isNumber = (v: unknown) => typeof v === 'number';

/** Columns padded to their widest cell; numeric columns right-aligned. */
export function alignedTable(columns: readonly string[], rows: Answer['rows']): string {
  const text = [columns.map((c) => c.toUpperCase()), ...rows.map((r) => r.map(cell))];
  const widths = columns.map((_, i) => Math.max(...text.map((r) => r[i]!.length)));
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || r[i] === undefined || isNumber(r[i])));
  const line = (r: string[]) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return text.map(line).join('\n') + '\n';
}

function render(a: Answer, format: QueryOptions['format']): string {
  if (format === 'json') return `${JSON.stringify(a.json, null, 2)}\n`;
  if (format === 'csv') return [a.columns.join(','), ...a.rows.map((r) => r.map((v) => (typeof v === 'string' ? csvField(v) : csvValue(v))).join(','))].join('\r\n') + '\r\n';
  return alignedTable(a.columns, a.rows) + (a.note ? `${a.note}\n` : '');
}

async function rawAnswer(h: Historian, paths: string[], from: number, to: number, limit: number): Promise<Answer> {
  const page = await queryRawPage(h, { paths, from, to, limit });
  const rows = page.samples.map((s) => [isoTime(s.ts), s.path, s.value, s.quality]);
  const last = page.samples.at(-1);
  const note = page.cursor && last
    ? `Showing the first ${page.samples.length} samples, up to ${isoTime(last.ts)}: narrow the range, raise --limit, or write them all with \`causeway export\`.`
    : `${page.samples.length} sample${page.samples.length === 1 ? '' : 's'} from ${isoTime(from)} to ${isoTime(to)}.`;
  return { columns: ['time', 'path', 'value', 'quality'], rows, json: { from, to, truncated: page.cursor !== undefined, samples: page.samples }, note };
}

async function aggAnswer(h: Historian, rules: PathRules, paths: string[], from: number, to: number, o: QueryOptions): Promise<Answer> {
  const series = await queryAggregates(h, {
    paths, from, to, agg: o.agg!, interval: o.interval!, ...(o.tz ? { timeZone: o.tz } : {}), ...(o.fill ? { fill: o.fill } : {}),
    interpolation: rules.interpolation, counter: rules.counter,
  });
  const rows = series.flatMap((s) => s.buckets.map((b) => ({ ts: b.start, path: s.path, b })))
    .sort((x, y) => x.ts - y.ts || (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
    // Twelve significant digits hide float noise (625.6800000000001); CSV and JSON keep every digit.
    .map(({ ts, path, b }) => [isoTime(ts), path, o.format === 'table' && typeof b.value === 'number' ? Number(b.value.toPrecision(12)) : b.value, b.count, b.bad]);
  const empty = o.fill && o.fill !== 'none' ? `empty buckets filled (${o.fill})` : 'empty buckets left out';
  const how = o.config ? `interpolation and counter ranges from ${o.config}` : 'numbers interpolate linearly and counter drops count as resets (give -c with the hub\'s config for its attributes\' own rules)';
  const note = `${o.agg} per ${o.interval} from ${isoTime(from)} to ${isoTime(to)}; ${empty}; ${how}.`;
  return { columns: ['time', 'path', o.agg!, 'samples', 'bad'], rows, json: { from, to, agg: o.agg, interval: o.interval, series }, note };
}

async function atAnswer(h: Historian, rules: PathRules, paths: string[], at: number): Promise<Answer> {
  const values = await valuesAt(h, paths, at, rules.interpolation);
  const rows = values.map((v) => [v.path, v.value, v.quality, v.method, v.priorTs === undefined ? undefined : isoTime(v.priorTs)]);
  return { columns: ['path', 'value', 'quality', 'method', 'sample time'], rows, json: { time: at, values }, note: `Values at ${isoTime(at)}.` };
}

/** The API request that answers the same question from a running hub. */
function curlCommand(api: string, paths: string[], q: Record<string, string>, route: 'history' | 'history/at'): string {
  const params = new URLSearchParams();
  for (const p of paths) params.append('path', p);
  for (const [k, v] of Object.entries(q)) params.set(k, v);
  return askTheHub(api, `"${api}/api/v1/${route}?${params.toString()}"`);
}

/** Run `causeway query`; returns the exit code. */
export async function runQuery(pathArgs: string[], o: QueryOptions, io: CliIo): Promise<number> {
  const now = (io.now ?? Date.now)();
  let historian: Historian | undefined;
  try {
    const paths = checkedPaths(pathArgs);
    if (paths.length === 0) throw new CausewayError('CW_HISTORIAN_QUERY_INVALID', { problem: 'no paths were given' });
    if (o.agg && !o.interval) throw new CausewayError('CW_HISTORIAN_QUERY_INVALID', { problem: `--agg ${o.agg} needs --interval, e.g. --interval 1m` });
    if (o.interval && !o.agg) throw new CausewayError('CW_HISTORIAN_QUERY_INVALID', { problem: '--interval goes with --agg (e.g. --agg avg --interval 1m)' });
    const at = o.at === undefined ? undefined : timeOption('at', o.at, now);
    const from = timeOption('from', o.from, now);
    const to = timeOption('to', o.to, now);
    if (o.fill && !o.agg) throw new CausewayError('CW_HISTORIAN_QUERY_INVALID', { problem: '--fill goes with --agg and --interval (e.g. --agg avg --interval 1m --fill previous)' });
    const q: Record<string, string> = at !== undefined ? { time: isoTime(at) } : { from: isoTime(from), to: isoTime(to), ...(o.agg ? { agg: o.agg, interval: o.interval!, ...(o.fill ? { fill: o.fill } : {}) } : {}) };
    const opened = await openHistorianOf(o, io.err, (api) => curlCommand(api, paths, q, at !== undefined ? 'history/at' : 'history'));
    historian = opened.historian;
    const answer = at !== undefined ? await atAnswer(historian, opened.rules, paths, at)
      : o.agg ? await aggAnswer(historian, opened.rules, paths, from, to, o)
        : await rawAnswer(historian, paths, from, to, o.limit);
    io.out.write(render(answer, o.format));
    return 0;
  } catch (e) {
    return reportError(e, io.err);
  } finally {
    await historian?.close().catch(() => undefined);
  }
}

function positiveInt(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of 1 or more.');
  return n;
}

/** The `query` command. */
export function queryCommand(io: CliIo = { out: process.stdout, err: process.stderr }): Command {
  return withHistorianOptions(new Command('query'))
    .description('quick answers from the historian: raw samples, one value per bucket (--agg --interval), or values at an instant (--at)')
    .argument('<path...>', 'paths to read')
    .option('--from <time>', 'start: ISO 8601, epoch ms, or relative (-15m, -2h, -7d)', '-1h')
    .option('--to <time>', 'exclusive end', 'now')
    .addOption(new Option('--agg <agg>', 'aggregate per bucket').choices(AGGREGATES))
    .option('--interval <interval>', 'bucket size with --agg: 1m, 15m, 1h, 1d …')
    .option('--tz <zone>', 'IANA time zone of calendar buckets (default UTC)')
    .addOption(new Option('--fill <fill>', 'what empty buckets become with --agg (default none)').choices(FILLS))
    .option('--at <time>', 'each path\'s value at this instant (interpolated between samples)')
    .addOption(new Option('--format <format>', 'output').choices(QUERY_FORMATS).default('table'))
    .option('--limit <n>', 'most raw samples to show', positiveInt, 1000)
    .action(async (paths: string[], o: QueryOptions) => {
      process.exitCode = await runQuery(paths, o, io);
    });
}
