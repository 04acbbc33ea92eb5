/** Every source with its state, since when, and how much it sends. */
import type { Answer, ApiError } from '../../api/client';
import type { HubRates } from '../../api/metrics';
import { ProblemNotice } from '../../components/problem-notice';
import { StateBadge } from '../../components/state-badge';
import { formatAgo, formatRate } from '../../lib/format';
import { Link } from '../../lib/router';

type Source = Answer<'/api/v1/sources'>['sources'][number];

export function SourcesPanel({ sources, rates, error }: { sources?: Source[]; rates?: HubRates; error?: ApiError }) {
  return (
    <section className="panel" aria-labelledby="ov-sources">
      <h2 id="ov-sources">Sources</h2>
      <ProblemNotice error={error} />
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">State</th>
              <th scope="col">Since</th>
              <th scope="col" className="num">
                Values/s
              </th>
            </tr>
          </thead>
          <tbody>
            {(sources ?? []).map((s) => (
              <tr key={s.id} data-testid={`overview-source-${s.id}`}>
                <td>
                  <Link to={`/connections#${s.id}`}>{s.id}</Link>
                  <div className="small muted">
                    {s.kind} · zone {s.zone}
                  </div>
                </td>
                <td>
                  <StateBadge state={s.state} />
                  {s.lastError && s.state !== 'connected' ? <div className="small">{s.lastError.message}</div> : null}
                </td>
                <td>{formatAgo(s.since)}</td>
                <td className="num">{rates ? formatRate(rates.perSource.get(s.id) ?? 0) : '…'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
