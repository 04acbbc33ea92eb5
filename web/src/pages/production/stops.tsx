/** A line's stops in the last 24 hours with their reasons; an operator gives an unexplained stop its reason. */
import { useState } from 'react';
import { ApiError, get, request, type Answer } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { allows, useSession } from '../../components/session';
import { formatDuration, formatTime } from '../../lib/format';
import { usePoll } from '../../lib/use-poll';
import { NOT_CONFIGURED } from './oee-table';

type Downtime = Answer<'/api/v1/downtime'>;
type Stop = Downtime['stops'][number];

const REFRESH_MS = 5000;

function ReasonPicker({ stop, reasons, onAssign, busy }: { stop: Stop; reasons: Downtime['reasons']; onAssign(code: number): void; busy: boolean }) {
  const [code, setCode] = useState<number>();
  const id = `reason-${stop.id}`;
  return (
    <div className="actions">
      <label htmlFor={id} className="visually-hidden">{`Reason for the stop at ${formatTime(stop.start)}`}</label>
      <select id={id} value={code ?? ''} onChange={(e) => setCode(e.target.value ? Number(e.target.value) : undefined)} disabled={busy}>
        <option value="">Choose a reason…</option>
        {reasons.map((r) => (
          <option key={r.code} value={r.code}>{`${r.label} (${r.loss})`}</option>
        ))}
      </select>
      <button type="button" disabled={busy || code === undefined} onClick={() => code !== undefined && onAssign(code)}>
        Assign
      </button>
    </div>
  );
}

function reasonText(s: Stop): string {
  if (s.reasonLabel) return `${s.reasonLabel}${s.reasonSource === 'operator' ? ' (operator)' : ''}`;
  return s.reason !== undefined ? `reason ${s.reason}` : 'unexplained';
}

export function Stops() {
  const { session } = useSession();
  const oee = usePoll('stops-lines', (signal) => get('/api/v1/oee', { query: { by: 'range', from: '-24h' }, signal }), 60_000);
  const lines = [...new Set((oee.data?.periods ?? []).map((p) => p.line))];
  const [picked, setPicked] = useState<string>();
  const line = picked ?? lines[0];
  const stops = usePoll(`downtime-${line ?? ''}`, (signal) => (line ? get('/api/v1/downtime', { query: { line, from: '-24h' }, signal }) : Promise.resolve(undefined)), REFRESH_MS);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const canWrite = allows(session, ['write']);

  async function assign(stop: Stop, code: number) {
    setBusy(stop.id);
    setError(undefined);
    try {
      await request('POST', `/api/v1/downtime/${encodeURIComponent(stop.id)}/reason`, { code });
      stops.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(undefined);
    }
  }

  if (oee.error) return <ProblemNotice error={oee.error} tone={oee.error.problem.code === NOT_CONFIGURED ? 'info' : 'error'} />;
  if (!oee.data) return <p className="muted">Loading…</p>;
  if (lines.length === 0) return <p className="muted">No line has run in the last 24 hours.</p>;
  if (stops.error) return <ProblemNotice error={stops.error} tone={stops.error.problem.code === NOT_CONFIGURED ? 'info' : 'error'} />;
  const list = [...(stops.data?.stops ?? [])].reverse();
  return (
    <>
      <div className="actions">
        <label htmlFor="stops-line">Line</label>
        <select id="stops-line" value={line} onChange={(e) => setPicked(e.target.value)}>
          {lines.map((l) => (
            <option key={l} value={l}>{l}</option>
          ))}
        </select>
      </div>
      <ProblemNotice error={error} context="The reason was not assigned" />
      {!stops.data ? <p className="muted">Loading…</p> : null}
      {stops.data && list.length === 0 ? <p className="muted">No stops on {line} in the last 24 hours.</p> : null}
      {list.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="stops">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col" className="num">Duration</th>
                <th scope="col">State</th>
                <th scope="col">Loss</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id} data-testid={`stop-${s.id}`}>
                  <td className="nowrap">{formatTime(s.start)}</td>
                  <td className="num">{formatDuration(s.durationMs)}</td>
                  <td>{s.state}</td>
                  <td>{s.class}</td>
                  <td>
                    {reasonText(s)}
                    {canWrite && s.reasonSource !== 'operator' && stops.data!.reasons.length > 0 ? (
                      <ReasonPicker stop={s} reasons={stops.data!.reasons} busy={busy === s.id} onAssign={(code) => void assign(s, code)} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
