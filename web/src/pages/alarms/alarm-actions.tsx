/**
 * What the signed-in user may do with one alarm: acknowledge with a comment, shelve for a bounded
 * time with a reason, unshelve; take out of service and return to service (engineers). Only the
 * actions the session's permissions allow and the alarm's state offers are shown; the hub decides
 * per zone, and its refusal is shown as it gives it.
 */
import { useState, type FormEvent } from 'react';
import { act, SHELVE_DURATIONS, UNACKED, type Alarm, type AlarmAction } from '../../api/alarms';
import { ApiError } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { allows, useSession } from '../../components/session';

const CONTEXT: Record<AlarmAction, string> = {
  ack: 'Not acknowledged',
  shelve: 'Not shelved',
  unshelve: 'Not unshelved',
  'out-of-service': 'Not taken out of service',
  'in-service': 'Not returned to service',
};

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError({ status: 0, title: (e as Error).message, hint: 'Try again.' });
}

export function AlarmActions({ alarm, onDone }: { alarm: Alarm; onDone(a: Alarm): void }) {
  const { session } = useSession();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<{ action: AlarmAction; error: ApiError }>();
  const [comment, setComment] = useState('');
  const [duration, setDuration] = useState<string>('1h');
  const [reason, setReason] = useState('');
  const [oosReason, setOosReason] = useState('');
  const canWrite = allows(session, ['write']);
  const canService = session.permissions.has('configure') && session.permissions.has('write');
  if (!canWrite && !canService) return <p className="small muted">Your role may read alarms but not act on them.</p>;

  async function run(e: FormEvent | undefined, action: AlarmAction, body: { comment?: string; reason?: string; duration?: string }) {
    e?.preventDefault();
    setBusy(true);
    setFailed(undefined);
    try {
      const next = await act(alarm.id, action, body);
      setComment('');
      setReason('');
      setOosReason('');
      onDone(next);
    } catch (err) {
      setFailed({ action, error: asApiError(err) });
    } finally {
      setBusy(false);
    }
  }

  const oos = alarm.state === 'OUT_OF_SERVICE';
  const shelved = alarm.state === 'SHELVED';
  return (
    <div className="alarm-actions" data-testid="alarm-actions">
      <ProblemNotice error={failed?.error} context={failed ? CONTEXT[failed.action] : undefined} />
      {canWrite && UNACKED.has(alarm.state) ? (
        <form onSubmit={(e) => void run(e, 'ack', comment.trim() ? { comment: comment.trim() } : {})}>
          <label htmlFor="ack-comment">Acknowledge</label>
          <div className="alarm-form-row">
            <input id="ack-comment" maxLength={500} placeholder="Comment (optional): what you found or did" value={comment} onChange={(e) => setComment(e.target.value)} />
            <button type="submit" className="primary" disabled={busy}>
              Acknowledge
            </button>
          </div>
        </form>
      ) : null}
      {canWrite && !oos && !shelved ? (
        <form onSubmit={(e) => void run(e, 'shelve', { duration, reason: reason.trim() })}>
          <label htmlFor="shelve-reason">Shelve</label>
          <div className="alarm-form-row">
            <select aria-label="Shelve for" value={duration} onChange={(e) => setDuration(e.target.value)} className="alarm-duration">
              {SHELVE_DURATIONS.map((d) => (
                <option key={d} value={d}>
                  for {d}
                </option>
              ))}
            </select>
            <input id="shelve-reason" required maxLength={500} placeholder="Reason (required)" value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="submit" disabled={busy || !reason.trim()}>
              Shelve
            </button>
          </div>
          <div className="small muted">At most 24 h; longer is an engineer&apos;s out of service.</div>
        </form>
      ) : null}
      {canWrite && shelved ? (
        <button type="button" disabled={busy} onClick={() => void run(undefined, 'unshelve', {})}>
          Unshelve
        </button>
      ) : null}
      {canService && !oos ? (
        <form onSubmit={(e) => void run(e, 'out-of-service', { reason: oosReason.trim() })}>
          <label htmlFor="oos-reason">Out of service (engineers)</label>
          <div className="alarm-form-row">
            <input id="oos-reason" required maxLength={500} placeholder="Reason (required), e.g. instrument removed for calibration" value={oosReason} onChange={(e) => setOosReason(e.target.value)} />
            <button type="submit" disabled={busy || !oosReason.trim()}>
              Take out of service
            </button>
          </div>
        </form>
      ) : null}
      {canService && oos ? (
        <button type="button" disabled={busy} onClick={() => void run(undefined, 'in-service', {})}>
          Return to service
        </button>
      ) : null}
    </div>
  );
}
