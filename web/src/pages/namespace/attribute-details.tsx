/** One attribute: its live value, meaning (unit, type, limits, alarms, contract) and lineage. */
import type { Answer } from '../../api/client';
import { useLiveValues } from '../../lib/use-live';
import { formatValue } from '../../lib/format';
import { Link } from '../../lib/router';
import { LineageView } from './lineage-view';
import { LiveStatusNote, LiveValueView } from './live-value';

export type Attribute = NonNullable<Answer<'/api/v1/namespace'>['attribute']>;

function Limits({ a }: { a: Attribute }) {
  const al = a.alarms;
  const parts = [
    a.min !== undefined ? `min ${formatValue(a.min, a.unit)}` : undefined,
    a.max !== undefined ? `max ${formatValue(a.max, a.unit)}` : undefined,
    al?.lolo !== undefined ? `LL ${formatValue(al.lolo)}` : undefined,
    al?.lo !== undefined ? `L ${formatValue(al.lo)}` : undefined,
    al?.hi !== undefined ? `H ${formatValue(al.hi)}` : undefined,
    al?.hihi !== undefined ? `HH ${formatValue(al.hihi)}` : undefined,
  ].filter(Boolean);
  return <>{parts.length ? parts.join(' · ') : 'none'}</>;
}

function Facts({ a }: { a: Attribute }) {
  return (
    <dl className="facts">
      <dt>Path</dt>
      <dd className="path mono">{a.path}</dd>
      <dt>Type</dt>
      <dd>
        {a.type}
        {a.valueType !== a.type ? ` (sent as ${a.valueType})` : ''}
      </dd>
      <dt>Unit</dt>
      <dd>{a.unit ?? '—'}</dd>
      {a.description ? (
        <>
          <dt>Description</dt>
          <dd>{a.description}</dd>
        </>
      ) : null}
      <dt>Limits</dt>
      <dd>
        <Limits a={a} />
      </dd>
      {a.states ? (
        <>
          <dt>States</dt>
          <dd>{Object.entries(a.states).map(([k, v]) => `${k} = ${v}`).join(', ')}</dd>
        </>
      ) : null}
      <dt>Template</dt>
      <dd>{a.template ?? '—'}</dd>
      <dt>Contract</dt>
      <dd>{a.required ? 'required by the data contract' : 'not required'}</dd>
      <dt>Writable</dt>
      <dd>{a.writable ? 'yes, through the write gate' : 'no'}</dd>
      {a.boundTo ? (
        <>
          <dt>Bound to</dt>
          <dd className="mono">{a.boundTo}</dd>
        </>
      ) : null}
      {a.calc ? (
        <>
          <dt>Calculation</dt>
          <dd className="mono">{a.calc}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function AttributeDetails({ attribute: a }: { attribute: Attribute }) {
  const live = useLiveValues([a.path]);
  return (
    <>
      <h2>
        {a.name} <span className="small muted">attribute of {a.asset}</span>
      </h2>
      <LiveValueView value={live.values.get(a.path)} unit={a.unit} />
      <LiveStatusNote status={live.status} detail={live.detail} />
      <div className="toolbar">
        <Link to={`/trends?path=${encodeURIComponent(a.path)}`} className="button">
          Open in Trends
        </Link>
        {a.writable ? (
          <Link to={`/writes?path=${encodeURIComponent(a.path)}`} className="button">
            Write a value
          </Link>
        ) : null}
      </div>
      <h3>Details</h3>
      <Facts a={a} />
      <h3>Lineage</h3>
      <LineageView path={a.path} />
    </>
  );
}
