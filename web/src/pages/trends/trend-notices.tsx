/** What the chart cannot show by itself: pens without samples in the range, and a path nothing is at. */
import type { ApiError } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { formatTime } from '../../lib/format';
import type { PenSeries, Range } from './trend-query';

const PATH_NOT_FOUND = 'CW_API_PATH_NOT_FOUND';

/** The pens that have no point in the answer (blank axes say nothing by themselves). */
export function emptyPens(paths: readonly string[], series: readonly PenSeries[] | undefined): string[] {
  if (!series) return [];
  const counts = new Map(series.map((s) => [s.path, s.points.length]));
  return paths.filter((p) => !counts.get(p));
}

interface Props {
  paths: readonly string[];
  series: readonly PenSeries[] | undefined;
  range: Range;
  error: ApiError | undefined;
  onRemove(path: string): void;
}

export function TrendNotices({ paths, series, range, error, onRemove }: Props) {
  if (error?.problem.code === PATH_NOT_FOUND) {
    // The hub names the first path it could not find, in quotes; otherwise it is one of the pens.
    const named = /"([^"]+)"/.exec(error.problem.title)?.[1];
    const missing = named && paths.includes(named) ? [named] : [...paths];
    return (
      <div className="notice error" role="alert" data-testid="trend-not-found">
        <strong>No attribute at {missing.join(', ')}.</strong>
        <div className="hint">Nothing in the namespace is at that path: remove the pen, or find the attribute with the search above.</div>
        <div className="actions">
          {missing.map((p) => (
            <button key={p} type="button" onClick={() => onRemove(p)}>
              Remove {p}
            </button>
          ))}
        </div>
      </div>
    );
  }
  const empty = emptyPens(paths, series);
  return (
    <>
      <ProblemNotice error={error} />
      {empty.length ? (
        <div className="notice info" role="status" data-testid="trend-empty">
          No samples for {empty.join(', ')} between {formatTime(range.from)} and {formatTime(range.to)}.
        </div>
      ) : null}
    </>
  );
}
