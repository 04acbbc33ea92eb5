/** What a connector shows of its inner state (the `details` of GET /sources/:id): quarantine, Sparkplug nodes, and the rest as facts. */
import { formatAgo, formatCount, formatTime } from '../../lib/format';

interface QuarantineTopic {
  topic: string;
  count: number;
  reason: string;
  problem: string;
  at: number;
}

interface Quarantine {
  total: number;
  counts: Record<string, number>;
  topics: QuarantineTopic[];
  last?: { topic: string; reason: string; problem: string; payload: string; payloadBytes: number; at: number; rule?: string };
}

interface SparkplugNode {
  node: string;
  online: boolean;
  uncertain: boolean;
  devices: string[];
  metrics: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function quarantineOf(v: unknown): Quarantine | undefined {
  return isObject(v) && typeof v.total === 'number' && Array.isArray(v.topics) ? (v as unknown as Quarantine) : undefined;
}

function nodesOf(v: unknown): SparkplugNode[] | undefined {
  return Array.isArray(v) && v.every((n) => isObject(n) && typeof n.node === 'string') ? (v as SparkplugNode[]) : undefined;
}

function QuarantineView({ q, now }: { q: Quarantine; now: number }) {
  const reasons = Object.entries(q.counts).filter(([, n]) => n > 0);
  return (
    <section aria-label="Quarantine" data-testid="quarantine">
      <h3>Quarantine</h3>
      {q.total === 0 ? (
        <p className="muted">No message was set aside.</p>
      ) : (
        <>
          <p>
            {formatCount(q.total)} messages set aside{reasons.length ? `: ${reasons.map(([r, n]) => `${formatCount(n)} ${r}`).join(', ')}` : ''}. Their values do not reach the hub.
          </p>
          <table>
            <thead>
              <tr>
                <th>Topic</th>
                <th>Messages</th>
                <th>Latest reason</th>
                <th>Latest</th>
              </tr>
            </thead>
            <tbody>
              {q.topics.map((t) => (
                <tr key={t.topic} data-topic={t.topic}>
                  <td className="mono">{t.topic}</td>
                  <td>{formatCount(t.count)}</td>
                  <td>
                    <span className="mono">{t.reason}</span>: {t.problem}
                  </td>
                  <td>{formatAgo(t.at, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {q.last ? (
            <>
              <h4>Latest payload set aside</h4>
              <p className="small muted">
                {q.last.topic} · {formatTime(q.last.at)} · {formatCount(q.last.payloadBytes)} bytes{q.last.rule ? ` · ${q.last.rule}` : ''}
              </p>
              <pre data-testid="quarantine-payload">{q.last.payload}</pre>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

function NodesView({ nodes }: { nodes: SparkplugNode[] }) {
  return (
    <section aria-label="Edge nodes" data-testid="edge-nodes">
      <h3>Edge nodes</h3>
      {nodes.length === 0 ? (
        <p className="muted">No edge node heard yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Node</th>
              <th>Birth seen</th>
              <th>Values</th>
              <th>Devices</th>
              <th>Metrics</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n.node}>
                <td className="mono">{n.node}</td>
                <td>{n.online ? 'yes' : 'no'}</td>
                <td>{n.uncertain ? 'uncertain' : 'good'}</td>
                <td>{n.devices.join(', ') || '—'}</td>
                <td>{formatCount(n.metrics)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

export function ConnectorDetails({ details, now }: { details: Record<string, unknown>; now: number }) {
  const quarantine = quarantineOf(details.quarantine);
  const nodes = nodesOf(details.nodes);
  const rest = Object.entries(details).filter(([k]) => !(k === 'quarantine' && quarantine) && !(k === 'nodes' && nodes));
  return (
    <>
      {quarantine ? <QuarantineView q={quarantine} now={now} /> : null}
      {nodes ? <NodesView nodes={nodes} /> : null}
      {rest.length ? (
        <>
          <h3>Connector details</h3>
          <dl className="facts" data-testid="connector-details">
            {rest.map(([k, v]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{k}</dt>
                <dd className="mono">{text(v)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </>
  );
}
