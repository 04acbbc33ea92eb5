/** Where an attribute's values come from (source, tag, transforms) and where they go (historian, sinks, calculations). */
import { get, type Answer } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { usePoll } from '../../lib/use-poll';

type Lineage = Answer<'/api/v1/lineage'>;

/** A transform's or consumer's settings, beside its name: "unit: bpm, scale: 0.1". */
function settings(o: Record<string, unknown>, skip: readonly string[]): string {
  return Object.entries(o)
    .filter(([k, v]) => !skip.includes(k) && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

function Upstream({ l }: { l: Lineage }) {
  if (l.source) {
    return (
      <li>
        <span className="step">Source {l.source.id}</span> <span className="muted">({l.source.kind ?? 'source'}, zone {l.source.zone ?? '?'})</span>
        <div className="small">
          tag <code>{l.source.tag.id}</code> {settings(l.source.tag as Record<string, unknown>, ['id', 'path'])}
        </div>
      </li>
    );
  }
  if (l.kind === 'calculated') {
    return (
      <li>
        <span className="step">Calculated</span> in zone {l.zone ?? 'hub'} from {l.upstream.length} raw tags: <span className="mono small">{l.upstream.join(', ')}</span>
      </li>
    );
  }
  return (
    <li>
      <span className="step">{l.kind === 'unbound' ? 'Not bound to any source tag yet' : 'Raw tag'}</span>
    </li>
  );
}

export function LineageView({ path }: { path: string }) {
  const lineage = usePoll(`lineage:${path}`, (signal) => get('/api/v1/lineage', { query: { path }, signal }));
  if (lineage.error) return <ProblemNotice error={lineage.error} context="Lineage" />;
  const l = lineage.data;
  if (!l) return <p className="muted">Loading…</p>;
  return (
    <ol className="lineage" aria-label={`Lineage of ${path}`} data-testid="lineage">
      <Upstream l={l} />
      {l.transforms.map((t, i) => (
        <li key={i}>
          <span className="step">{t.stage}</span> <span className="small">{settings(t as Record<string, unknown>, ['stage'])}</span>
        </li>
      ))}
      <li>
        <span className="step">This attribute</span> <span className="mono small">{l.path}</span>
      </li>
      {l.consumers.map((c, i) => (
        <li key={`c${i}`}>
          <span className="step">→ {c.kind}</span> <span className="small">{settings(c as Record<string, unknown>, ['kind'])}</span>
        </li>
      ))}
      {l.excluded.map((x) => (
        <li key={`x${x.sink}`}>
          <span className="step">✕ not sent to {x.sink}</span> <span className="small">{x.reason}</span>
        </li>
      ))}
    </ol>
  );
}
