/** A current value with its quality and source time. */
import type { LiveValue } from '../../api/live';
import { QualityBadge } from '../../components/quality-badge';
import { formatAgo, formatTime, formatValue } from '../../lib/format';

export function LiveValueView({ value, unit }: { value: LiveValue | undefined; unit?: string }) {
  if (!value) return <p className="muted">No value yet.</p>;
  return (
    <div>
      <div className="value-big" data-testid="live-value" data-ts={value.ts}>
        {formatValue(value.value, unit ?? value.unit)}
      </div>
      <div className="small">
        <QualityBadge quality={value.quality} reason={value.reason} /> <span className="muted">source time</span> {formatTime(value.ts)} <span className="muted">({formatAgo(value.ts)})</span>
      </div>
    </div>
  );
}

export function LiveStatusNote({ status, detail }: { status: string; detail?: string }) {
  const text = status === 'live' ? 'Live over WebSocket' : status === 'polling' ? 'Reading every second' : status === 'connecting' ? 'Connecting…' : 'Not live';
  return (
    <p className={`small ${status === 'live' ? 'live-dot' : 'muted'}`} data-testid="live-status" data-status={status}>
      {text}
      {detail ? ` — ${detail}` : ''}
    </p>
  );
}
