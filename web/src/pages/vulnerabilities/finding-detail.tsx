/** One finding: why it matched, why it ranks where it does, what to do, and its history. */
import { vulnerabilities } from '../../api/inventory';
import { ProblemNotice } from '../../components/problem-notice';
import { formatTime } from '../../lib/format';
import { usePoll } from '../../lib/use-poll';
import { FindingActions } from './finding-actions';

/** Only web links become links; anything else an advisory says stays text. */
const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

export function FindingDetail({ id, onChange }: { id: string; onChange: () => void }) {
  const one = usePoll(`finding-${id}`, (signal) => vulnerabilities.get(id, signal));
  const f = one.data;
  if (!f) return <ProblemNotice error={one.error} />;
  return (
    <section className="panel finding-detail" aria-labelledby="finding-title" data-testid="finding-detail">
      <h2 id="finding-title">
        <span className={`priority-pill ${f.priority}`}>{f.priority}</span> {f.cve ?? 'No CVE'} on {f.assetId}
      </h2>
      <p className="muted">
        {f.advisoryId} · {f.verdict === 'affected' ? 'affected' : 'possibly affected'} · {f.state}
        {f.owner ? ` · owner ${f.owner}` : ''}
        {f.acceptedUntil ? ` · accepted until ${formatTime(f.acceptedUntil)}` : ''}
      </p>
      <h3>Why it matched</h3>
      <ul>{f.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
      <h3>Why this priority ({f.score})</h3>
      <ul>{f.riskReasons.map((r) => <li key={r}>{r}</li>)}</ul>
      {f.exposure[0] ? <p className="muted small">Exposure: {f.exposure[0]}</p> : null}
      <h3>Remediation</h3>
      {f.remediations.length === 0 ? <p className="muted">The advisory gives none; isolate the device and ask the vendor.</p> : null}
      <ul data-testid="remediations">
        {f.remediations.map((r) => {
          const url = safeUrl(r.url);
          return (
            <li key={`${r.category}-${r.details}`}>
              <b>{r.category.replace(/_/g, ' ')}</b>: {r.details}{' '}
              {url ? <a href={url} target="_blank" rel="noreferrer noopener">{url}</a> : null}
            </li>
          );
        })}
      </ul>
      <FindingActions finding={f} onDone={() => { one.reload(); onChange(); }} />
      <h3>History</h3>
      <ol className="finding-history">
        {f.history.map((h) => (
          <li key={`${h.at}-${h.action}-${h.comment ?? ''}`}>
            <span className="small nowrap">{formatTime(h.at)}</span> {h.action} {h.from && h.from !== h.to ? `${h.from} → ${h.to}` : ''} {h.user ? `by ${h.user}` : ''}
            {h.comment ? <span className="muted"> — {h.comment}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
