/** Security: the audit log with its hash-chain check, for auditors and administrators. */
import { useFeatures } from '../../api/features';
import { ArrivesWith } from '../../components/arrives-with';
import { allows, useSession } from '../../components/session';
import { AccountsSummary } from './accounts-summary';
import { AuditChain } from './audit-chain';
import { AuditLog } from './audit-log';

export function SecurityPage() {
  const features = useFeatures();
  const { session } = useSession();
  return (
    <>
      <h1>Security</h1>
      {features.ready && !features.has('/api/v1/audit') ? (
        <ArrivesWith feature="hub security" routes={['/api/v1/audit']}>
          <p>Then this page shows the audit log (sign-ins, writes and approvals, configuration changes) with its hash-chain check.</p>
        </ArrivesWith>
      ) : null}
      {features.ready && features.has('/api/v1/audit') ? (
        <>
          <section className="panel" aria-labelledby="sec-chain">
            <h2 id="sec-chain">Audit chain</h2>
            <AuditChain />
            {allows(session, ['admin']) ? <AccountsSummary /> : null}
          </section>
          <section className="panel" aria-labelledby="sec-log">
            <h2 id="sec-log">Audit log</h2>
            <AuditLog />
          </section>
        </>
      ) : null}
    </>
  );
}
