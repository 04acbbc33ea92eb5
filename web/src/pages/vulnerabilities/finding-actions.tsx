/** The workflow actions on one finding, offered as the caller's permissions allow. */
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { vulnerabilities, type FindingDetail } from '../../api/inventory';
import { ProblemNotice } from '../../components/problem-notice';
import { allows, useSession } from '../../components/session';

type Kind = 'mitigate' | 'accept' | 'reopen' | 'assign' | 'comment';
const LABEL: Record<Kind, string> = { mitigate: 'Mitigated', accept: 'Accept risk', reopen: 'Reopen', assign: 'Assign', comment: 'Comment' };

export function FindingActions({ finding, onDone }: { finding: FindingDetail; onDone: (f: FindingDetail) => void }) {
  const { session } = useSession();
  const [kind, setKind] = useState<Kind>();
  const [text, setText] = useState('');
  const [duration, setDuration] = useState('90d');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  if (!allows(session, ['configure'])) return null;
  const offered: Kind[] = [
    ...(finding.state === 'open' ? (['mitigate'] as Kind[]) : []),
    ...(finding.state !== 'fixed' && allows(session, ['approve']) ? (['accept'] as Kind[]) : []),
    ...(finding.state !== 'open' ? (['reopen'] as Kind[]) : []),
    'assign', 'comment',
  ];

  async function submit() {
    if (!kind) return;
    setBusy(true);
    setError(undefined);
    try {
      const id = finding.id;
      const done = kind === 'accept' ? await vulnerabilities.accept(id, text, duration) : kind === 'assign' ? await vulnerabilities.assign(id, text) : await vulnerabilities[kind](id, text);
      setKind(undefined);
      setText('');
      onDone(done);
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="finding-actions">
      <div className="button-row">
        {offered.map((k) => (
          <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(kind === k ? undefined : k)}>
            {LABEL[k]}
          </button>
        ))}
      </div>
      {kind ? (
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <label>
            {kind === 'assign' ? 'Owner (team or person)' : kind === 'accept' ? 'Justification' : kind === 'mitigate' ? 'What was done' : 'Comment'}
            <textarea value={text} required maxLength={2000} rows={kind === 'assign' ? 1 : 3} onChange={(e) => setText(e.target.value)} />
          </label>
          {kind === 'accept' ? (
            <label>
              Accepted for
              <select value={duration} onChange={(e) => setDuration(e.target.value)}>
                {['30d', '90d', '180d', '365d'].map((d) => <option key={d} value={d}>{d.replace('d', ' days')}</option>)}
              </select>
            </label>
          ) : null}
          <button type="submit" disabled={busy || text.trim() === ''}>{LABEL[kind]}</button>
        </form>
      ) : null}
      <ProblemNotice error={error} />
    </div>
  );
}
