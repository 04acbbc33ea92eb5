/** Trends: several pens from the historian over a range, zoomed and panned, exported as CSV. */
import { useMemo, useState } from 'react';
import { apiUrl } from '../../api/client';
import { useFeatures } from '../../api/features';
import { formatTime, tail } from '../../lib/format';
import { navigate, useLocation, withQuery } from '../../lib/router';
import { usePoll } from '../../lib/use-poll';
import { NamespaceSearch } from '../namespace/namespace-search';
import { loadTrend } from './load-trend';
import { PenList } from './pen-list';
import { TrendChart, type Pen } from './trend-chart';
import { TrendNotices } from './trend-notices';
import { TrendStats } from './trend-stats';
import { TrendToolbar } from './trend-toolbar';
import { align, describePlan, planQuery, resolveRange, type Range } from './trend-query';

/** Distinct at a glance and readable on white and dark backgrounds. */
const COLORS = ['#0b5cad', '#c2410c', '#15803d', '#9333ea', '#b45309', '#0e7490', '#be123c', '#4d7c0f'];
const FOLLOW_MS = 5000;

function usePens(): { paths: string[]; from: string | null; to: string | null } {
  const { query } = useLocation();
  const paths = (query.get('path') ?? '').split(',').filter(Boolean);
  return { paths, from: query.get('from'), to: query.get('to') };
}

export function TrendsPage() {
  const { paths, from, to } = usePens();
  const features = useFeatures();
  const hasTrend = features.has('/api/v1/trend');
  const pixels = Math.min(2000, Math.max(300, document.documentElement.clientWidth - 80));
  const follow = !to;
  const [openedAt] = useState(() => Date.now());
  const key = `${paths.join(',')}|${from}|${to}|${features.ready}|${hasTrend}`;
  const loaded = usePoll(
    key,
    async (signal) => {
      if (!features.ready || paths.length === 0) return undefined;
      const range = resolveRange(from, to, Date.now());
      const plan = planQuery(range, pixels, hasTrend);
      return { range, plan, ...(await loadTrend(paths, range, plan, signal)) };
    },
    follow ? FOLLOW_MS : 0,
  );

  const result = loaded.data;
  const range: Range = result?.range ?? resolveRange(from, to, openedAt);
  const units = new Map(result?.series.map((s) => [s.path, s.unit]) ?? []);
  const pens: Pen[] = paths.map((p, i) => ({ path: p, label: tail(p), unit: units.get(p), color: COLORS[i % COLORS.length]! }));
  const data = useMemo(() => align(result?.series ?? []), [result]);

  const setPaths = (next: string[]) => navigate(withQuery({ path: next.join(',') }));
  const setRange = (r: Range) => navigate(withQuery({ from: String(Math.round(r.from)), to: String(Math.round(r.to)) }));
  const exportHref = apiUrl('/api/v1/export', { path: paths, from: String(Math.floor(range.from)), to: String(Math.ceil(range.to)), format: 'csv' });

  return (
    <>
      <h1>Trends</h1>
      <section className="panel" aria-label="Pens">
        <NamespaceSearch kind="attribute" onSelect={(p) => !paths.includes(p) && setPaths([...paths, p])} />
        <PenList pens={pens} onRemove={(p) => setPaths(paths.filter((x) => x !== p))} />
      </section>
      <section className="panel" aria-label="Chart">
        <TrendToolbar range={range} from={from} follow={follow} onRange={setRange} exportHref={paths.length ? exportHref : undefined} />
        <p className="small muted" data-testid="trend-range">
          {formatTime(range.from)} – {formatTime(range.to)}
          {follow ? ' (following)' : ''}
          {result ? ` · ${describePlan(result.plan, result.grain)}` : ''}
          {result?.truncated ? ' · more samples than one page: zoom in for all of them' : ''}
        </p>
        <TrendNotices paths={paths} series={result?.series} range={range} error={loaded.error} onRemove={(p) => setPaths(paths.filter((x) => x !== p))} />
        {paths.length === 0 ? (
          <p>Add a pen: find an attribute above, or open one from the namespace explorer.</p>
        ) : (
          <>
            <TrendChart pens={pens} data={data} range={range} onRange={setRange} />
            <p className="small muted">Drag across the chart to zoom in; use the wheel to zoom around the pointer, Shift+drag to pan.</p>
            <TrendStats pens={pens} series={result?.series ?? []} />
          </>
        )}
      </section>
    </>
  );
}
