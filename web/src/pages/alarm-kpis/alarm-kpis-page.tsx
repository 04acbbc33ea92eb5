/**
 * Alarm-management KPIs (ISA-18.2 §16 / EEMUA 191) of a period: the alarm rate per 10 minutes
 * against the targets, time in flood, bad actors, chattering, stale, standing, shelved and
 * out-of-service alarms, the priority distribution against the recommended one. The period is
 * `?range=8h|24h|7d|30d` or `?from=&to=` (epoch ms or ISO), the position `?area=`.
 */
import { get } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { Tile } from '../../components/tile';
import { formatTime } from '../../lib/format';
import { navigate, useLocation, withQuery } from '../../lib/router';
import { usePoll } from '../../lib/use-poll';
import { BadActors, Chattering, HeldList, pct, PositionsTable, Priorities, rateTone, type Kpis } from './kpi-tables';
import { RateChart } from './rate-chart';
import './alarm-kpis.css';

const RANGES = ['8h', '24h', '7d', '30d'] as const;
const REFRESH_MS = 30_000;

function Toolbar({ range, area, areas, fixed }: { range: string; area: string; areas: string[]; fixed: boolean }) {
  return (
    <div className="kpi-toolbar">
      <label>
        Period{' '}
        <select aria-label="Period" value={fixed ? '' : range} onChange={(e) => navigate(withQuery({ range: e.target.value, from: undefined, to: undefined }))}>
          {fixed ? <option value="">as in the address</option> : null}
          {RANGES.map((r) => (
            <option key={r} value={r}>
              last {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        Operator position{' '}
        <select aria-label="Operator position" value={area} onChange={(e) => navigate(withQuery({ area: e.target.value }))}>
          <option value="">whole site</option>
          {areas.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function Figures({ k }: { k: Kpis }) {
  const t = k.targets;
  const tone = rateTone(k.site.per10Min, t);
  return (
    <div className="tiles" data-testid="kpi-tiles">
      <Tile label="Alarms per 10 minutes" testId="tile-per10" figure={<span className={`kpi-figure ${tone}`}>{k.site.per10Min.toFixed(2)}</span>} sub={`average; target ~${t.per10Min.acceptable}, at most ~${t.per10Min.manageable}; peak ${k.site.peak10Min}`} />
      <Tile label="Alarms per hour" testId="tile-perhour" figure={<span className={`kpi-figure ${tone}`}>{k.site.perHour.toFixed(1)}</span>} sub={`target ~${t.perHour.acceptable}, at most ~${t.perHour.manageable}; ${k.site.annunciated} annunciated`} />
      <Tile label="Time in flood" testId="tile-flood" figure={<span className={`kpi-figure ${k.site.floodShare <= t.floodShareMax ? 'good' : 'bad'}`}>{pct(k.site.floodShare)}</span>} sub={`${k.site.floodPeriods} of ${k.periods.length} 10-minute periods over 10 alarms; target < 1 %`} />
      <Tile label="Top ten's share" testId="tile-top10" figure={<span className={`kpi-figure ${k.topTenShare <= t.topTenShareMax ? 'good' : 'bad'}`}>{pct(k.topTenShare)}</span>} sub="of annunciated alarms; target ≤ 5 %" />
      <Tile label="Chattering" testId="tile-chattering" figure={<span className={`kpi-figure ${k.chattering.length === 0 ? 'good' : 'bad'}`}>{k.chattering.length}</span>} sub="3+ activations within a minute; target 0" />
      <Tile label="Stale" testId="tile-stale" figure={<span className={`kpi-figure ${k.stale.length < t.staleMax ? 'good' : 'bad'}`}>{k.stale.length}</span>} sub="active over 24 h; target fewer than 5" />
      <Tile label="Standing" testId="tile-standing" figure={k.standing.length} sub="active at the end of the period" />
      <Tile label="Shelved" testId="tile-shelved" figure={k.shelved.length} sub={`${k.outOfService.length} out of service, ${k.suppressed.length} suppressed by design`} />
    </div>
  );
}

export function AlarmKpisPage() {
  const { query } = useLocation();
  const from = query.get('from') ?? undefined;
  const to = query.get('to') ?? undefined;
  const fixed = from !== undefined || to !== undefined;
  const range = RANGES.find((r) => r === query.get('range')) ?? '24h';
  const area = query.get('area') ?? '';
  const params = { from: fixed ? from : `-${range}`, ...(to ? { to } : {}), ...(area ? { area } : {}) };
  const key = JSON.stringify(params);
  const kpis = usePoll(`alarm-kpis ${key}`, (signal) => get('/api/v1/alarm-kpis', { query: params, signal }), fixed ? 0 : REFRESH_MS);
  // The positions of the whole site, for the selector (also while one is chosen).
  const site = usePoll(`alarm-kpis-areas ${params.from} ${to ?? ''}`, (signal) => get('/api/v1/alarm-kpis', { query: { from: params.from, ...(to ? { to } : {}) }, signal }), fixed ? 0 : REFRESH_MS);
  const areas = [...new Set([...(site.data?.positions.map((p) => p.position) ?? []), ...(area ? [area] : [])])].sort();
  const k = kpis.data;
  return (
    <>
      <h1>Alarm KPIs</h1>
      <p className="muted">
        Alarm-management performance after ISA-18.2 §16 and EEMUA 191, from the alarm journal
        {k ? `: ${formatTime(k.from)} to ${formatTime(k.to)}` : ''}
        {area ? `, position ${area}` : ', the whole site as one position'}.
      </p>
      <Toolbar range={range} area={area} areas={areas} fixed={fixed} />
      {kpis.error ? <ProblemNotice error={kpis.error} /> : null}
      {!k && !kpis.error ? <p className="muted">Loading…</p> : null}
      {k ? (
        <>
          <Figures k={k} />
          <section className="panel" aria-labelledby="kpi-rate">
            <h2 id="kpi-rate">Annunciated alarms per 10 minutes</h2>
            <RateChart periods={k.periods} counts={k.site.counts} acceptable={k.targets.per10Min.acceptable} manageable={k.targets.per10Min.manageable} flood={10} />
          </section>
          <section className="panel" aria-labelledby="kpi-positions-h">
            <h2 id="kpi-positions-h">Per operator position</h2>
            <PositionsTable positions={k.positions} targets={k.targets} />
          </section>
          <div className="kpi-columns">
            <section className="panel" aria-labelledby="kpi-bad">
              <h2 id="kpi-bad">Bad actors: the ten most frequent</h2>
              <BadActors kpis={k} />
            </section>
            <section className="panel" aria-labelledby="kpi-prio">
              <h2 id="kpi-prio">Priority distribution</h2>
              <Priorities kpis={k} />
            </section>
          </div>
          <section className="panel" aria-labelledby="kpi-chatter">
            <h2 id="kpi-chatter">Chattering alarms</h2>
            <Chattering kpis={k} />
          </section>
          <div className="kpi-columns">
            <section className="panel" aria-labelledby="kpi-stale">
              <h2 id="kpi-stale">Stale alarms (active over 24 h)</h2>
              <HeldList items={k.stale} to={k.to} empty="None." testId="kpi-stale" sinceLabel="Active since" />
            </section>
            <section className="panel" aria-labelledby="kpi-standing">
              <h2 id="kpi-standing">Standing alarms</h2>
              <HeldList items={k.standing} to={k.to} empty="None." testId="kpi-standing" sinceLabel="Active since" />
            </section>
          </div>
          <section className="panel" aria-labelledby="kpi-shelved">
            <h2 id="kpi-shelved">Shelved, out of service, suppressed</h2>
            <HeldList items={[...k.shelved, ...k.outOfService, ...k.suppressed]} to={k.to} empty="None." testId="kpi-held" sinceLabel="Since" />
          </section>
        </>
      ) : null}
    </>
  );
}
