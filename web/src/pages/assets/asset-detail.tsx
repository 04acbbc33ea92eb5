/** One asset: identity, place, owner, posture, endpoints, namespace, its identity history and its open findings. */
import { Fragment, type ReactNode } from 'react';
import { assets, type AssetHistoryEntry } from '../../api/inventory';
import { ProblemNotice } from '../../components/problem-notice';
import { formatTime } from '../../lib/format';
import { Link } from '../../lib/router';
import { usePoll } from '../../lib/use-poll';

const show = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v));
const yesNo = (v: boolean | undefined) => (v === undefined ? '—' : v ? 'yes' : 'no');

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return <dl className="asset-facts">{rows.map(([k, v]) => <Fragment key={k}><dt>{k}</dt><dd>{v}</dd></Fragment>)}</dl>;
}

function History({ entries }: { entries: AssetHistoryEntry[] }) {
  if (entries.length === 0) return <p className="muted">No history.</p>;
  return (
    <ol className="asset-history" data-testid="asset-history">
      {[...entries].reverse().map((h) => (
        <li key={h.seq}>
          <b>{h.event}</b> {formatTime(h.at)} by {h.actor}
          {Object.keys(h.changes).length > 0 ? (
            <ul>{Object.entries(h.changes).map(([field, c]) => <li key={field}><span className="mono">{field}</span>: {show(c.from)} → {show(c.to)}</li>)}</ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function Findings({ id }: { id: string }) {
  const found = usePoll(`asset-findings-${id}`, (signal) => assets.findings(id, signal));
  if (found.error) return <ProblemNotice error={found.error} tone="info" context="Findings" />;
  if (!found.data) return <p className="muted">Loading…</p>;
  if (found.data.items.length === 0) return <p className="muted" data-testid="asset-findings">No open findings.</p>;
  return (
    <ul data-testid="asset-findings">
      {found.data.items.map((f) => <li key={f.id}><span className={`priority-pill ${f.priority}`}>{f.priority}</span> {f.cve ?? f.advisoryId} ({f.verdict === 'affected' ? 'affected' : 'possibly'})</li>)}
      <li><Link to="/vulnerabilities">All findings on the Vulnerabilities page</Link></li>
    </ul>
  );
}

export function AssetDetail({ id }: { id: string }) {
  const one = usePoll(`asset-${id}`, (signal) => assets.get(id, signal), 30_000);
  const a = one.data?.asset;
  if (!a) return <ProblemNotice error={one.error} />;
  const { posture: p } = a;
  return (
    <section className="panel asset-detail" aria-labelledby="asset-title" data-testid="asset-detail">
      <h2 id="asset-title">{a.name} <span className="muted small mono">{a.id}</span></h2>
      {a.description ? <p>{a.description}</p> : null}
      <div className="asset-columns">
        <div>
          <h3>Identity</h3>
          <Facts rows={[['Vendor', show(a.vendor)], ['Product', show(a.product)], ['Model', show(a.model)], ['Version', show(a.version)], ['Serial', show(a.serial)], ['CPE', show(a.cpe)],
            ...Object.entries(a.facts ?? {}).map(([k, v]): [string, ReactNode] => [k, v])]} />
        </div>
        <div>
          <h3>Place and owner</h3>
          <Facts rows={[['Site', a.site], ['Zone', a.zone ? `${a.zone}${a.level !== undefined ? ` (Purdue level ${a.level})` : ''}` : '—'], ['Owner', show([a.owner?.team, a.owner?.person].filter(Boolean))], ['Criticality', show(a.criticality)],
            ['Origin', `${a.origin.kind}${a.origin.connection ? ` from ${a.origin.connection}` : ''}${a.origin.device ? ` (${a.origin.device})` : ''}${a.origin.file ? ` (${a.origin.file})` : ''}`], ['Last seen', a.lastSeen ? formatTime(a.lastSeen) : '—']]} />
        </div>
        <div>
          <h3>Posture</h3>
          <Facts rows={[['Encrypted link', yesNo(p.encrypted)], ['Link', show(p.link)], ['Security policy', show(p.securityPolicy)], ['Certificate expiry', show(p.certificateExpiry)], ['Anonymous login', yesNo(p.anonymousLogin)]]} />
        </div>
      </div>
      <h3>Endpoints</h3>
      {a.endpoints.length ? <ul className="mono">{a.endpoints.map((e) => <li key={e}>{e}</li>)}</ul> : <p className="muted">None recorded.</p>}
      <h3>Namespace</h3>
      {a.namespace.length ? <ul className="mono">{a.namespace.map((n) => <li key={n}><Link to={`/namespace?path=${encodeURIComponent(n)}`}>{n}</Link></li>)}</ul> : <p className="muted">Feeds no namespace subtree.</p>}
      <h3>Open findings</h3>
      <Findings id={a.id} />
      <h3>History</h3>
      <History entries={one.data?.history ?? []} />
    </section>
  );
}
