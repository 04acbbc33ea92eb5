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
  perSecond: number;
  dropped: number;
  buffered?: number;
}

function rowsOf(rates: HubRates, health: Health | undefined, sinks: Sink[] | undefined): Row[] {
  const historian: Row = {
    id: 'historian',
    kind: 'historian',
    // Failing now, not ever failed: a past failure is history once a flush succeeded.
    state: health?.historian.failing ? 'degraded' : 'connected',
    perSecond: rates.deliveredPerSecond.get('historian') ?? 0,
    dropped: rates.dropped.get('historian') ?? 0,
    buffered: rates.historianPending,
  };
  const row = (c: { id: string; kind: string; state: string }): Row => ({
    id: c.id, kind: c.kind, state: c.state, perSecond: rates.deliveredPerSecond.get(`sink:${c.id}`) ?? 0, dropped: rates.dropped.get(`sink:${c.id}`) ?? 0,
  });
  const rows = sinks ? sinks.map((c) => ({ ...row(c), buffered: c.backlog })) : rates.connections.filter((c) => c.role === 'sink').map(row);
  return [historian, ...rows];
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
            {(rates ? rowsOf(rates, health, sinks) : []).map((r) => (
              <tr key={r.id}>
                <td>
                  {r.id}
                  <div className="small muted">{r.kind}</div>
                </td>
                <td>
                  <StateBadge state={r.state} />
                </td>
                <td className="num">{formatRate(r.perSecond)}</td>
                <td className="num">{r.buffered === undefined ? '—' : formatCount(r.buffered)}</td>
                <td className="num">{formatCount(r.dropped)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
