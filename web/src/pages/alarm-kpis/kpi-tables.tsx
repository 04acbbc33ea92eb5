/** The tables of the KPI page: positions against the targets, bad actors, priorities, and lists of alarms. */
import type { Answer } from '../../api/client';
import { PathText } from '../../components/path-text';
import { formatDuration, formatTime } from '../../lib/format';

export type Kpis = Answer<'/api/v1/alarm-kpis'>;
type Rate = Kpis['site'];
type Held = Kpis['standing'][number];

export const pct = (r: number) => `${(r * 100).toFixed(r > 0 && r < 0.01 ? 2 : 1)} %`;
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** good / warn / bad against the per-10-minute targets. */
export function rateTone(per10Min: number, t: Kpis['targets']): 'good' | 'warn' | 'bad' {
  return per10Min <= t.per10Min.acceptable ? 'good' : per10Min <= t.per10Min.manageable ? 'warn' : 'bad';
}

const TONE_TEXT = { good: 'acceptable', warn: 'manageable', bad: 'over the maximum' } as const;

export function PositionsTable({ positions, targets }: { positions: Rate[]; targets: Kpis['targets'] }) {
  if (positions.length === 0) return <p className="muted">No alarm was annunciated in this period.</p>;
  return (
    <div className="table-scroll">
      <table data-testid="kpi-positions">
        <thead>
          <tr>
            <th scope="col">Position (area)</th>
            <th scope="col" className="num">Annunciated</th>
            <th scope="col" className="num">Per 10 min</th>
            <th scope="col" className="num">Per hour</th>
            <th scope="col" className="num">Peak 10 min</th>
            <th scope="col" className="num">Time in flood</th>
            <th scope="col">Against the target</th>
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => {
            const tone = rateTone(p.per10Min, targets);
            return (
              <tr key={p.position}>
                <td>{p.position}</td>
                <td className="num">{p.annunciated}</td>
                <td className="num">{num(p.per10Min)}</td>
                <td className="num">{num(p.perHour)}</td>
                <td className="num">{p.peak10Min}</td>
                <td className="num">{pct(p.floodShare)}</td>
                <td>
                  <span className={`badge ${tone}`}>{TONE_TEXT[tone]}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function BadActors({ kpis }: { kpis: Kpis }) {
  if (kpis.badActors.length === 0) return <p className="muted">No alarm was annunciated in this period.</p>;
  return (
    <div className="table-scroll">
      <table data-testid="kpi-bad-actors">
        <thead>
          <tr>
            <th scope="col">Alarm</th>
            <th scope="col">Area</th>
            <th scope="col">Priority</th>
            <th scope="col" className="num">Annunciated</th>
            <th scope="col" className="num">Share</th>
          </tr>
        </thead>
        <tbody>
          {kpis.badActors.map((b) => (
            <tr key={b.id}>
              <td>
                <PathText path={b.id} />
              </td>
              <td>{b.area ?? '—'}</td>
              <td>{b.priority}</td>
              <td className="num">{b.annunciated}</td>
              <td className="num">{pct(b.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Priorities({ kpis }: { kpis: Kpis }) {
  return (
    <div className="table-scroll">
      <table data-testid="kpi-priorities">
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col" className="num">Annunciated</th>
            <th scope="col" className="num">Share</th>
            <th scope="col" className="num">Recommended</th>
            <th scope="col">Share against recommended</th>
          </tr>
        </thead>
        <tbody>
          {kpis.priorities.map((p) => (
            <tr key={p.priority}>
              <td>{p.priority}</td>
              <td className="num">{p.annunciated}</td>
              <td className="num">{pct(p.share)}</td>
              <td className="num">{p.priority === 'urgent' ? '< 1 %' : `~${pct(p.recommended)}`}</td>
              <td>
                <span className="kpi-bar" aria-hidden="true">
                  <span className="kpi-bar-share" style={{ width: `${p.share * 100}%` }} />
                  <span className="kpi-bar-target" style={{ left: `${p.recommended * 100}%` }} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A list of alarms held in a state at the end of the period, with since when. */
export function HeldList({ items, to, empty, testId, sinceLabel }: { items: Held[]; to: number; empty: string; testId: string; sinceLabel: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Alarm</th>
            <th scope="col">Priority</th>
            <th scope="col">State</th>
            <th scope="col">{sinceLabel}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <td>
                <PathText path={s.id} />
              </td>
              <td>{s.priority}</td>
              <td>{s.state}</td>
              <td>
                {formatTime(s.since)} ({formatDuration(to - s.since)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Chattering({ kpis }: { kpis: Kpis }) {
  if (kpis.chattering.length === 0) return <p className="muted">No alarm chattered (3 or more activations within a minute).</p>;
  return (
    <div className="table-scroll">
      <table data-testid="kpi-chattering">
        <thead>
          <tr>
            <th scope="col">Alarm</th>
            <th scope="col" className="num">Activations</th>
            <th scope="col" className="num">Most within a minute</th>
            <th scope="col">First chattered</th>
          </tr>
        </thead>
        <tbody>
          {kpis.chattering.map((c) => (
            <tr key={c.id}>
              <td>
                <PathText path={c.id} />
              </td>
              <td className="num">{c.activations}</td>
              <td className="num">{c.maxPerMinute}</td>
              <td>{formatTime(c.firstAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
