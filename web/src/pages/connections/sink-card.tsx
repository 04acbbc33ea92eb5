/** One sink: { state, since, lastSuccessAt, lastError, nextRetryAt }, its store-and-forward backlog and throughput. */
import type { Answer } from '../../api/client';
import { StateBadge } from '../../components/state-badge';
import { formatAgo, formatCount, formatRate, formatTime } from '../../lib/format';
import { ReconnectButton } from './reconnect-button';
import { LastError } from './source-card';

type Sink = Answer<'/api/v1/sinks'>['sinks'][number];

export function SinkCard({ sink: s, perSecond, now, onChange }: { sink: Sink; perSecond: number | undefined; now: number; onChange(): void }) {
  return (
    <section className="panel" id={`sink-${s.id}`} aria-labelledby={`snk-${s.id}`} data-testid={`sink-${s.id}`}>
      <h3 id={`snk-${s.id}`} style={{ marginTop: 0 }}>
        {s.id} <StateBadge state={s.state} /> <span className="small muted">{s.kind} · zone {s.zone}</span>
      </h3>
      {s.lastError && s.state !== 'connected' ? <LastError error={s.lastError} /> : null}
      <dl className="facts">
        <dt>State since</dt>
        <dd>
          {formatTime(s.since)} ({formatAgo(s.since, now)})
        </dd>
        <dt>Last success</dt>
        <dd>{s.lastSuccessAt ? `${formatTime(s.lastSuccessAt)} (${formatAgo(s.lastSuccessAt, now)})` : 'never'}</dd>
        {s.nextRetryAt ? (
          <>
            <dt>Next retry</dt>
            <dd data-testid="next-retry">
              {formatTime(s.nextRetryAt)} ({formatAgo(s.nextRetryAt, now)}), attempt {s.attempts + 1}
            </dd>
          </>
        ) : null}
        <dt>Backlog</dt>
        <dd data-testid="backlog">{formatCount(s.backlog)} samples waiting in the store-and-forward buffer</dd>
        <dt>Throughput</dt>
        <dd>{perSecond === undefined ? '…' : `${formatRate(perSecond)} values/s delivered`}</dd>
      </dl>
      {s.lastError && s.state === 'connected' ? <p className="small muted">Recovered from: {s.lastError.message}</p> : null}
      <div className="toolbar" style={{ marginTop: '0.75rem' }}>
        <ReconnectButton role="sink" id={s.id} onDone={onChange} />
      </div>
    </section>
  );
}
