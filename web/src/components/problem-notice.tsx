/** A problem from the hub as the user should read it: what happened, and what to do next. */
import type { ApiError } from '../api/client';

/** `tone="info"` for an answer that is not a failure, such as a feature the hub is not configured for. */
export function ProblemNotice({ error, context, tone = 'error' }: { error: ApiError | undefined; context?: string; tone?: 'error' | 'info' }) {
  if (!error) return null;
  const p = error.problem;
  return (
    <div className={`notice ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <strong>{context ? `${context}: ` : ''}{p.title}</strong>
      {p.hint ? <div className="hint">{p.hint}</div> : null}
      {p.code ? <div className="small muted mono">{p.code}</div> : null}
    </div>
  );
}
