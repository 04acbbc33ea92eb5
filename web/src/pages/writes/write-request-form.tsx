/** Ask for a value to be written: the gate answers done, pending (a second person must approve) or which check refused it. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { writes, type WriteRecord } from '../../api/security';
import { ProblemNotice } from '../../components/problem-notice';
import { formatTime, formatValue } from '../../lib/format';
import { navigate, useLocation, withQuery } from '../../lib/router';
import { NamespaceSearch } from '../namespace/namespace-search';

/** The value as typed: a number, true/false, or text. */
export function parseValue(text: string): number | boolean | string {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
}

function Outcome({ w }: { w: WriteRecord }) {
  if (w.state === 'pending') {
    return (
      <div className="notice" role="status" data-testid="write-outcome">
        <strong>Waiting for approval.</strong> The conduit into zone {w.zone} needs a second person with approval rights to approve it before {formatTime(w.expiresAt)}.
      </div>
    );
  }
  const o = w.outcome ?? {};
  return (
    <div className="notice" role="status" data-testid="write-outcome">
      <strong>Written.</strong> {formatValue(o.oldValue as number | undefined)} → {formatValue(o.newValue as number | undefined)}
      {o.verified ? ', read back from the device.' : '.'}
    </div>
  );
}

export function WriteRequestForm({ onDone }: { onDone(): void }) {
  const { query } = useLocation();
  const path = query.get('path') ?? '';
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<WriteRecord>();
  const [error, setError] = useState<ApiError>();

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await writes.request(path, parseValue(value), reason.trim() || undefined));
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} aria-label="Request a write">
      <NamespaceSearch kind="attribute" onSelect={(p) => navigate(withQuery({ path: p }), true)} />
      <div className="field">
        <label htmlFor="write-path">Attribute</label>
        <input id="write-path" className="mono" value={path} onChange={(e) => navigate(withQuery({ path: e.target.value }), true)} required />
      </div>
      <div className="field">
        <label htmlFor="write-value">New value</label>
        <input id="write-value" value={value} onChange={(e) => setValue(e.target.value)} required inputMode="decimal" />
      </div>
      <div className="field">
        <label htmlFor="write-reason">Reason (for the approver and the audit log)</label>
        <input id="write-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </div>
      <button type="submit" className="primary" disabled={busy || !path}>
        {busy ? 'Sending…' : 'Request write'}
      </button>
      <div style={{ marginTop: '0.75rem' }}>
        <ProblemNotice error={error} context="Refused" />
        {result ? <Outcome w={result} /> : null}
      </div>
    </form>
  );
}
