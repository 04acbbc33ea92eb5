/** `causeway audit verify|list`: check the audit log's keyed chain and exported checkpoints, or read its newest records. */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { dataDirOption, defaultIo, withSecurity, type SecurityIo } from './user.js';

export interface AuditVerifyOptions {
  dataDir: string;
  /** Where the hub exports checkpoints (security.audit.checkpointDir); default <data dir>/audit-checkpoints. */
  checkpointDir?: string;
}

/** Walk the keyed chain and compare it with the exported checkpoints; exit 0 when intact, 1 naming the first bad record. */
export async function runAuditVerify(o: AuditVerifyOptions, io: SecurityIo): Promise<number> {
  const audit = { readOnly: true, ...(o.checkpointDir ? { checkpointDir: resolve(o.checkpointDir) } : {}) };
  return withSecurity(o.dataDir, io, async (s) => {
    const v = s.audit.verify();
    const legacy = v.legacy > 0 ? ` Records 1 to ${v.legacy} were written before the keyed chain and are verified with the old, unkeyed hash chain only.` : '';
    const keyed = v.keyedFrom !== undefined ? `keyed from record ${v.keyedFrom}` : 'not keyed yet (the hub anchors the keyed chain at its next start)';
    if (v.ok) {
      io.out.write(`The audit log is intact: ${v.count} records, ${keyed}${v.head ? `, last record ${v.head.seq}` : ''}.${legacy}\n`);
      if (v.checkpoint) io.out.write(`It holds every record up to the checkpoint exported at ${new Date(v.checkpoint.at).toISOString()} (record ${v.checkpoint.seq}) in ${v.checkpoint.file}.\n`);
    } else {
      io.out.write(`The audit log was tampered with: record ${v.seq}: ${v.problem}. ${v.count} records before it are intact.${legacy}\n`);
    }
    for (const w of v.warnings) io.out.write(`Warning: ${w}.\n`);
    return v.ok ? 0 : 1;
  }, { audit });
}

/** Print the newest records. */
export async function runAuditList(o: { dataDir: string; limit: number }, io: SecurityIo): Promise<number> {
  return withSecurity(o.dataDir, io, async (s) => {
    for (const r of s.audit.query({ limit: o.limit }).reverse()) {
      io.out.write(`${String(r.seq).padStart(6)} ${new Date(r.ts).toISOString()} ${r.actor.padEnd(20)} ${(r.address ?? '-').padEnd(15)} ${r.action.padEnd(16)} ${r.outcome.padEnd(8)} ${r.target ?? ''}${r.detail ? ` ${JSON.stringify(r.detail)}` : ''}\n`);
    }
    return 0;
  });
}

/** The `audit` command. */
export function auditCommand(io: SecurityIo = defaultIo()): Command {
  const audit = new Command('audit').description('the audit log: verify its keyed chain, list its newest records');
  audit.command('verify').description('check that no record was edited, deleted or cut from the end (against the exported checkpoints)').addOption(dataDirOption())
    .option('--checkpoint-dir <dir>', "where the hub exports audit checkpoints (security.audit.checkpointDir; default <data dir>/audit-checkpoints)")
    .action(async (o: AuditVerifyOptions) => {
      process.exitCode = await runAuditVerify(o, io);
    });
  audit.command('list').description('print the newest records').option('-n, --limit <n>', 'how many', (v) => Number.parseInt(v, 10), 50).addOption(dataDirOption())
    .action(async (o: { dataDir: string; limit: number }) => {
      process.exitCode = await runAuditList(o, io);
    });
  return audit;
}
