/**
 * `causeway advisories import <folder>` and `causeway advisories status`: security advisories
 * (CSAF 2.0) into `<data dir>/advisories.sqlite`, the file the running hub serves them from (SQLite
 * in WAL mode: the hub may be running). A bad file is reported with its reason and skipped; the exit
 * code is 1 only when nothing could be read (no advisory found, all refused, or the folder itself).
 */
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { isCausewayError } from '../../core/errors.js';
import { ADVISORIES_FILE, Advisories, type ImportProgress, type ImportReport } from '../../inventory/advisories/index.js';
import { cliActor } from './user.js';

export interface Out {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface AdvisoriesIo {
  out: Out;
  err: Out;
  now?: () => number;
}

const defaultIo = (): AdvisoriesIo => ({ out: process.stdout, err: process.stderr });
const fmt = (n: number) => n.toLocaleString('en-US');
const dataDirOption = () => new Option('-d, --data-dir <dir>', "the hub's data directory").env('CAUSEWAY_DATA_DIR').default('./.causeway/data');

/** Progress on stderr: a bar redrawn in place on a terminal, else a line every 100 files or 5 s. */
export function progressReporter(err: Out, now: () => number = Date.now): { update(p: ImportProgress): void; done(): void } {
  let last = -Infinity;
  let lastDone = 0;
  let drawn = false;
  return {
    update(p) {
      const t = now();
      if (err.isTTY) {
        if (t - last < 80 && p.done < p.total) return;
        const width = 30;
        const filled = p.total ? Math.round((p.done / p.total) * width) : width;
        err.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${fmt(p.done)}/${fmt(p.total)} ${p.file}\x1b[K`);
        drawn = true;
      } else {
        if (last === -Infinity) last = t;
        if (p.done === 0 || p.done === p.total || (p.done - lastDone < 100 && t - last < 5000)) return;
        err.write(`Read ${fmt(p.done)} of ${fmt(p.total)} files…\n`);
        lastDone = p.done;
      }
      last = t;
    },
    done() {
      if (drawn) err.write('\n');
    },
  };
}

/** The summary an import prints: counts, the store afterwards, each rejected file with its reason. */
export function formatReport(r: ImportReport, file: string): string {
  const lines = [
    `Read ${fmt(r.files)} advisory files from ${r.folder} in ${r.seconds.toFixed(1)} s: ${fmt(r.added)} added, ${fmt(r.updated)} updated, ${fmt(r.unchanged)} unchanged, ${fmt(r.rejected)} rejected.`,
    `The store holds ${fmt(r.stored.advisories)} advisories with ${fmt(r.stored.products)} products and ${fmt(r.stored.vulnerabilities)} vulnerabilities (${file}).`,
  ];
  if (r.unverified) lines.push(`${fmt(r.unverified)} imported without a checksum file to check them against (unverified); --require-checksums refuses such files.`);
  if (r.rejections.length) {
    lines.push('Rejected (skipped):');
    for (const x of r.rejections) lines.push(`  ${x.file}: ${x.kind}: ${x.reason}`);
  }
  const other = r.notes.filter((n) => !n.note.startsWith('no checksum file'));
  if (other.length) {
    lines.push('Notes:');
    for (const n of other.slice(0, 50)) lines.push(`  ${n.file}: ${n.note}`);
    if (other.length > 50) lines.push(`  … and ${other.length - 50} more`);
  }
  return `${lines.join('\n')}\n`;
}

export interface ImportCliOptions {
  dataDir: string;
  requireChecksums?: boolean;
}

/** Import a folder; 0 when anything was read (bad files are reported, not fatal), else 1. */
export async function runAdvisoriesImport(folder: string, o: ImportCliOptions, io: AdvisoriesIo = defaultIo()): Promise<number> {
  let advisories: Advisories | undefined;
  const progress = progressReporter(io.err, io.now);
  try {
    advisories = Advisories.open(o.dataDir);
    const report = await advisories.importFolder(resolve(folder), { actor: cliActor(), ...(o.requireChecksums ? { requireChecksums: true } : {}), onProgress: (p) => progress.update(p) });
    progress.done();
    io.out.write(formatReport(report, join(o.dataDir, ADVISORIES_FILE)));
    if (report.files === 0) io.err.write(`No advisory (*.json) was found under ${report.folder}; name the folder that holds CISA's csaf_files/ or the CSAF JSON files.\n`);
    return report.files > 0 && report.rejected < report.files ? 0 : 1;
  } catch (e) {
    progress.done();
    if (!isCausewayError(e)) throw e;
    io.err.write(`${e.code}: ${e.message}\n${e.hint}\n`);
    return 1;
  } finally {
    advisories?.close();
  }
}

/** Print what is stored and the latest imports with their rejected files. */
export function runAdvisoriesStatus(o: { dataDir: string }, io: AdvisoriesIo = defaultIo()): number {
  let advisories: Advisories | undefined;
  try {
    advisories = Advisories.open(o.dataDir);
    const s = advisories.status();
    io.out.write(`${fmt(s.advisories)} advisories, ${fmt(s.products)} products, ${fmt(s.vulnerabilities)} vulnerabilities.\n`);
    for (const i of s.imports) {
      io.out.write(`${new Date(i.finishedAt).toISOString()} ${i.actor} ${i.source}: ${i.files} files, ${i.added} added, ${i.updated} updated, ${i.unchanged} unchanged, ${i.rejected} rejected, ${i.unverified} unverified\n`);
      for (const x of i.rejections) io.out.write(`  ${x.file}: ${x.kind}: ${x.reason}\n`);
    }
    return 0;
  } catch (e) {
    if (!isCausewayError(e)) throw e;
    io.err.write(`${e.code}: ${e.message}\n${e.hint}\n`);
    return 1;
  } finally {
    advisories?.close();
  }
}

/** The `advisories` command. */
export function advisoriesCommand(io: AdvisoriesIo = defaultIo()): Command {
  const cmd = new Command('advisories').description('security advisories (CSAF 2.0): import a folder (CISA layout or flat, checksums checked, incremental), show what is stored');
  cmd.command('import').description("import CSAF 2.0 advisories from a folder (CISA's csaf_files/OT/white/<year>/ layout or flat), checking each .sha512; a re-import adds only what changed")
    .argument('<folder>', 'the folder to read, recursively')
    .addOption(dataDirOption())
    .option('--require-checksums', 'refuse files without a .sha512 (or .sha256) beside them, instead of importing them as unverified')
    .action(async (folder: string, o: ImportCliOptions) => {
      process.exitCode = await runAdvisoriesImport(folder, o, io);
    });
  cmd.command('status').description('what is stored, and the latest imports with their rejected files').addOption(dataDirOption())
    .action((o: { dataDir: string }) => {
      process.exitCode = runAdvisoriesStatus(o, io);
    });
  return cmd;
}
