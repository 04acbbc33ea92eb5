/** Every write request and what became of it: who asked, who approved, old and new value, or the check that refused it. */
import type { ApiError } from '../../api/client';
import type { WriteRecord } from '../../api/security';
import { PathText } from '../../components/path-text';
import { ProblemNotice } from '../../components/problem-notice';
import { StateBadge } from '../../components/state-badge';
import { formatTime, formatValue } from '../../lib/format';

const TONE: Record<WriteRecord['state'], string> = { pending: 'connecting', approved: 'connecting', done: 'good', denied: 'stopped', expired: 'stopped', cancelled: 'stopped', failed: 'bad' };

/** The outcome in words: "600 → 620, verified" or "refused at limits: …". */
export function outcomeText(w: WriteRecord): string {
  const o = w.outcome ?? {};
  if (w.state === 'done') return `${formatValue(o.oldValue as number | undefined)} → ${formatValue(o.newValue as number | undefined)}${o.verified ? ', verified' : ''}`;
  if (w.state === 'cancelled' && typeof o.reason === 'string') return `cancelled: ${o.reason}`;
  if (typeof o.step === 'string') return `refused at ${o.step}${typeof o.code === 'string' ? ` (${o.code})` : ''}`;
  return '—';
}

export function WriteHistory({ records, error, compact = false }: { records: WriteRecord[] | undefined; error?: ApiError; compact?: boolean }) {
  if (error) return <ProblemNotice error={error} />;
  if (!records) return <p className="muted">Loading…</p>;
  if (records.length === 0) return <p className="muted">No writes yet.</p>;
  return (
    <div className="table-scroll">
      <table data-testid="write-history">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Attribute</th>
            <th scope="col" className="num">Value</th>
            <th scope="col">State</th>
            <th scope="col">Requested / approved by</th>
            {compact ? null : <th scope="col">Outcome</th>}
          </tr>
        </thead>
        <tbody>
          {records.map((w) => (
            <tr key={w.id} data-testid={`write-${w.id}`}>
              <td className="nowrap">{formatTime(w.requestedAt)}</td>
              <td className="mono small">
                <PathText path={w.path} />
              </td>
              <td className="num">{formatValue(w.value)}</td>
              <td>
                <StateBadge state={TONE[w.state]} label={w.state} />
              </td>
              <td>
                {w.requester.name}
                {w.approver ? ` / ${w.approver.name}` : ''}
              </td>
              {compact ? null : <td>{outcomeText(w)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
