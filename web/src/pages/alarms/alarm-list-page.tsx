/**
 * The active alarm list: filters (area, priority, state) and sort in the URL, one row per alarm
 * with its repeats counted and the first out of each area's flood marked, and the selected alarm's
 * details with what to do and the actions the user's role allows. Reloads with the banner's feed.
 */
import { useEffect, useRef } from 'react';
import { journal, listAlarms, PRIORITIES, STATE_LABEL, STATE_TONE, STATES, shortMessage, type Alarm, type AlarmQuery, type Priority } from '../../api/alarms';
import { PathText } from '../../components/path-text';
import { ProblemNotice } from '../../components/problem-notice';
import { StateBadge } from '../../components/state-badge';
import { useAlarmFeed } from '../../lib/alarm-feed';
import { formatAgo, formatTime, formatValue } from '../../lib/format';
import { Link, navigate, useLocation, withQuery } from '../../lib/router';
import { usePoll } from '../../lib/use-poll';
import { FilterSelect } from './filter-select';
import { AlarmDetail } from './alarm-detail';
import '../../alarms.css';
import { floodMarks, FLOOD_WINDOW_MS } from './flood';

/** How far back repeats and floods are looked for. */
const FLOOD_LOOKBACK = '-1h';
const SORTS = [
  ['priority', 'priority, then newest'],
  ['time', 'newest change first'],
  ['path', 'path'],
] as const;

function Filters({ areas }: { areas: string[] }) {
  const { query } = useLocation();
  const set = (k: string) => (v: string) => navigate(withQuery({ [k]: v || undefined, id: undefined }), true);
  return (
    <div className="toolbar alarm-filters" role="group" aria-label="Filters">
      <FilterSelect label="Area" value={query.get('area') ?? ''} onChange={set('area')}>
        <option value="">all areas</option>
        {areas.map((a) => (
          <option key={a}>{a}</option>
        ))}
      </FilterSelect>
      <FilterSelect label="Priority" value={query.get('priority') ?? ''} onChange={set('priority')}>
        <option value="">all priorities</option>
        {PRIORITIES.map((p) => (
          <option key={p}>{p}</option>
        ))}
      </FilterSelect>
      <FilterSelect label="State" value={query.get('state') ?? ''} onChange={set('state')}>
        <option value="">all away from normal</option>
        {STATES.filter((s) => s !== 'NORMAL').map((s) => (
          <option key={s} value={s}>
            {STATE_LABEL[s]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Sort by" value={query.get('sort') ?? 'priority'} onChange={set('sort')}>
        {SORTS.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </FilterSelect>
    </div>
  );
}

function AlarmRow({ a, selected, repeats, firstOut }: { a: Alarm; selected: boolean; repeats: number; firstOut: boolean }) {
  return (
    <tr data-testid={`alarm-row-${a.id}`} aria-selected={selected} className={selected ? 'selected' : undefined}>
      <td>
        <span className={`prio prio-${a.priority}`}>{a.priority}</span>
        <div>
          <StateBadge state={STATE_TONE[a.state]} label={STATE_LABEL[a.state]} />
        </div>
      </td>
      <td>
        <Link to={withQuery({ id: a.id })} title={a.message}>
          {shortMessage(a.message, a.path)}
        </Link>
        {firstOut ? (
          <span className="alarm-flag first-out" title={`The first alarm of its area in a flood (more followed within ${FLOOD_WINDOW_MS / 60_000} min)`}>
            first out
          </span>
        ) : null}
        {repeats > 1 ? (
          <span className="alarm-flag" data-testid="alarm-repeats" title={`Raised ${repeats} times in the last hour`}>
            ×{repeats}
          </span>
        ) : null}
        <div className="small muted mono">
          <PathText path={a.path} />
        </div>
      </td>
      <td className="num">{formatValue(a.value ?? undefined, a.unit)}</td>
      <td className="nowrap" title={formatTime(a.activeAt)}>
        {a.active && a.activeAt !== undefined ? formatAgo(a.activeAt) : '—'}
      </td>
    </tr>
  );
}

export function AlarmListPage() {
  const feed = useAlarmFeed();
  const { query } = useLocation();
  const filters: AlarmQuery = {
    ...(query.get('area') ? { area: query.get('area')! } : {}),
    ...(query.get('priority') ? { priority: query.get('priority') as Priority } : {}),
    ...(query.get('state') ? { state: query.get('state')! } : {}),
    sort: (query.get('sort') as AlarmQuery['sort']) ?? 'priority',
  };
  const selectedId = query.get('id') ?? undefined;
  const list = usePoll(`list:${JSON.stringify(filters)}`, (signal) => listAlarms(filters, signal));
  const floods = usePoll('floods', (signal) => journal({ from: FLOOD_LOOKBACK, state: 'UNACK_ACTIVE', limit: 5000 }, signal));
  // The selected alarm as it is now, also when it left the list (normal again, or filtered out).
  const selectedPath = selectedId?.slice(0, selectedId.lastIndexOf('/'));
  const selected = usePoll(`alarm:${selectedId ?? ''}`, (signal) => (selectedPath ? listAlarms({ all: true, path: selectedPath }, signal) : Promise.resolve([])));
  const { reload: reloadList } = list;
  const { reload: reloadFloods } = floods;
  const { reload: reloadSelected } = selected;
  const seen = useRef(feed.revision);
  useEffect(() => {
    if (seen.current === feed.revision) return;
    seen.current = feed.revision;
    reloadList();
    reloadFloods();
    reloadSelected();
  }, [feed.revision, reloadList, reloadFloods, reloadSelected]);

  const marks = floodMarks(floods.data?.entries ?? []);
  const areas = [...new Set((feed.defined ?? []).flatMap((a) => (a.area ? [a.area] : [])))].sort();
  const current = selected.data?.find((a) => a.id === selectedId);
  return (
    <>
      <h1>Alarms</h1>
      <p className="small">
        <Link to="/alarms/journal">Journal of every transition</Link>
      </p>
      <Filters areas={areas} />
      <ProblemNotice error={list.error} context="The alarm list cannot be read" />
      <div className={current ? 'alarm-split' : undefined}>
        <section className="panel" aria-label="Active alarms">
          {list.data && list.data.length === 0 ? <p className="muted">No alarms {Object.keys(filters).length > 1 ? 'match these filters' : 'away from normal'}.</p> : null}
          {!list.data && !list.error ? <p className="muted">Loading…</p> : null}
          {list.data && list.data.length > 0 ? (
            <div className="table-scroll">
              <table data-testid="alarm-list">
                <thead>
                  <tr>
                    <th scope="col">Priority, state</th>
                    <th scope="col">Message</th>
                    <th scope="col" className="num">Value</th>
                    <th scope="col">Active</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((a) => (
                    <AlarmRow key={a.id} a={a} selected={a.id === selectedId} repeats={marks.repeats.get(a.id) ?? 0} firstOut={marks.firstOut.has(a.id)} />
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
        {current ? (
          <AlarmDetail
            alarm={current}
            onDone={() => {
              feed.reload();
              reloadList();
              reloadSelected();
            }}
            onClose={() => navigate(withQuery({ id: undefined }))}
          />
        ) : null}
      </div>
      {selectedId && selected.data && !current ? <p className="muted">The alarm {selectedId} is not defined here, or not in your zones.</p> : null}
    </>
  );
}
