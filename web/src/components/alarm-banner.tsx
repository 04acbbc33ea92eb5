/**
 * The alarm banner at the top of every page: how many alarms are unacknowledged and active, by
 * priority, the newest unacknowledged one, and a link to the list. Quiet (not shown) while no alarm
 * is annunciated; never shown to a user who may not read alarms (the feed is off for them).
 */
import { ANNUNCIATED, PRIORITIES, UNACKED, type Alarm, type Priority } from '../api/alarms';
import { useAlarmFeed } from '../lib/alarm-feed';
import { formatAgo, formatTime } from '../lib/format';
import { Link, useLocation } from '../lib/router';
import '../alarms.css';

interface Counts {
  unacked: number;
  active: number;
}

function countsOf(alarms: readonly Alarm[]): Map<Priority, Counts> {
  const counts = new Map<Priority, Counts>(PRIORITIES.map((p) => [p, { unacked: 0, active: 0 }]));
  for (const a of alarms) {
    const c = counts.get(a.priority)!;
    if (UNACKED.has(a.state)) c.unacked++;
    if (a.active && ANNUNCIATED.has(a.state)) c.active++;
  }
  return counts;
}

/** The unacknowledged alarm that changed last. */
function newestUnacked(alarms: readonly Alarm[]): Alarm | undefined {
  let newest: Alarm | undefined;
  for (const a of alarms) if (UNACKED.has(a.state) && (!newest || a.changedAt > newest.changedAt)) newest = a;
  return newest;
}

export function AlarmBanner() {
  const feed = useAlarmFeed();
  const { path } = useLocation();
  if (!feed.enabled || !feed.alarms || path === '/login' || path === '/setup') return null;
  const shown = feed.alarms.filter((a) => ANNUNCIATED.has(a.state));
  if (shown.length === 0) return null;
  const counts = countsOf(shown);
  const unacked = shown.filter((a) => UNACKED.has(a.state)).length;
  const active = shown.filter((a) => a.active).length;
  const newest = newestUnacked(shown);
  const worst = PRIORITIES.find((p) => counts.get(p)!.unacked > 0);
  return (
    <section className={`alarm-banner${worst ? ` unacked worst-${worst}` : ''}`} aria-label="Alarms" data-testid="alarm-banner">
      <strong className="alarm-banner-title">
        <Link to="/alarms">Alarms</Link>
      </strong>
      <span data-testid="alarm-banner-totals">
        {unacked} unacknowledged · {active} active
      </span>
      <ul className="alarm-counts" aria-label="By priority">
        {PRIORITIES.filter((p) => counts.get(p)!.unacked + counts.get(p)!.active > 0).map((p) => (
          <li key={p} className={`prio prio-${p}`} data-testid={`alarm-count-${p}`} title={`${p}: ${counts.get(p)!.unacked} unacknowledged, ${counts.get(p)!.active} active`}>
            {p}: {counts.get(p)!.unacked} unack. · {counts.get(p)!.active} active
          </li>
        ))}
      </ul>
      {newest ? (
        <span className="alarm-newest" data-testid="alarm-banner-newest">
          Newest: <Link to={`/alarms?id=${encodeURIComponent(newest.id)}`}>{newest.message}</Link>{' '}
          {newest.message.includes(newest.path) ? null : <span className="small muted mono">{newest.path}</span>}{' '}
          <time className="small muted" dateTime={new Date(newest.changedAt).toISOString()} title={formatTime(newest.changedAt)}>
            {formatAgo(newest.changedAt)}
          </time>
        </span>
      ) : null}
      {path !== '/alarms' ? (
        <Link to="/alarms" className="alarm-banner-more">
          Show all alarms
        </Link>
      ) : null}
    </section>
  );
}
