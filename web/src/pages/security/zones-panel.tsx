/** Zones and conduits: the diagram, its legend, and the same facts as tables for reading and for screen readers. */
import { zones, type ZoneMap } from '../../api/security';
import { ProblemNotice } from '../../components/problem-notice';
import { StateBadge } from '../../components/state-badge';
import { usePoll } from '../../lib/use-poll';
import { conduitLabels } from './zone-layout';
import { ZonesDiagram } from './zones-diagram';

function Legend() {
  const line = (kind: 'telemetry' | 'commands', dashed = false) => (
    <svg width="34" height="10" aria-hidden="true">
      <g className={`zd-${kind}`}>
        <line x1="0" y1="5" x2="34" y2="5" className={`zd-line${dashed ? ' zd-approval' : ''}`} />
      </g>
    </svg>
  );
  return (
    <ul className="zd-legend small" aria-label="Legend">
      <li>{line('telemetry')}telemetry</li>
      <li>{line('commands')}commands or orders into a zone</li>
      <li>{line('commands', true)}needs a second person's approval</li>
      <li>
        <svg width="12" height="12" aria-hidden="true"><rect x="1" y="1" width="10" height="10" rx="2" className="zd-source" /></svg>source
      </li>
      <li>
        <svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="5" className="zd-sink" /></svg>sink
      </li>
      <li>
        <span className="badge bad">not encrypted</span> the link carries data in the clear
      </li>
    </ul>
  );
}

function ConduitTable({ map }: { map: ZoneMap }) {
  return (
    <div className="table-scroll">
      <table data-testid="conduits">
        <caption className="visually-hidden">Conduits between zones</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Allows</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {map.conduits.map((c, i) => (
            <tr key={`${c.from}-${c.to}-${i}`}>
              <td>{c.from}</td>
              <td>{c.to}</td>
              <td>{conduitLabels(c).join(', ')}</td>
              <td className="small">{c.description ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OpenLinks({ map }: { map: ZoneMap }) {
  const open = map.links.filter((l) => l.encrypted === false);
  if (open.length === 0) return <p>Every source and sink link is encrypted.</p>;
  return (
    <>
      <h3>Links without encryption</h3>
      <ul data-testid="unencrypted-links">
        {open.map((l) => (
          <li key={`${l.role}-${l.id}`}>
            <StateBadge state="bad" label="not encrypted" /> {l.role} <strong>{l.id}</strong> ({l.kind}, zone {l.zone}
            {l.target ? <span className="mono small">, {l.target}</span> : null}): {l.how}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ZonesPanel() {
  const map = usePoll('zones', (signal) => zones.get(signal), 0);
  if (map.error) return <ProblemNotice error={map.error} />;
  if (!map.data) return <p className="muted">Loading…</p>;
  return (
    <>
      <p className="small muted">
        Default deny: a flow crosses from one zone to another only along a conduit that allows it. The hub sits in zone <strong>{map.data.hubZone}</strong>.
      </p>
      <div className="diagram-scroll">
        <ZonesDiagram map={map.data} />
      </div>
      <Legend />
      <OpenLinks map={map.data} />
      <h3>Conduits</h3>
      <ConduitTable map={map.data} />
    </>
  );
}
