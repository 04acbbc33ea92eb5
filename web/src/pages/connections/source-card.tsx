/** One source: { state, since, lastSuccessAt, lastError, nextRetryAt }, throughput, and what can be asked of its device. */
import { useState } from 'react';
import type { Answer } from '../../api/client';
import { StateBadge } from '../../components/state-badge';
import { formatAgo, formatCount, formatRate, formatTime } from '../../lib/format';
import { BrowsePanel } from './browse-panel';
import { DeviceInfo } from './device-info';
import { ReconnectButton } from './reconnect-button';

type Source = Answer<'/api/v1/sources'>['sources'][number];

/** A connection's last error: what happened, what to do next, and when. */
export function LastError({ error }: { error: NonNullable<Source['lastError']> }) {
  return (
    <div className="notice error" role="status">
      <strong>{error.message}</strong>
      <div className="hint">{error.hint}</div>
      <div className="small muted">
        <span className="mono">{error.code}</span> · {formatTime(error.at)}
        {error.detail ? ` · ${error.detail}` : ''}
      </div>
    </div>
  );
}

function Facts({ s, perSecond, now }: { s: Source; perSecond: number | undefined; now: number }) {
  return (
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
      <dt>Throughput</dt>
      <dd>
        {perSecond === undefined ? '…' : `${formatRate(perSecond)} values/s`} · {formatCount(s.batches)} batches
      </dd>
      <dt>Overruns</dt>
      <dd>{formatCount(s.overruns)} skipped poll cycles</dd>
    </dl>
  );
}

export function SourceCard({ source: s, perSecond, now, onChange }: { source: Source; perSecond: number | undefined; now: number; onChange(): void }) {
  const [panel, setPanel] = useState<'device' | 'browse' | undefined>();
  const toggle = (p: 'device' | 'browse') => setPanel(panel === p ? undefined : p);
  return (
    <section className="panel" id={s.id} aria-labelledby={`src-${s.id}`} data-testid={`source-${s.id}`}>
      <h3 id={`src-${s.id}`} style={{ marginTop: 0 }}>
        {s.id} <StateBadge state={s.state} /> <span className="small muted">{s.kind} · zone {s.zone}</span>
      </h3>
      {s.lastError && s.state !== 'connected' ? <LastError error={s.lastError} /> : null}
      <Facts s={s} perSecond={perSecond} now={now} />
      {s.lastError && s.state === 'connected' ? <p className="small muted">Recovered from: {s.lastError.message}</p> : null}
      <div className="toolbar" style={{ marginTop: '0.75rem' }}>
        <button type="button" aria-expanded={panel === 'device'} onClick={() => toggle('device')}>
          Identify device
        </button>
        {s.kind === 'opcua' ? (
          <button type="button" aria-expanded={panel === 'browse'} onClick={() => toggle('browse')}>
            Browse address space
          </button>
        ) : null}
        <ReconnectButton role="source" id={s.id} onDone={onChange} />
      </div>
      {panel === 'device' ? <DeviceInfo id={s.id} /> : null}
      {panel === 'browse' ? <BrowsePanel id={s.id} /> : null}
    </section>
  );
}
