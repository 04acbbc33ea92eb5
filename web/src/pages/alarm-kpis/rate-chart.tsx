/**
 * Annunciated alarms per 10 minutes as bars, with the ISA-18.2 targets drawn across: ~1 (very
 * likely acceptable), ~2 (maximum manageable) and the flood threshold (more than 10).
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface Props {
  periods: number[];
  counts: number[];
  acceptable: number;
  manageable: number;
  flood: number;
}

const HEIGHT = 260;

function options(width: number): uPlot.Options {
  const line = (label: string, stroke: string, dash?: number[]) => ({ label, stroke, width: 1.5, ...(dash ? { dash } : {}), points: { show: false } });
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(12, Math.ceil(max * 1.1))] } },
    series: [
      {},
      { label: 'Alarms per 10 min', stroke: '#2f6fb3', fill: 'rgba(47,111,179,0.45)', width: 1, paths: uPlot.paths.bars!({ size: [0.8, 40], align: 1 }), points: { show: false } },
      line('~1: very likely acceptable', '#2e8b57', [6, 4]),
      line('~2: maximum manageable', '#d08a00', [6, 4]),
      line('>10: flood', '#c0392b', [2, 3]),
    ],
    axes: [
      { stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.2)' } },
      { stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.2)' }, label: 'alarms / 10 min', size: 50 },
    ],
    cursor: { drag: { x: false, y: false } },
  };
}

export function RateChart({ periods, counts, acceptable, manageable, flood }: Props) {
  const box = useRef<HTMLDivElement>(null);

  // Made again when the figures change (every refresh at most): a few hundred points.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [periods.map((t) => t / 1000), counts, periods.map(() => acceptable), periods.map(() => manageable), periods.map(() => flood)];
    const u = new uPlot(options(el.clientWidth || 800), data, el);
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
    };
  }, [periods, counts, acceptable, manageable, flood]);

  return <div ref={box} className="trend-chart" data-testid="alarm-rate-chart" aria-label="Annunciated alarms per 10 minutes with the ISA-18.2 targets" />;
}
