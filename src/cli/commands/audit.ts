/** `causeway audit verify|list`: check the audit log's hash chain, or read its newest records. */
import { Command } from 'commander';
import { dataDirOption, defaultIo, withSecurity, type SecurityIo } from './user.js';

/** Walk the chain; exit 0 when intact, 1 naming the first broken record. */
export async function runAuditVerify(o: { dataDir: string }, io: SecurityIo): Promise<number> {
  return withSecurity(o.dataDir, io, async (s) => {
    const v = s.audit.verify();
    if (v.ok) {
      io.out.write(`The audit log is intact: ${v.count} records${v.head ? `, last record ${v.head.seq} with hash ${v.head.hash}` : ''}.\n`);
      if (v.head) io.out.write('Keep the last hash somewhere else (a ticket, another system): it also proves later that nothing was cut from the end.\n');
      return 0;
    }
    io.out.write(`The audit log was tampered with: record ${v.seq}: ${v.problem}. ${v.count} records before it are intact.\n`);
    return 1;
  });
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
  const audit = new Command('audit').description('the audit log: verify its hash chain, list its newest records');
  audit.command('verify').description('check that no record was edited or deleted').addOption(dataDirOption()).action(async (o: { dataDir: string }) => {
    process.exitCode = await runAuditVerify(o, io);
  });
  audit.command('list').description('print the newest records').option('-n, --limit <n>', 'how many', (v) => Number.parseInt(v, 10), 50).addOption(dataDirOption())
    .action(async (o: { dataDir: string; limit: number }) => {
      process.exitCode = await runAuditList(o, io);
    });
  return audit;
}
