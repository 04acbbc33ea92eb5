/** What is wrong with what a connected source receives: its state badge says so, and each problem says what to do. */
import type { Answer } from '../../api/client';
import { StateBadge } from '../../components/state-badge';
import { formatAgo, formatCount, formatTime } from '../../lib/format';

type Source = Answer<'/api/v1/sources'>['sources'][number];
type Problem = Source['problems'][number];

/** Topics or edge nodes listed before "and N more". */
const SUBJECTS_SHOWN = 5;

/** The state, or "connected, but 636 messages quarantined" as a warning when the link is up but values are lost. */
export function SourceState({ s }: { s: Pick<Source, 'state' | 'problems'> }) {
  if (s.state !== 'connected' || s.problems.length === 0) return <StateBadge state={s.state} />;
  return (
    <span data-testid="source-state" data-warning="true">
      <StateBadge state="warn" label={`connected, but ${s.problems.map((p) => p.summary).join('; ')}`} />
    </span>
  );
}

function Subjects({ p }: { p: Problem }) {
  if (p.subjects.length === 0) return null;
  const shown = p.subjects.slice(0, SUBJECTS_SHOWN);
  const more = p.subjects.length - shown.length;
  return (
    <div className="small">
      {p.code === 'CW_SOURCE_MESSAGES_QUARANTINED' ? 'Topics' : 'Concerns'}:{' '}
      {shown.map((t, i) => (
        <span key={t}>
          {i > 0 ? ', ' : ''}
          <span className="mono">{t}</span>
        </span>
      ))}
      {more > 0 ? ` and ${more} more` : ''}
    </div>
  );
}

/** Each problem: the operator sentence, what to do, what it concerns, since when. */
export function SourceProblems({ problems, now }: { problems: readonly Problem[]; now: number }) {
  if (problems.length === 0) return null;
  return (
    <div className="notice warn" role="status" data-testid="source-problems">
      {problems.map((p) => (
        <div key={`${p.code}:${p.subjects.join(',')}`} data-code={p.code} style={{ marginBottom: '0.5rem' }}>
          <strong>{p.message}</strong>
          <div className="hint">{p.hint}</div>
          <Subjects p={p} />
          <div className="small muted">
            <span className="mono">{p.code}</span> · {formatCount(p.count)} since {formatTime(p.since)} · latest {formatAgo(p.lastAt, now)}
          </div>
        </div>
      ))}
    </div>
  );
}
