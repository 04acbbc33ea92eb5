/** One alarm in full: where and what, its rationalization (what to do about it), who acted, and the actions. */
import { shortMessage, STATE_LABEL, STATE_TONE, type Alarm } from '../../api/alarms';
import { StateBadge } from '../../components/state-badge';
import { formatAgo, formatDuration, formatTime, formatValue } from '../../lib/format';
import { Link } from '../../lib/router';
import { AlarmActions } from './alarm-actions';

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function AlarmDetail({ alarm, onDone, onClose }: { alarm: Alarm; onDone(a: Alarm): void; onClose(): void }) {
  const r = alarm.rationalization;
  const none = <span className="muted">not rationalized</span>;
  return (
    <section className="panel alarm-detail" aria-labelledby="alarm-detail-title" data-testid="alarm-detail">
      <div className="alarm-detail-head">
        <h2 id="alarm-detail-title">{shortMessage(alarm.message, alarm.path)}</h2>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
      <p>
        <span className={`prio prio-${alarm.priority}`}>{alarm.priority}</span> <StateBadge state={STATE_TONE[alarm.state]} label={STATE_LABEL[alarm.state]} />{' '}
        <span className="mono small">{alarm.id}</span>
      </p>
      <h3>What to do</h3>
      <dl className="facts alarm-rationale" data-testid="alarm-rationalization">
        <Row term="Corrective action">{r.correctiveAction ?? none}</Row>
        <Row term="Time to respond">{r.timeToRespondMs !== undefined ? formatDuration(r.timeToRespondMs) : none}</Row>
        <Row term="Cause">{r.cause ?? none}</Row>
        <Row term="Consequence">{r.consequence ?? none}</Row>
        <Row term="Owner">{r.owner ?? none}</Row>
      </dl>
      <h3>Now</h3>
      <dl className="facts">
        <Row term="Value">
          {formatValue(alarm.value ?? undefined, alarm.unit)}
          {alarm.setpoint !== undefined ? <span className="muted"> (setpoint {formatValue(alarm.setpoint, alarm.unit)})</span> : null}
        </Row>
        <Row term="Attribute">
          <Link to={`/namespace?path=${encodeURIComponent(alarm.path)}`} className="mono small">
            {alarm.path}
          </Link>
        </Row>
        {alarm.area ? <Row term="Area">{alarm.area}</Row> : null}
        <Row term="Active since">{alarm.active && alarm.activeAt !== undefined ? `${formatTime(alarm.activeAt)} (${formatAgo(alarm.activeAt)})` : 'not active'}</Row>
        <Row term="Last change">{formatTime(alarm.changedAt)}</Row>
        {alarm.acked ? <Row term="Acknowledged">{`${alarm.acked.by}, ${formatTime(alarm.acked.at)}${alarm.acked.comment ? `: ${alarm.acked.comment}` : ''}`}</Row> : null}
        {alarm.shelved ? <Row term="Shelved">{`${alarm.shelved.by} until ${formatTime(alarm.shelved.until)}: ${alarm.shelved.reason}`}</Row> : null}
        {alarm.outOfService ? <Row term="Out of service">{`${alarm.outOfService.by}, ${formatTime(alarm.outOfService.at)}: ${alarm.outOfService.reason}`}</Row> : null}
      </dl>
      <AlarmActions alarm={alarm} onDone={onDone} />
    </section>
  );
}
