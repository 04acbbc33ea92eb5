/**
 * One source in full (GET /api/v1/sources/:id): its state and problems, how fast values arrive,
 * what its device can be asked, and what the connector shows of its inner state — an MQTT
 * source's quarantine by topic with the latest payload set aside, a Sparkplug host's edge nodes.
 */
import { get } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { formatAgo, formatCount, formatTime } from '../../lib/format';
import { Link } from '../../lib/router';
import { usePoll } from '../../lib/use-poll';
import { ConnectorDetails } from './connector-details';
import { LastError, SourceActions, SourceFacts } from './source-card';
import { SourceProblems, SourceState } from './source-problems';

const REFRESH_MS = 2000;

function yes(b: boolean): string {
  return b ? 'yes' : 'no';
}

export function SourceDetail({ id, now }: { id: string; now: number }) {
  const polled = usePoll(`source:${id}`, (signal) => get('/api/v1/sources/{id}', { params: { id }, signal }), REFRESH_MS);
  const s = polled.data;
  return (
    <>
      <p className="small">
        <Link to="/connections">← All connections</Link>
      </p>
      <h1>
        Source {id} {s ? <SourceState s={s} /> : null}
      </h1>
      <ProblemNotice error={polled.error} context="Source" />
      {s ? (
        <section className="panel" aria-label={`Source ${id}`} data-testid={`source-detail-${id}`}>
          <p className="small muted" style={{ marginTop: 0 }}>
            {s.kind} · zone {s.zone}
          </p>
          {s.lastError && s.state !== 'connected' ? <LastError error={s.lastError} /> : null}
          {s.state === 'connected' ? <SourceProblems problems={s.problems} now={now} /> : null}
          <SourceFacts s={s} now={now}>
            <dt>Values in the last {s.arrivals.windowSeconds} s</dt>
            <dd>{formatCount(s.arrivals.valuesInWindow)}</dd>
            <dt>Last value</dt>
            <dd>{s.arrivals.lastAt ? `${formatTime(s.arrivals.lastAt)} (${formatAgo(s.arrivals.lastAt, now)})` : 'none yet'}</dd>
            <dt>Its device can</dt>
            <dd data-testid="capabilities">
              identify itself: {yes(s.capabilities.identify)} · be browsed: {yes(s.capabilities.browse)} · be written to: {yes(s.capabilities.write)}
            </dd>
          </SourceFacts>
          <SourceActions s={s} onChange={polled.reload} />
          {s.details ? <ConnectorDetails details={s.details} now={now} /> : null}
        </section>
      ) : null}
    </>
  );
}
