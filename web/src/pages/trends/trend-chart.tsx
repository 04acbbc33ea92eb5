/**
 * The uPlot chart: one line per pen, one y scale per unit. Drag across to zoom into a span, wheel
 * to zoom around the pointer, Shift+drag to pan; each asks the page for the new range, which
 * fetches it at the resolution the new span needs.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { zoom, type Range } from './trend-query';

export interface Pen {
  path: string;
  label: string;
  unit?: string;
  color: string;
}

interface Props {
  pens: Pen[];
  data: uPlot.AlignedData;
  range: Range;
  onRange(range: Range): void;
}

const HEIGHT = 380;

function options(pens: Pen[], width: number, onRange: (r: Range) => void): uPlot.Options {
  const units = [...new Set(pens.map((p) => p.unit ?? ''))];
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: true }, ...Object.fromEntries(units.map((u) => [`y:${u}`, { auto: true }])) },
    series: [{}, ...pens.map((p) => ({ label: p.label, stroke: p.color, width: 1.5, scale: `y:${p.unit ?? ''}`, spanGaps: true, value: (_u: uPlot, v: number | null) => (v === null ? '—' : `${+v.toFixed(3)}${p.unit ? ` ${p.unit}` : ''}`) }))],
    axes: [
      { stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.2)' } },
      ...units.slice(0, 2).map((u, i) => ({ scale: `y:${u}`, side: i === 0 ? 3 : 1, label: u || undefined, stroke: 'currentColor', grid: { show: i === 0, stroke: 'rgba(128,128,128,0.2)' }, size: 60 })),
    ],
    cursor: { drag: { x: true, y: false, setScale: false } },
    hooks: {
      setSelect: [
        (u) => {
          if (u.select.width < 5) return;
          const from = u.posToVal(u.select.left, 'x') * 1000;
          const to = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          onRange({ from: Math.round(from), to: Math.round(to) });
        },
      ],
    },
  };
}

/** Wheel zoom and Shift+drag pan on the plot area; the x scale follows at once, the page refetches. */
function attachGestures(u: uPlot, getRange: () => Range, onRange: (r: Range) => void): () => void {
  const over = u.over;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const commit = (r: Range) => {
    u.setScale('x', { min: r.from / 1000, max: r.to / 1000 });
    clearTimeout(pending);
    pending = setTimeout(() => onRange(r), 250);
  };
  const current = (): Range => ({ from: (u.scales.x?.min ?? getRange().from / 1000) * 1000, to: (u.scales.x?.max ?? getRange().to / 1000) * 1000 });
  function onWheel(e: WheelEvent) {
    e.preventDefault();
    const at = Math.min(1, Math.max(0, e.offsetX / over.clientWidth));
    commit(zoom(current(), e.deltaY < 0 ? 0.8 : 1.25, at));
  }
  function onDown(e: MouseEvent) {
    if (!e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const start = current();
    const x0 = e.clientX;
    const perPx = (start.to - start.from) / over.clientWidth;
    const move = (m: MouseEvent) => commit({ from: start.from - (m.clientX - x0) * perPx, to: start.to - (m.clientX - x0) * perPx });
    const up = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  }
  over.addEventListener('wheel', onWheel, { passive: false });
  over.addEventListener('mousedown', onDown, true);
  return () => {
    clearTimeout(pending);
    over.removeEventListener('wheel', onWheel);
    over.removeEventListener('mousedown', onDown, true);
  };
}

export function TrendChart({ pens, data, range, onRange }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef({ data, range, onRange });
  useEffect(() => {
    latest.current = { data, range, onRange };
  });
  const signature = pens.map((p) => `${p.path}|${p.unit ?? ''}|${p.color}`).join(',');

  // Made again only when the pens change; data and range are applied below.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const u = new uPlot(options(pens, el.clientWidth || 800, (r) => latest.current.onRange(r)), latest.current.data, el);
    plot.current = u;
    const detach = attachGestures(u, () => latest.current.range, (r) => latest.current.onRange(r));
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      detach();
      u.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature stands for the pens
  }, [signature]);

  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    u.setData(data, false);
    u.setScale('x', { min: range.from / 1000, max: range.to / 1000 });
  }, [data, range.from, range.to]);

  return <div ref={box} className="chart" data-testid="trend-chart" data-from={range.from} data-to={range.to} role="img" aria-label={`Trend of ${pens.map((p) => p.label).join(', ')}`} />;
}
