/** OEE = availability × performance × quality per line over a range, with the biggest downtime reason. */
import { get, type Answer } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { formatCount, formatDuration } from '../../lib/format';
import { usePoll } from '../../lib/use-poll';

type Period = Answer<'/api/v1/oee'>['periods'][number];

const REFRESH_MS = 5000;
export const NOT_CONFIGURED = 'CW_PRODUCTION_NOT_CONFIGURED';

export function percent(r: number | null | undefined): string {
  return r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)} %`;
}

function TopStop({ p }: { p: Period }) {
  const top = [...p.downtime].sort((a, b) => b.durationMs - a.durationMs)[0];
  return top ? <>{`${top.label} (${formatDuration(top.durationMs)}, ${top.stops} stops)`}</> : <>none</>;
}

/** OEE per line; `compact` leaves out counts and downtime (the overview). */
export function OeeTable({ compact = false }: { compact?: boolean }) {
  const oee = usePoll('oee', (signal) => get('/api/v1/oee', { query: { by: 'range', from: '-24h' }, signal }), REFRESH_MS);
  if (oee.error) return <ProblemNotice error={oee.error} tone={oee.error.problem.code === NOT_CONFIGURED ? 'info' : 'error'} />;
  if (!oee.data) return <p className="muted">Loading…</p>;
  if (oee.data.periods.length === 0) return <p className="muted">No line has run in the last 24 hours.</p>;
  return (
    <div className="table-scroll">
      <table data-testid="oee">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" className="num">OEE</th>
            <th scope="col" className="num">Availability</th>
            <th scope="col" className="num">Performance</th>
            <th scope="col" className="num">Quality</th>
            {compact ? null : (
              <>
                <th scope="col" className="num">Good / total</th>
                <th scope="col">Longest downtime</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {oee.data.periods.map((p) => (
            <tr key={`${p.line}-${p.period.from}`} data-testid={`oee-${p.line}`}>
              <td>{p.line}</td>
              <td className="num">
                <strong>{percent(p.oee)}</strong>
              </td>
              <td className="num">{percent(p.availability)}</td>
              <td className="num">{percent(p.performance)}</td>
              <td className="num">{percent(p.quality)}</td>
              {compact ? null : (
                <>
                  <td className="num">
                    {formatCount(p.counts.good)} / {formatCount(p.counts.total)}
                  </td>
                  <td>
                    <TopStop p={p} />
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
