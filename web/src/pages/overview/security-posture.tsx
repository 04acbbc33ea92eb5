/**
 * The security posture at a glance: links without encryption and conduits that let commands down
 * (anyone who reads), certificates rejected or expired (engineers who configure), accounts nobody
 * used for 30 days (administrators), the audit chain (auditors). Each figure comes from the route
 * the user may read; the others say whose they are.
 */
import type { ReactNode } from 'react';
import { useFeatures } from '../../api/features';
import { vulnerabilities } from '../../api/inventory';
import { pki, users, zones } from '../../api/security';
import type { Permission } from '../../api/session';
import { allows, useSession } from '../../components/session';
import { StateBadge } from '../../components/state-badge';
import { sectionOf } from '../../components/nav';
import { Link } from '../../lib/router';
import { usePoll } from '../../lib/use-poll';
import { AccountsSummary } from '../security/accounts-summary';
import { AuditChain } from '../security/audit-chain';
import { STALE_MS } from '../security/users-panel';

const REFRESH_MS = 30_000;

interface Fact {
  id: string;
  label: string;
  /** Any one of these. */
  needs: Permission | readonly Permission[];
  whose: string;
  /** Where the Security page shows the detail, or another page. */
  anchor: string;
  to?: string;
  count?: number;
  detail?: string;
}

/** Load only what the session may read; undefined for the rest. */
function useIf<T>(key: string, may: boolean, load: (signal: AbortSignal) => Promise<T>) {
  return usePoll(`${key}-${may}`, (signal) => (may ? load(signal) : Promise.resolve(undefined)), may ? REFRESH_MS : 0).data;
}

function Figure({ f, linkable }: { f: Fact; linkable: boolean }): ReactNode {
  if (f.count === undefined) return <span className="muted">…</span>;
  const badge = <StateBadge state={f.count === 0 ? 'good' : 'warn'} label={String(f.count)} />;
  return linkable ? (
    <Link to={f.to ?? `/security#${f.anchor}`} aria-label={`${f.count} ${f.label.toLowerCase()}: details on the ${f.to ? 'Vulnerabilities' : 'Security'} page`}>
      {badge}
    </Link>
  ) : (
    badge
  );
}

export function SecurityPosture() {
  const { session } = useSession();
  const features = useFeatures();
  const may = (p: Permission | readonly Permission[]) => allows(session, typeof p === 'string' ? [p] : p);
  const map = useIf('posture-zones', may('read'), (signal) => zones.get(signal));
  const certs = useIf('posture-pki', may('configure'), (signal) => pki.list(signal))?.certificates;
  const loaded = useIf('posture-users', may('admin'), async (signal) => ({ users: (await users.list(signal)).users, at: Date.now() }));
  const accounts = loaded?.users;
  const findings = useIf('posture-findings', may(['configure', 'audit']) && features.has('/api/v1/vulnerabilities'), (signal) => vulnerabilities.list({ limit: 1 }, signal))?.open;
  const now = loaded?.at ?? 0;

  const open = map?.links.filter((l) => l.encrypted === false);
  const commands = map?.conduits.filter((c) => c.allow.includes('commands'));
  const doubtful = certs?.filter((c) => c.status === 'rejected' || (c.status === 'trusted' && c.expired));
  const waiting = certs?.filter((c) => c.metBy.some((m) => m.waiting)).length ?? 0;
  const stale = accounts?.filter((u) => !u.disabled && (u.lastLoginAt === undefined || now - u.lastLoginAt > STALE_MS));
  const facts: Fact[] = [
    { id: 'unencrypted', label: 'Connections without encryption', needs: 'read', whose: 'readers', anchor: 'zones', ...(open ? { count: open.length, detail: open.map((l) => l.id).join(', ') } : {}) },
    {
      id: 'certificates', label: 'Certificates rejected or expired', needs: 'configure', whose: 'engineers who configure', anchor: 'certificates',
      ...(doubtful ? { count: doubtful.length, detail: waiting ? `${waiting} ${waiting === 1 ? 'source waits' : 'sources wait'} for a decision` : '' } : {}),
    },
    {
      id: 'commands', label: 'Conduits that allow commands', needs: 'read', whose: 'readers', anchor: 'zones',
      ...(commands ? { count: commands.length, detail: commands.map((c) => `${c.from} → ${c.to}${c.require.approval ? ' (approval)' : ' (no approval)'}`).join(', ') } : {}),
    },
    {
      id: 'stale-accounts', label: 'Accounts without a sign-in for 30 days', needs: 'admin', whose: 'administrators', anchor: 'users',
      ...(stale ? { count: stale.length, detail: stale.map((u) => u.username).join(', ') } : {}),
    },
  ];
  if (features.has('/api/v1/vulnerabilities')) {
    const total = findings ? findings.P1 + findings.P2 + findings.P3 + findings.P4 : undefined;
    facts.push({
      id: 'findings', label: 'Open vulnerability findings', needs: ['configure', 'audit'], whose: 'engineers and auditors', anchor: '', to: '/vulnerabilities',
      ...(findings && total !== undefined ? { count: total, detail: total ? `P1 ${findings.P1} · P2 ${findings.P2} · P3 ${findings.P3} · P4 ${findings.P4}` : '' } : {}),
    });
  }
  const linkable = allows(session, sectionOf('/security')?.needs);

  return (
    <>
      <dl className="facts posture" data-testid="security-posture">
        {facts.map((f) => (
          <div key={f.id} style={{ display: 'contents' }} data-testid={`posture-${f.id}`}>
            <dt>{f.label}</dt>
            <dd>
              {may(f.needs) ? (
                <>
                  <Figure f={f} linkable={f.to ? allows(session, sectionOf(f.to)?.needs) : linkable} /> {f.detail ? <span className="small muted">{f.detail}</span> : null}
                </>
              ) : (
                <span className="small muted">for {f.whose}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {may('audit') ? <AuditChain /> : <p className="muted">The audit log is for auditors and administrators.</p>}
      {may('admin') ? <AccountsSummary /> : null}
    </>
  );
}
