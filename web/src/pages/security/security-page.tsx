/**
 * Security: zones and conduits, the OPC UA certificates, users and roles, API tokens, writes
 * waiting for approval, and the audit log with its hash-chain check. Each section shows only to
 * those whose role allows it; the hub refuses the rest anyway.
 */
import type { ReactNode } from 'react';
import { useFeatures } from '../../api/features';
import { zones } from '../../api/security';
import type { Permission } from '../../api/session';
import { ArrivesWith } from '../../components/arrives-with';
import { allows, useSession } from '../../components/session';
import { usePoll } from '../../lib/use-poll';
import { AccountsSummary } from './accounts-summary';
import { AuditChain } from './audit-chain';
import { AuditLog } from './audit-log';
import { CertificatesPanel } from './certificates-panel';
import { PendingApprovals } from './pending-approvals';
import { TokensPanel } from './tokens-panel';
import { UsersPanel } from './users-panel';
import { ZonesPanel } from './zones-panel';

interface Section {
  id: string;
  title: string;
  /** Any one of these; undefined: everyone on this page. */
  needs?: readonly Permission[];
  /** The route it stands on, for hubs that do not serve it yet. */
  route: string;
  body: ReactNode;
}

function Panel({ s }: { s: Section }) {
  return (
    <section className="panel" aria-labelledby={`sec-${s.id}`} id={s.id}>
      <h2 id={`sec-${s.id}`}>{s.title}</h2>
      {s.body}
    </section>
  );
}

export function SecurityPage() {
  const features = useFeatures();
  const { session } = useSession();
  const admin = allows(session, ['admin']);
  // The zones a new user may be limited to (administrators only: they add users).
  const zoneIds = usePoll(`zone-ids-${admin}`, async (signal) => (admin ? (await zones.get(signal)).zones.map((z) => z.id) : []), 0).data ?? [];
  const sections: Section[] = [
    { id: 'zones', title: 'Zones and conduits', route: '/api/v1/zones', body: <ZonesPanel /> },
    { id: 'certificates', title: 'OPC UA certificates', needs: ['configure'], route: '/api/v1/pki', body: <CertificatesPanel canDecide={allows(session, ['configure'])} /> },
    {
      id: 'users', title: 'Users and roles', needs: ['admin'], route: '/api/v1/users',
      body: (
        <>
          <AccountsSummary />
          <UsersPanel zones={zoneIds} />
        </>
      ),
    },
    { id: 'tokens', title: 'API tokens', route: '/api/v1/tokens', body: session.state === 'signed-in' ? <TokensPanel /> : <p className="muted">API tokens are made from a signed-in session.</p> },
    { id: 'approvals', title: 'Writes waiting for approval', route: '/api/v1/writes', body: <PendingApprovals /> },
    { id: 'audit-chain', title: 'Audit chain', needs: ['audit'], route: '/api/v1/audit/verify', body: <AuditChain /> },
    { id: 'audit-log', title: 'Audit log', needs: ['audit'], route: '/api/v1/audit', body: <AuditLog /> },
  ];
  const shown = sections.filter((s) => allows(session, s.needs) && (!features.ready || features.has(s.route)));
  const missing = features.ready ? sections.filter((s) => allows(session, s.needs) && !features.has(s.route)) : [];
  return (
    <>
      <h1>Security</h1>
      <nav aria-label="On this page">
        <ul className="page-contents">
          {shown.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {missing.length > 0 ? <ArrivesWith feature="hub security" routes={missing.map((s) => s.route)} /> : null}
      {features.ready ? shown.map((s) => <Panel key={s.id} s={s} />) : null}
    </>
  );
}
