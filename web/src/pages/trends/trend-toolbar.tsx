/** Range presets, zoom and pan buttons (the keyboard way to do what the mouse does on the chart), and export. */
import { navigate, withQuery } from '../../lib/router';
import { pan, PRESETS, zoom, type Range } from './trend-query';

interface Props {
  range: Range;
  from: string | null;
  follow: boolean;
  onRange(r: Range): void;
  exportHref: string | undefined;
}

export function TrendToolbar({ range, from, follow, onRange, exportHref }: Props) {
  return (
    <div className="toolbar">
      <div className="group" role="group" aria-label="Time range">
        {PRESETS.map((p) => (
          <button key={p.from} type="button" aria-pressed={follow && (from ?? '-1h') === p.from} onClick={() => navigate(withQuery({ from: p.from, to: undefined }))}>
            {p.label}
          </button>
        ))}
      </div>
      <div className="group" role="group" aria-label="Zoom and pan">
        <button type="button" onClick={() => onRange(pan(range, -0.5))}>
          ◀ Earlier
        </button>
        <button type="button" onClick={() => onRange(zoom(range, 0.5))}>
          Zoom in
        </button>
        <button type="button" onClick={() => onRange(zoom(range, 2))}>
          Zoom out
        </button>
        <button type="button" onClick={() => onRange(pan(range, 0.5))}>
          Later ▶
        </button>
      </div>
      {exportHref ? (
        <a className="button" href={exportHref} download>
          Export visible range (CSV)
        </a>
      ) : null}
    </div>
  );
}
