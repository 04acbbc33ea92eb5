/**
 * Scheduled assessment reports on disk: `<data dir>/reports/assessment-<time>.html|pdf|csv`, the
 * newest `keep` sets kept. Written to a temporary name and renamed, so a reader never sees half a file.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reportCsv } from './csv.js';
import { reportHtml } from './html.js';
import type { ReportAsset, ReportData } from './model.js';
import { reportPdf } from './pdf.js';

export const REPORTS_DIR = 'reports';
const NAME = /^assessment-(\d{8}T\d{6}Z)\.(html|pdf|csv)$/;

/** Write one report in its three forms; returns the files written, then deletes the sets beyond `keep`. */
export async function writeReportFiles(dataDir: string, data: ReportData, assets: readonly ReportAsset[], keep: number): Promise<string[]> {
  const dir = join(dataDir, REPORTS_DIR);
  await mkdir(dir, { recursive: true });
  const stamp = data.generatedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const forms: Array<[string, string | Buffer]> = [['html', reportHtml(data)], ['csv', reportCsv(data, assets)], ['pdf', await reportPdf(data)]];
  const written: string[] = [];
  for (const [ext, body] of forms) {
    const file = join(dir, `assessment-${stamp}.${ext}`);
    await writeFile(`${file}.tmp`, body);
    await rename(`${file}.tmp`, file);
    written.push(file);
  }
  const stamps = [...new Set((await readdir(dir)).map((n) => NAME.exec(n)?.[1]).filter((s): s is string => s !== undefined))].sort();
  for (const old of stamps.slice(0, Math.max(0, stamps.length - keep))) {
    for (const ext of ['html', 'pdf', 'csv']) await rm(join(dir, `assessment-${old}.${ext}`), { force: true });
  }
  return written;
}
