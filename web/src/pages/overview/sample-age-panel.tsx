/** How fresh the data is where it lands: sample age from arrival at the hub to the historian and to each sink. */
import type { Answer } from '../../api/client';
import { formatCount } from '../../lib/format';

type Health = Answer<'/api/v1/health'>;
type Latency = NonNullable<Health['latency']>[number];

/** An age in seconds as people read it: 3 ms, 250 ms, 1.4 s, ≥ 10 s (the histogram's top). */
export function formatAge(seconds: number | undefined): string {
  if (seconds === undefined) return '—';
  if (seconds >= 10) return '≥ 10 s';
  if (seconds < 1) return `${Math.max(1, Math.round(seconds * 1000))} ms`;
  return `${seconds.toFixed(1)} s`;
}

function label(l: Latency): string {
  return l.stage === 'historian' ? 'historian (stored)' : `sink ${l.sink ?? ''} (acknowledged)`;
}

export function SampleAgePanel({ health }: { health?: Health }) {
  const rows = health?.latency ?? [];
  return (
    <section className="panel" aria-labelledby="ov-sample-age" data-testid="sample-age">
      <h2 id="ov-sample-age">Data age</h2>
      <p className="small muted">From a sample&apos;s arrival at the hub until it is stored or its destination took it; last minute.</p>
      {rows.length === 0 ? (
        <p className="muted">{health ? 'No samples delivered yet.' : '…'}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col" className="num">
                  Median
                </th>
                <th scope="col" className="num">
                  99th percentile
                </th>
                <th scope="col" className="num">
                  Samples
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={`${l.stage}:${l.sink ?? ''}`}>
                  <td>{label(l)}</td>
                  <td className="num">{formatAge(l.p50Seconds)}</td>
                  <td className="num">{formatAge(l.p99Seconds)}</td>
                  <td className="num">{formatCount(l.samples)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
