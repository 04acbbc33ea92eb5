/** Where the data goes: the historian and each sink, their state, throughput and losses. */
import type { Answer, ApiError } from '../../api/client';
import type { HubRates } from '../../api/metrics';
import { ProblemNotice } from '../../components/problem-notice';
import { StateBadge } from '../../components/state-badge';
import { formatCount, formatRate } from '../../lib/format';

type Health = Answer<'/api/v1/health'>;
type Sink = Answer<'/api/v1/sinks'>['sinks'][number];

interface Row {
  id: string;
  kind: string;
  state: string;
  /** Undefined when the user may not read the hub's rates. */
  perSecond?: number;
  dropped?: number;
  buffered?: number;
}

function rowsOf(rates: HubRates | undefined, health: Health | undefined, sinks: Sink[] | undefined): Row[] {
  const figures = (key: string) => (rates ? { perSecond: rates.deliveredPerSecond.get(key) ?? 0, dropped: rates.dropped.get(key) ?? 0 } : {});
  const historian: Row = {
    id: 'historian',
    kind: 'historian',
    // Failing now, not ever failed: a past failure is history once a flush succeeded.
    state: health?.historian.failing ? 'degraded' : 'connected',
    ...figures('historian'),
    ...(rates ? { buffered: rates.historianPending } : health ? { buffered: health.historian.pending } : {}),
  };
  const row = (c: { id: string; kind: string; state: string }): Row => ({ id: c.id, kind: c.kind, state: c.state, ...figures(`sink:${c.id}`) });
  if (sinks) return [historian, ...sinks.map((c) => ({ ...row(c), buffered: c.backlog }))];
  return rates ? [historian, ...rates.connections.filter((c) => c.role === 'sink').map(row)] : [];
}

export function SinksPanel({ rates, health, sinks, error }: { rates?: HubRates; health?: Health; sinks?: Sink[]; error?: ApiError }) {
  return (
    <section className="panel" aria-labelledby="ov-sinks">
      <h2 id="ov-sinks">Sinks and buffers</h2>
      <ProblemNotice error={error} />
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Consumer</th>
              <th scope="col">State</th>
              <th scope="col" className="num">
                Delivered/s
              </th>
              <th scope="col" className="num">
                Buffered
              </th>
              <th scope="col" className="num">
                Dropped
              </th>
            </tr>
          </thead>
          <tbody>
            {rowsOf(rates, health, sinks).map((r) => (
              <tr key={r.id}>
                <td>
                  {r.id}
                  <div className="small muted">{r.kind}</div>
                </td>
                <td>
                  <StateBadge state={r.state} />
                </td>
                <td className="num">{r.perSecond === undefined ? '—' : formatRate(r.perSecond)}</td>
                <td className="num">{r.buffered === undefined ? '—' : formatCount(r.buffered)}</td>
                <td className="num">{r.dropped === undefined ? '—' : formatCount(r.dropped)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
