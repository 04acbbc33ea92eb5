/** The audit log, newest first, filtered by actor and action, paged back in time. */
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

function Filters({ actor, action, onChange }: { actor: string; action: string; onChange(actor: string, action: string): void }) {
  return (
    <div className="toolbar">
      <div>
        <label htmlFor="audit-actor">Actor</label>
        <input id="audit-actor" value={actor} onChange={(e) => onChange(e.target.value, action)} placeholder="user name" />
      </div>
      <div>
        <label htmlFor="audit-action">Action</label>
        <input id="audit-action" value={action} onChange={(e) => onChange(actor, e.target.value)} placeholder="login, write, user…" />
      </div>
    </div>
  );
}

export function AuditLog() {
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [before, setBefore] = useState<number[]>([]);
  const cursor = before.at(-1);
  const key = `${actor}|${action}|${cursor ?? ''}`;
  const page = usePoll(key, (signal) => audit.list({ limit: PAGE, ...(actor ? { actor } : {}), ...(action ? { action } : {}), ...(cursor ? { before: cursor } : {}) }, signal), cursor ? 0 : 5000);

  return (
    <>
      <Filters
        actor={actor}
        action={action}
        onChange={(a, b) => {
          setActor(a.trim());
          setAction(b.trim());
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
