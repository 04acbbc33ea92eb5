/**
 * The OPC UA certificates: the hub's own, the servers' it trusts and those it met and rejected.
 * An engineer (configure) trusts a rejected server after checking its thumbprint with the server's
 * administrator, or rejects a trusted one; the hub records each decision in the audit log.
 */
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { pki, type Certificate } from '../../api/security';
import { ProblemNotice } from '../../components/problem-notice';
import { StateBadge } from '../../components/state-badge';
import { formatTime } from '../../lib/format';
import { usePoll } from '../../lib/use-poll';

const STATUS_TONE: Record<Certificate['status'], string> = { own: 'idle', trusted: 'good', rejected: 'bad' };

/** A thumbprint in groups of four, as people compare it on the phone. */
export function groupThumbprint(tp: string): string {
  return tp.replace(/(.{4})(?=.)/g, '$1 ');
}

function MetBy({ c }: { c: Certificate }) {
  if (c.metBy.length === 0) return <span className="muted">{c.sources.length ? `folder of ${c.sources.join(', ')}` : '—'}</span>;
  return (
    <>
      {c.metBy.map((m) => (
        <div key={m.source}>
          {m.source} <StateBadge state={m.state} />
          {m.waiting ? <div className="small">does not connect until this certificate is trusted</div> : null}
        </div>
      ))}
    </>
  );
}

interface Pending {
  thumbprint: string;
  action: 'trust' | 'reject';
}

function Decision({ c, canDecide, pending, busy, onAsk, onConfirm, onCancel }: { c: Certificate; canDecide: boolean; pending?: Pending; busy: boolean; onAsk(p: Pending): void; onConfirm(): void; onCancel(): void }) {
  if (!canDecide || c.status === 'own') return <span className="muted">—</span>;
  const action = c.status === 'rejected' ? 'trust' : 'reject';
  if (pending?.thumbprint === c.thumbprint) {
    return (
      <div role="group" aria-label={`Confirm: ${pending.action} ${c.subject}`}>
        <p className="small">
          {pending.action === 'trust'
            ? 'Trust only after the server\'s administrator has read you this same thumbprint.'
            : 'OPC UA sources will refuse this server from their next connection on.'}
        </p>
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
            {pending.action === 'trust' ? 'Yes, trust it' : 'Yes, reject it'}
          </button>
          <button type="button" disabled={busy} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    );
  }
  return (
    <button type="button" onClick={() => onAsk({ thumbprint: c.thumbprint, action })} aria-label={`${action === 'trust' ? 'Trust' : 'Reject'} the certificate of ${c.subject}`}>
      {action === 'trust' ? 'Trust…' : 'Reject…'}
    </button>
  );
}

export function CertificatesPanel({ canDecide }: { canDecide: boolean }) {
  const list = usePoll('pki', (signal) => pki.list(signal), 10_000);
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    setError(undefined);
    try {
      const c = await pki.decide(pending.thumbprint, pending.action);
      setDone(`${c.subject} is now ${c.status}${c.status === 'trusted' ? ': OPC UA sources connect to it from their next attempt on' : ''}.`);
      setPending(undefined);
      list.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  }

  const certs = list.data?.certificates;
  return (
    <>
      <ProblemNotice error={list.error ?? error} />
      {done ? (
        <div className="notice info" role="status">
          {done}
        </div>
      ) : null}
      {certs && certs.length === 0 ? <p className="muted">No certificates yet: the hub makes its own when an OPC UA source first connects.</p> : null}
      {certs && certs.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="certificates">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Subject and thumbprint</th>
                <th scope="col">Valid</th>
                <th scope="col">Met by</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {certs.map((c) => (
                <tr key={`${c.status}-${c.thumbprint}`} data-testid={`cert-${c.thumbprint}`}>
                  <td>
                    <StateBadge state={STATUS_TONE[c.status]} label={c.status === 'own' ? "hub's own" : c.status} />
                  </td>
                  <td>
                    <div className="path">{c.subject}</div>
                    <div className="thumbprint muted">{groupThumbprint(c.thumbprint)}</div>
                  </td>
                  <td className="small nowrap">
                    {formatTime(Date.parse(c.validFrom))}
                    <br />
                    to {formatTime(Date.parse(c.validTo))}
                    {c.expired ? (
                      <div>
                        <StateBadge state="bad" label="expired" />
                      </div>
                    ) : null}
                  </td>
                  <td className="small">
                    <MetBy c={c} />
                  </td>
                  <td>
                    <Decision c={c} canDecide={canDecide} pending={pending} busy={busy} onAsk={setPending} onConfirm={() => void confirm()} onCancel={() => setPending(undefined)} />
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
