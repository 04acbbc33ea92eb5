/**
 * `causeway pki list | trust <thumbprint> | reject <thumbprint>`: the certificates of the hub's OPC UA
 * connections. A server the hub meets for the first time is rejected and listed; an operator checks
 * its thumbprint with the server's administrator and trusts it. Sources pick the change up when they
 * next connect (the hub keeps retrying on its own).
 */
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { isCausewayError } from '../../core/errors.js';
import { listCertificates, rejectCertificate, trustCertificate, type CertificateEntry } from '../../sources/opcua/pki.js';
import { Security } from '../../security/index.js';
import { cliActor } from './user.js';

export interface Out {
  write(text: string): unknown;
}

export interface PkiOptions {
  dataDir: string;
  pkiDir?: string;
}

/** The PKI folder: --pki-dir, else `<data-dir>/pki/opcua` (where OPC UA sources keep it by default). */
export function pkiDirOf(o: PkiOptions): string {
  return o.pkiDir ?? join(o.dataDir, 'pki', 'opcua');
}

/** Columns: status, thumbprint, end of validity, subject. */
function table(entries: readonly CertificateEntry[]): string {
  const rows = [['STATUS', 'THUMBPRINT', 'VALID TO', 'SUBJECT'], ...entries.map((e) => [e.status, e.thumbprint, e.validTo.slice(0, 10), e.subject])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')).join('\n');
}

/** Print the certificates; returns the exit code. */
export async function runPkiList(o: PkiOptions & { json?: boolean }, out: Out): Promise<number> {
  const dir = pkiDirOf(o);
  const entries = await listCertificates(dir);
  if (o.json) {
    out.write(`${JSON.stringify(entries, null, 2)}\n`);
    return 0;
  }
  if (entries.length === 0) {
    out.write(`No certificates in ${dir} yet: the hub creates its own when an OPC UA source first connects.\n`);
    return 0;
  }
  out.write(`${table(entries)}\n`);
  if (entries.some((e) => e.status === 'rejected')) {
    out.write('\nCheck a rejected thumbprint with the server\'s administrator, then trust it with `causeway pki trust <thumbprint>` (the first 8 characters are enough).\n');
  }
  return 0;
}

/** Record the decision in the hub's audit log, as the API does (actor `cli:<os user>`). */
function auditMove(dataDir: string, action: 'trust' | 'reject', entry: CertificateEntry, from: string | undefined): void {
  const security = Security.open({ dataDir, now: Date.now });
  try {
    security.audit.append({ actor: cliActor(), action: `pki.${action}`, target: entry.thumbprint, outcome: 'success', detail: { subject: entry.subject, from: from ?? 'unknown', validTo: entry.validTo, via: 'causeway pki' } });
  } finally {
    security.close();
  }
}

/** Trust or reject one certificate by thumbprint prefix; the decision is audited; returns the exit code. */
export async function runPkiMove(action: 'trust' | 'reject', thumbprint: string, o: PkiOptions, out: Out, err: Out): Promise<number> {
  const dir = pkiDirOf(o);
  try {
    const before = (await listCertificates(dir)).find((e) => e.status !== 'own' && e.thumbprint.startsWith(thumbprint.toLowerCase()));
    const entry = action === 'trust' ? await trustCertificate(dir, thumbprint) : await rejectCertificate(dir, thumbprint);
    try {
      auditMove(o.dataDir, action, entry, before?.status);
    } catch (e) {
      // What the audit log cannot record does not happen: put the certificate back.
      if (before && before.status !== entry.status) await (before.status === 'trusted' ? trustCertificate(dir, entry.thumbprint) : rejectCertificate(dir, entry.thumbprint));
      throw e;
    }
    const verb = action === 'trust' ? 'Trusted' : 'Rejected';
    const next = action === 'trust' ? 'OPC UA sources connect to it from their next attempt on (the hub retries on its own).' : 'OPC UA sources refuse it from their next connection on.';
    out.write(`${verb} ${entry.subject} (${entry.thumbprint}), now in ${entry.file}.\n${next}\n`);
    return 0;
  } catch (e) {
    if (!isCausewayError(e)) throw e;
    err.write(`${e.code}: ${e.message}\n${e.hint}\n`);
    return 1;
  }
}

/** The `pki` command with its three subcommands. */
export function pkiCommand(io: { out: Out; err: Out } = { out: process.stdout, err: process.stderr }): Command {
  const withDirs = (c: Command) =>
    c
      .addOption(new Option('-d, --data-dir <dir>', 'the hub\'s data directory').env('CAUSEWAY_DATA_DIR').default('./.causeway/data'))
      .addOption(new Option('--pki-dir <dir>', 'the PKI folder, when a source sets its own pkiDir (default <data-dir>/pki/opcua)'));
  const pki = new Command('pki').description('the certificates of OPC UA connections: list them, trust a server, reject one');
  withDirs(pki.command('list').description('list own, trusted and rejected certificates with their thumbprints'))
    .option('--json', 'print JSON instead of a table')
    .action(async (o: PkiOptions & { json?: boolean }) => {
      process.exitCode = await runPkiList(o, io.out);
    });
  for (const action of ['trust', 'reject'] as const) {
    const what = action === 'trust' ? 'trust a rejected server certificate' : 'stop trusting a server certificate';
    withDirs(pki.command(action).description(what).argument('<thumbprint>', 'the thumbprint, or enough of its start to be unique'))
      .action(async (thumbprint: string, o: PkiOptions) => {
        process.exitCode = await runPkiMove(action, thumbprint, o, io.out, io.err);
      });
  }
  return pki;
}
