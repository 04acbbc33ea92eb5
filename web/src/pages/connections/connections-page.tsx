/** Connections: every source and sink with its state, last success, last error and hint, next retry and throughput. */
import { useEffect, useState } from 'react';
import { get } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { StateBadge } from '../../components/state-badge';
import { formatRate } from '../../lib/format';
import { useHubRates } from '../../lib/use-hub-rates';
import { usePoll } from '../../lib/use-poll';
import { SourceCard } from './source-card';

const REFRESH_MS = 2000;

/** A clock that ticks every second, for "in 4 s" countdowns. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export function ConnectionsPage() {
  const sources = usePoll('sources', (signal) => get('/api/v1/sources', { signal }), REFRESH_MS);
  const rates = useHubRates(REFRESH_MS);
  const now = useNow();
  const sinks = rates.data?.connections.filter((c) => c.role === 'sink') ?? [];
  return (
    <>
      <h1>Connections</h1>
      <ProblemNotice error={sources.error} context="Sources" />
      <h2>Sources</h2>
      {(sources.data?.sources ?? []).map((s) => (
        <SourceCard key={s.id} source={s} perSecond={rates.data?.measured ? (rates.data.perSource.get(s.id) ?? 0) : undefined} now={now} />
      ))}
      <h2>Sinks</h2>
      <section className="panel" aria-label="Sinks">
        {sinks.length === 0 ? (
          <p className="muted">No sinks are configured.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Sink</th>
                <th scope="col">Kind</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Delivered/s
                </th>
              </tr>
            </thead>
            <tbody>
              {sinks.map((s) => (
                <tr key={s.id}>
                  <td>{s.id}</td>
                  <td>{s.kind}</td>
                  <td>
                    <StateBadge state={s.state} />
                  </td>
                  <td className="num">{formatRate(rates.data?.deliveredPerSecond.get(`sink:${s.id}`) ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
