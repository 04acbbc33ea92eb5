/**
 * Connections: every source and sink with its state, last success, last error and hint, next retry,
 * backlog and throughput, and a reconnect-now action; /connections/<source-id> shows one source in full.
 */
import { useEffect, useState } from 'react';
import { get } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { useHubRates } from '../../lib/use-hub-rates';
import { useLocation } from '../../lib/router';
import { usePoll } from '../../lib/use-poll';
import { SinkCard } from './sink-card';
import { SourceCard } from './source-card';
import { SourceDetail } from './source-detail';

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

function AllConnections({ now }: { now: number }) {
  const sources = usePoll('sources', (signal) => get('/api/v1/sources', { signal }), REFRESH_MS);
  const sinks = usePoll('sinks', (signal) => get('/api/v1/sinks', { signal }), REFRESH_MS);
  const rates = useHubRates(REFRESH_MS);
  const measured = rates.data?.measured;
  return (
    <>
      <h1>Connections</h1>
      <ProblemNotice error={sources.error} context="Sources" />
      <h2>Sources</h2>
      {(sources.data?.sources ?? []).map((s) => (
        <SourceCard key={s.id} source={s} now={now} onChange={sources.reload} />
      ))}
      <h2>Sinks</h2>
      <ProblemNotice error={sinks.error} context="Sinks" />
      {sinks.data && sinks.data.sinks.length === 0 ? <p className="muted">No sinks are configured.</p> : null}
      {(sinks.data?.sinks ?? []).map((s) => (
        <SinkCard key={s.id} sink={s} perSecond={measured ? (rates.data?.deliveredPerSecond.get(`sink:${s.id}`) ?? 0) : undefined} now={now} onChange={sinks.reload} />
      ))}
    </>
  );
}

export function ConnectionsPage() {
  const { path } = useLocation();
  const now = useNow();
  const id = path.startsWith('/connections/') ? decodeURIComponent(path.slice('/connections/'.length)) : '';
  return id ? <SourceDetail id={id} now={now} /> : <AllConnections now={now} />;
}
