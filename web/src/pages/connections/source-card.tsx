/** One source: { state, since, lastSuccessAt, lastError, nextRetryAt }, what is wrong with its values, how fast they arrive, and what can be asked of its device. */
import { useState, type ReactNode } from 'react';
import type { Answer } from '../../api/client';
import { formatAgo, formatCount, formatTime } from '../../lib/format';
import { Link } from '../../lib/router';
import { arrivalText } from './arrival-text';
import { BrowsePanel } from './browse-panel';
import { DeviceInfo } from './device-info';
import { ReconnectButton } from './reconnect-button';
import { SourceProblems, SourceState } from './source-problems';

export type Source = Answer<'/api/v1/sources'>['sources'][number];

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

/** The connection's facts; `children` adds rows (dt, dd) to the same list. */
export function SourceFacts({ s, now, children }: { s: Source; now: number; children?: ReactNode }) {
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
      <dd data-testid="throughput">
        {arrivalText(s.arrivals, now)} · {formatCount(s.batches)} batches
      </dd>
      <dt>Overruns</dt>
      <dd>{formatCount(s.overruns)} skipped poll cycles</dd>
      {children}
    </dl>
  );
}

/** Identify, browse (each only where the device can) and reconnect, with the panel they open. */
export function SourceActions({ s, onChange }: { s: Source; onChange(): void }) {
  const [panel, setPanel] = useState<'device' | 'browse' | undefined>();
  const toggle = (p: 'device' | 'browse') => setPanel(panel === p ? undefined : p);
  return (
    <>
      <div className="toolbar" style={{ marginTop: '0.75rem' }}>
        {s.capabilities.identify ? (
          <button type="button" aria-expanded={panel === 'device'} onClick={() => toggle('device')}>
            Identify device
          </button>
        ) : null}
        {s.capabilities.browse ? (
          <button type="button" aria-expanded={panel === 'browse'} onClick={() => toggle('browse')}>
            Browse address space
          </button>
        ) : null}
        <ReconnectButton role="source" id={s.id} onDone={onChange} />
      </div>
      {panel === 'device' ? <DeviceInfo id={s.id} /> : null}
      {panel === 'browse' ? <BrowsePanel id={s.id} /> : null}
    </>
  );
}

export function SourceCard({ source: s, now, onChange }: { source: Source; now: number; onChange(): void }) {
  return (
    <section className="panel" id={s.id} aria-labelledby={`src-${s.id}`} data-testid={`source-${s.id}`}>
      <h3 id={`src-${s.id}`} style={{ marginTop: 0 }}>
        {s.id} <SourceState s={s} /> <span className="small muted">{s.kind} · zone {s.zone}</span>{' '}
        <Link to={`/connections/${encodeURIComponent(s.id)}`} className="small" aria-label={`Details of source ${s.id}`}>
          Details
        </Link>
      </h3>
      {s.lastError && s.state !== 'connected' ? <LastError error={s.lastError} /> : null}
      {s.state === 'connected' ? <SourceProblems problems={s.problems} now={now} /> : null}
      <SourceFacts s={s} now={now} />
      {s.lastError && s.state === 'connected' ? <p className="small muted">Recovered from: {s.lastError.message}</p> : null}
      <SourceActions s={s} onChange={onChange} />
    </section>
  );
}
