/** The figures at the top of the overview. */
import type { Answer } from '../../api/client';
import type { HubRates } from '../../api/metrics';
import { StateBadge } from '../../components/state-badge';
import { Tile } from '../../components/tile';
import { formatAgo, formatCount, formatDuration, formatRate } from '../../lib/format';

type Health = Answer<'/api/v1/health'>;
type Source = Answer<'/api/v1/sources'>['sources'][number];

interface Props {
  health?: Health;
  sources?: Source[];
  rates?: HubRates & { measured: boolean };
  /** False for a user limited to zones: the hub's rates count the whole site. */
  ratesAllowed: boolean;
}

export function HealthTiles({ health, sources, rates, ratesAllowed }: Props) {
  const up = sources?.filter((s) => s.state === 'connected').length;
  const down = sources ? sources.length - (up ?? 0) : undefined;
  return (
    <div className="tiles">
      <Tile label="Hub" testId="tile-hub" figure={health ? <StateBadge state={health.status} /> : '…'} sub={health ? `version ${health.version}, up ${formatDuration(health.uptimeSeconds * 1000)}` : undefined} />
      <Tile
        label="Sources up"
        testId="tile-sources"
        figure={sources ? `${up} / ${sources.length}` : '…'}
        sub={down ? <StateBadge state="backoff" label={`${down} down`} /> : sources ? 'all connected' : undefined}
      />
      {ratesAllowed ? (
        <Tile label="Values per second" testId="tile-rate" figure={rates?.measured ? formatRate(rates.receivedPerSecond) : '…'} sub={rates?.measured ? `${formatRate(rates.storedPerSecond)} stored per second` : 'measuring…'} />
      ) : (
        <Tile label="Values per second" testId="tile-rate" figure="—" sub="counts the whole site: for users whose role is not limited to zones" />
      )}
      <Tile
        label="Historian"
        testId="tile-historian"
        figure={health ? formatCount(health.historian.written) : '…'}
        sub={
          health
            ? `samples stored · ${formatCount(health.historian.pending)} pending · last flush ${formatAgo(health.historian.lastFlushAt)}${health.historian.failing ? ' · flushes failing now' : health.historian.failedFlushes ? ` · ${health.historian.failedFlushes} failed flushes since start` : ''}`
            : undefined
        }
      />
    </div>
  );
}

/** What makes the hub degraded right now, one line per part; nothing when all is well. */
export function HealthProblems({ health }: { health?: Health }) {
  if (!health || health.problems.length === 0) return null;
  return (
    <div className="notice warn" role="status" data-testid="health-problems">
      <strong>Degraded now:</strong>
      <ul>
        {health.problems.map((p) => (
          <li key={p.component}>
            <span className="mono">{p.component}</span> {p.problem}
          </li>
        ))}
      </ul>
      {health.spool ? (
        <div className="small muted">
          Ingest spool: {formatCount(health.spool.samples)} samples, {health.spool.usedPercent} % of its limit
          {health.spool.oldestAgeSeconds !== undefined ? `, oldest ${formatDuration(health.spool.oldestAgeSeconds * 1000)} old` : ''}
        </div>
      ) : null}
    </div>
  );
}
