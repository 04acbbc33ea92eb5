/** Writes waiting for a second person: approve (carries the write out) or deny; the requester may withdraw. */
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { writes, type WriteRecord } from '../../api/security';
import { PathText } from '../../components/path-text';
import { ProblemNotice } from '../../components/problem-notice';
import { allows, useSession } from '../../components/session';
import { formatAgo, formatValue } from '../../lib/format';

function PendingRow({ w, canApprove, mine, busy, onApprove, onDeny }: { w: WriteRecord; canApprove: boolean; mine: boolean; busy: boolean; onApprove(): void; onDeny(): void }) {
  return (
    <tr data-testid={`pending-${w.id}`}>
      <td className="mono small">
                <PathText path={w.path} />
              </td>
      <td className="num">{formatValue(w.value)}</td>
      <td>
        {w.requester.name}
        <div className="small muted">{formatAgo(w.requestedAt)}</div>
      </td>
      <td>{w.reason ?? '—'}</td>
      <td>
        <div className="actions">
          {canApprove && !mine ? (
            <button type="button" className="primary" disabled={busy} onClick={onApprove} aria-label={`Approve writing ${formatValue(w.value)} to ${w.path}`}>
              Approve
            </button>
          ) : null}
          <button type="button" disabled={busy} onClick={onDeny} aria-label={`${mine ? 'Withdraw' : 'Deny'} writing ${formatValue(w.value)} to ${w.path}`}>
            {mine ? 'Withdraw' : 'Deny'}
          </button>
        </div>
        {canApprove && mine ? <div className="small muted">Another person must approve your own request.</div> : null}
      </td>
    </tr>
  );
}

export function PendingWrites({ pending, onDone }: { pending: WriteRecord[]; onDone(): void }) {
  const { session } = useSession();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();

  async function decide(w: WriteRecord, approve: boolean) {
    setBusy(w.id);
    setError(undefined);
    try {
      await (approve ? writes.approve(w.id) : writes.deny(w.id));
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <>
      <ProblemNotice error={error} context="Not decided" />
      {pending.length === 0 ? (
        <p className="muted">Nothing is waiting.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Attribute</th>
                <th scope="col" className="num">Value</th>
                <th scope="col">Requested by</th>
                <th scope="col">Reason</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((w) => (
                <PendingRow
                  key={w.id}
                  w={w}
                  canApprove={allows(session, ['approve'])}
                  mine={session.username === w.requester.name}
                  busy={busy === w.id}
                  onApprove={() => void decide(w, true)}
                  onDeny={() => void decide(w, false)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
