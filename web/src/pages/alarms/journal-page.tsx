/** The alarm journal: every transition, newest first, with who acted and their comment; filters in the URL. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { journal, PRIORITIES, STATE_LABEL, STATE_TONE, STATES, shortMessage, type AlarmState, type JournalQuery, type Priority } from '../../api/alarms';
import { ProblemNotice } from '../../components/problem-notice';
import { StateBadge } from '../../components/state-badge';
import { useAlarmFeed } from '../../lib/alarm-feed';
import { formatTime, formatValue, tail } from '../../lib/format';
import { Link, navigate, useLocation, withQuery } from '../../lib/router';
import { usePoll } from '../../lib/use-poll';
import { FilterSelect } from './filter-select';
import '../../alarms.css';

const RANGES = [
  ['-1h', 'last hour'],
  ['-8h', 'last 8 hours'],
  ['-24h', 'last 24 hours'],
  ['-7d', 'last 7 days'],
] as const;

/** A datetime-local input's value as epoch ms text for the API (local time), or the text as typed. */
function toApiTime(v: string | null): string | undefined {
  if (!v) return undefined;
  if (v.startsWith('-')) return v;
  const ms = new Date(v).getTime();
  return Number.isNaN(ms) ? v : String(ms);
}

function JournalFilters({ areas }: { areas: string[] }) {
  const { query } = useLocation();
  const [path, setPath] = useState(query.get('path') ?? '');
  const set = (k: string) => (v: string) => navigate(withQuery({ [k]: v || undefined }), true);
  const from = query.get('from') ?? '';
  const relative = from === '' || from.startsWith('-');
  function submitPath(e: FormEvent) {
    e.preventDefault();
    navigate(withQuery({ path: path.trim() || undefined }), true);
  }
  return (
    <div className="toolbar alarm-filters" role="group" aria-label="Filters">
      <FilterSelect label="Range" value={relative ? from || '-24h' : 'custom'} onChange={(v) => navigate(withQuery({ from: v === 'custom' ? undefined : v, to: undefined }), true)}>
        {RANGES.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
        {!relative ? <option value="custom">from … to …</option> : null}
      </FilterSelect>
      <label>
        From
        <input type="datetime-local" value={relative ? '' : from} onChange={(e) => set('from')(e.target.value)} />
      </label>
      <label>
        To
        <input type="datetime-local" value={query.get('to') ?? ''} onChange={(e) => set('to')(e.target.value)} />
      </label>
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
      <FilterSelect label="State reached" value={query.get('state') ?? ''} onChange={set('state')}>
        <option value="">any state</option>
        {STATES.map((s) => (
          <option key={s} value={s}>
            {STATE_LABEL[s]}
          </option>
        ))}
      </FilterSelect>
      <form onSubmit={submitPath} className="alarm-path-filter">
        <label>
          Path (or its start)
          <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="e.g. acme/springfield/utilities" onBlur={submitPath} />
        </label>
      </form>
    </div>
  );
}

export function JournalPage() {
  const feed = useAlarmFeed();
  const { query } = useLocation();
  const q: JournalQuery = {
    from: toApiTime(query.get('from')) ?? '-24h',
    ...(query.get('to') ? { to: toApiTime(query.get('to'))! } : {}),
    ...(query.get('area') ? { area: query.get('area')! } : {}),
    ...(query.get('priority') ? { priority: query.get('priority') as Priority } : {}),
    ...(query.get('state') ? { state: query.get('state') as AlarmState } : {}),
    ...(query.get('path') ? { path: query.get('path')! } : {}),
    limit: 1000,
  };
  const answer = usePoll(`journal:${JSON.stringify(q)}`, (signal) => journal(q, signal));
  const { reload } = answer;
  const seen = useRef(feed.revision);
  useEffect(() => {
    if (seen.current === feed.revision) return;
    seen.current = feed.revision;
    reload();
  }, [feed.revision, reload]);
  const areas = [...new Set((feed.defined ?? []).flatMap((a) => (a.area ? [a.area] : [])))].sort();
  const entries = answer.data?.entries;
  return (
    <>
      <h1>Alarm journal</h1>
      <p className="small">
        <Link to="/alarms">Active alarms</Link>
      </p>
      <JournalFilters areas={areas} />
      <ProblemNotice error={answer.error} context="The journal cannot be read" />
      <section className="panel" aria-label="Transitions">
        {answer.data ? (
          <p className="small muted">
            {entries!.length} transition{entries!.length === 1 ? '' : 's'} from {formatTime(answer.data.from)} to {formatTime(answer.data.to)}, newest first
            {entries!.length >= (q.limit ?? 0) ? ' (the newest only: narrow the filters for older ones)' : ''}.
          </p>
        ) : null}
        {!answer.data && !answer.error ? <p className="muted">Loading…</p> : null}
        {entries && entries.length > 0 ? (
          <div className="table-scroll">
            <table data-testid="alarm-journal">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Event, state reached</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Alarm</th>
                  <th scope="col" className="num">Value</th>
                  <th scope="col">User</th>
                  <th scope="col">Comment or reason</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq} data-testid={`journal-${e.seq}`}>
                    <td className="nowrap">{formatTime(e.at)}</td>
                    <td className="nowrap">
                      {e.event}
                      <div>
                        <StateBadge state={STATE_TONE[e.to]} label={STATE_LABEL[e.to]} />
                      </div>
                    </td>
                    <td>
                      <span className={`prio prio-${e.priority}`}>{e.priority}</span>
                    </td>
                    <td>
                      <Link to={`/alarms?id=${encodeURIComponent(e.id)}`} className="mono small" title={e.id}>
                        {tail(e.id, 3)}
                      </Link>
                      {e.message ? <div className="small muted">{shortMessage(e.message, e.path)}</div> : null}
                    </td>
                    <td className="num">{formatValue(e.value ?? undefined)}</td>
                    <td>{e.user ?? <span className="muted">—</span>}</td>
                    <td>{e.comment ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
