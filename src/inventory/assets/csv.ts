/**
 * CSV import of hand-kept assets (HMIs, switches, engineering workstations): a header row naming
 * the columns, one asset per row. Each row is taken or rejected on its own, and the report says
 * which line was rejected and why. A row with an `id` that exists updates that asset; any other
 * row creates one. The caller says which zones the importing user may change.
 */
import { parse } from 'csv-parse/sync';
import { CausewayError, isCausewayError } from '../../core/errors.js';
import type { AssetInput } from './model.js';
import type { Inventory } from './inventory.js';

/** The columns a file may have; lists (protocols, endpoints, namespace) are separated by `;`. */
export const CSV_COLUMNS = [
  'id', 'name', 'zone', 'site', 'vendor', 'product', 'model', 'version', 'serial', 'protocols', 'endpoints', 'namespace',
  'owner_team', 'owner_person', 'criticality', 'description', 'cpe', 'purl', 'encrypted', 'certificate_expiry', 'anonymous_login',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** Most data rows one import takes. */
export const CSV_MAX_ROWS = 10_000;

export interface CsvRowRejection {
  /** Line in the file (the header is line 1). */
  line: number;
  id?: string;
  name?: string;
  problems: string[];
}

export interface CsvReport {
  rows: number;
  created: string[];
  updated: string[];
  rejected: CsvRowRejection[];
}

/** Rows of the file as arrays with their line numbers; throws CW_INVENTORY_CSV_INVALID when it cannot be read as CSV at all. */
function readRows(text: string): Array<{ line: number; cells: string[] }> {
  try {
    const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (e) {
    throw new CausewayError('CW_INVENTORY_CSV_INVALID', { problem: e instanceof Error ? e.message : String(e) });
  }
}

const list = (v: string | undefined) => (v === undefined ? undefined : v.split(/[;|]/).map((s) => s.trim()).filter(Boolean));

function yesNo(v: string | undefined, column: string, problems: string[]): boolean | undefined {
  if (v === undefined || v === '') return undefined;
  if (/^(yes|true|1|y)$/i.test(v)) return true;
  if (/^(no|false|0|n)$/i.test(v)) return false;
  problems.push(`${column} "${v}" must be yes or no`);
  return undefined;
}

/** One row as an asset input; empty cells are left out (they do not clear on update). */
export function rowInput(row: Partial<Record<Column, string>>, problems: string[]): AssetInput {
  const text = (c: Column) => (row[c] === undefined || row[c] === '' ? undefined : row[c]);
  const input: AssetInput = {};
  for (const c of ['id', 'name', 'zone', 'site', 'vendor', 'product', 'model', 'version', 'serial', 'criticality', 'description', 'cpe', 'purl'] as const) {
    const v = text(c);
    if (v !== undefined) input[c] = c === 'criticality' ? v.toLowerCase() : v;
  }
  for (const c of ['protocols', 'endpoints', 'namespace'] as const) {
    const v = list(text(c));
    if (v !== undefined) input[c] = v;
  }
  if (text('owner_team') || text('owner_person')) input.owner = { ...(text('owner_team') ? { team: text('owner_team')! } : {}), ...(text('owner_person') ? { person: text('owner_person')! } : {}) };
  const encrypted = yesNo(text('encrypted'), 'encrypted', problems);
  const anonymous = yesNo(text('anonymous_login'), 'anonymous_login', problems);
  const expiry = text('certificate_expiry');
  if (encrypted !== undefined || anonymous !== undefined || expiry !== undefined) {
    input.posture = { ...(encrypted !== undefined ? { encrypted } : {}), ...(anonymous !== undefined ? { anonymousLogin: anonymous } : {}), ...(expiry !== undefined ? { certificateExpiry: expiry } : {}) };
  }
  return input;
}

export interface CsvImportOptions {
  actor: string;
  /** The caller may change assets in this zone. */
  mayChange(zone: string): boolean;
  /** The caller may see this asset at all (else an id of another zone is reported as unknown). */
  maySee(zone: string | undefined): boolean;
  file?: string;
}

/** Import a CSV text into the inventory, row by row. Throws CW_INVENTORY_CSV_INVALID only when the file as a whole is unusable. */
export function importCsv(inventory: Inventory, text: string, o: CsvImportOptions): CsvReport {
  const rows = readRows(text);
  const header = rows.shift();
  if (!header) throw new CausewayError('CW_INVENTORY_CSV_INVALID', { problem: 'the file is empty; the first row must name the columns' });
  const columns = header.cells.map((c) => c.toLowerCase().replace(/[\s-]+/g, '_'));
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) throw new CausewayError('CW_INVENTORY_CSV_INVALID', { problem: `unknown column(s) ${unknown.join(', ')}; the columns are ${CSV_COLUMNS.join(', ')}` });
  if (!columns.includes('name') && !columns.includes('id')) throw new CausewayError('CW_INVENTORY_CSV_INVALID', { problem: 'the header has neither a name nor an id column' });
  if (rows.length > CSV_MAX_ROWS) throw new CausewayError('CW_INVENTORY_CSV_INVALID', { problem: `it has ${rows.length} rows; import at most ${CSV_MAX_ROWS} at a time` });
  const report: CsvReport = { rows: rows.length, created: [], updated: [], rejected: [] };
  inventory.batch(() => importRows(inventory, rows, columns, o, report));
  return report;
}

/** Each row taken or rejected on its own (a row's failed write rolls back to its savepoint). */
function importRows(inventory: Inventory, rows: Array<{ line: number; cells: string[] }>, columns: string[], o: CsvImportOptions, report: CsvReport): void {
  for (const { line, cells } of rows) {
    const problems: string[] = [];
    if (cells.length !== columns.length) problems.push(`it has ${cells.length} cells where the header names ${columns.length} columns`);
    const row = Object.fromEntries(columns.map((c, i) => [c, cells[i]])) as Partial<Record<Column, string>>;
    const input = rowInput(row, problems);
    const reject = (more: string[]) => report.rejected.push({ line, ...(input.id ? { id: input.id } : {}), ...(input.name ? { name: input.name } : {}), problems: [...problems, ...more] });
    if (problems.length > 0) {
      reject([]);
      continue;
    }
    try {
      const existing = input.id === undefined ? undefined : inventory.get(input.id);
      if (existing && o.maySee(existing.zone)) {
        const zone = input.zone ?? existing.zone;
        if (!o.mayChange(existing.zone ?? '') || (zone && inventory.knowsZone(zone) && !o.mayChange(zone))) throw new Error(`you may not change assets in zone ${zone ?? existing.zone}`);
        report.updated.push(inventory.update(existing.id, input, o.actor, 'imported').id);
      } else {
        if (existing) throw new Error(`id ${input.id} is taken`);
        if (input.zone && inventory.knowsZone(input.zone) && !o.mayChange(input.zone)) throw new Error(`you may not add assets in zone ${input.zone}`);
        report.created.push(inventory.create(input, o.actor, 'csv', o.file).id);
      }
    } catch (e) {
      reject([isCausewayError(e) ? problemOf(e) : (e as Error).message]);
    }
  }
}

/** The problem part of a catalogue error about one asset. */
function problemOf(e: CausewayError): string {
  return typeof (e.params as { problem?: unknown }).problem === 'string' ? (e.params as { problem: string }).problem : e.message;
}
