/** Is the audit log intact and recording? (GET /api/v1/audit/verify walks the keyed chain and the exported checkpoints.) */
import { audit } from '../../api/security';
import { ProblemNotice } from '../../components/problem-notice';
import { StateBadge } from '../../components/state-badge';
import { formatCount } from '../../lib/format';
import { usePoll } from '../../lib/use-poll';

export function AuditChain() {
  const check = usePoll('audit-verify', (signal) => audit.verify(signal), 15_000);
  if (check.error) return <ProblemNotice error={check.error} />;
  const c = check.data;
  if (!c) return <p className="muted">Checking…</p>;
  return (
    <div data-testid="audit-chain">
      <p>
        <StateBadge state={c.ok ? 'good' : 'bad'} label={c.ok ? 'chain intact' : 'chain broken'} /> {formatCount(c.count)} records
        {c.head ? (
          <span className="small muted">
            {' '}
            · head #{c.head.seq} <span className="mono">{c.head.hash.slice(0, 16)}…</span>
          </span>
        ) : null}
        {c.keyedFrom !== undefined ? <span className="small muted"> · keyed from #{c.keyedFrom}</span> : null}
        {c.checkpoint ? <span className="small muted"> · checkpoint #{c.checkpoint.seq}</span> : null}
      </p>
      {c.warnings.map((w) => (
        <div key={w} className="notice info" role="status">
          {w}
        </div>
      ))}
      {!c.ok ? (
        <div className="notice error" role="alert">
          Record #{c.seq} was edited, deleted or cut from the end: {c.problem}
        </div>
      ) : null}
      {!c.recording ? (
        <div className="notice error" role="alert">
          The audit log cannot record ({c.failure}); writes to machines and account changes are refused until it can.
        </div>
      ) : null}
    </div>
  );
}
