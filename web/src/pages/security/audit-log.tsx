/** The audit log, newest first, filtered by actor, action, target and time, paged back in time. */
import { useState } from 'react';
import { audit, type AuditRecord } from '../../api/security';
import { ProblemNotice } from '../../components/problem-notice';
import { StateBadge } from '../../components/state-badge';
import { formatTime } from '../../lib/format';
import { usePoll } from '../../lib/use-poll';

const PAGE = 50;
const OUTCOME_TONE: Record<string, string> = { success: 'good', failure: 'bad', refused: 'warn' };

/** The record's detail, short: "value: 620, reason: …". */
function detailText(r: AuditRecord): string {
  return Object.entries(r.detail ?? {})
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

interface AuditFilter {
  actor: string;
  action: string;
  target: string;
  /** A relative start such as -24h, or '' for all time. */
  since: string;
}

const SINCE: ReadonlyArray<[string, string]> = [['', 'all time'], ['-1h', 'the last hour'], ['-24h', 'the last 24 hours'], ['-7d', 'the last 7 days'], ['-30d', 'the last 30 days']];

function Filters({ f, onChange }: { f: AuditFilter; onChange(f: AuditFilter): void }) {
  const text = (key: 'actor' | 'action' | 'target', label: string, placeholder: string) => (
    <div>
      <label htmlFor={`audit-${key}`}>{label}</label>
      <input id={`audit-${key}`} value={f[key]} onChange={(e) => onChange({ ...f, [key]: e.target.value.trim() })} placeholder={placeholder} />
    </div>
  );
  return (
    <div className="toolbar">
      {text('actor', 'Actor', 'user name')}
      {text('action', 'Action', 'login, write, user, pki…')}
      {text('target', 'Target', 'exact user, path or id')}
      <div>
        <label htmlFor="audit-since">Since</label>
        <select id="audit-since" value={f.since} onChange={(e) => onChange({ ...f, since: e.target.value })}>
          {SINCE.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function AuditLog() {
  const [f, setFilter] = useState<AuditFilter>({ actor: '', action: '', target: '', since: '' });
  const [before, setBefore] = useState<number[]>([]);
  const cursor = before.at(-1);
  const key = `${f.actor}|${f.action}|${f.target}|${f.since}|${cursor ?? ''}`;
  const query = { limit: PAGE, ...(f.actor ? { actor: f.actor } : {}), ...(f.action ? { action: f.action } : {}), ...(f.target ? { target: f.target } : {}), ...(f.since ? { from: f.since } : {}), ...(cursor ? { before: cursor } : {}) };
  const page = usePoll(key, (signal) => audit.list(query, signal), cursor ? 0 : 5000);

  return (
    <>
      <Filters
        f={f}
        onChange={(next) => {
          setFilter(next);
          setBefore([]);
        }}
      />
      <ProblemNotice error={page.error} />
      <div className="table-scroll">
        <table data-testid="audit-log">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Outcome</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {(page.data?.records ?? []).map((r) => (
              <tr key={r.seq}>
                <td className="num">{r.seq}</td>
                <td className="nowrap">{formatTime(r.ts)}</td>
                <td>
                  {r.actor}
                  {r.address ? <div className="small muted">{r.address}</div> : null}
                </td>
                <td className="mono small">{r.action}</td>
                <td className="path small">{r.target ?? '—'}</td>
                <td>
                  <StateBadge state={OUTCOME_TONE[r.outcome] ?? 'idle'} label={r.outcome} />
                </td>
                <td className="small">{detailText(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="toolbar" style={{ marginTop: '0.75rem' }}>
        <button type="button" disabled={before.length === 0} onClick={() => setBefore(before.slice(0, -1))}>
          Newer
        </button>
        <button type="button" disabled={!page.data?.before} onClick={() => page.data?.before && setBefore([...before, page.data.before])}>
          Older
        </button>
      </div>
    </>
  );
}
