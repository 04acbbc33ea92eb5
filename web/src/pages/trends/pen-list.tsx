/** The pens on the chart, each with its colour and a button to remove it. */
import type { Pen } from './trend-chart';

export function PenList({ pens, onRemove }: { pens: Pen[]; onRemove(path: string): void }) {
  return (
    <ul className="pens" aria-label="Pens">
      {pens.map((p) => (
        <li key={p.path} title={p.path}>
          <span className="swatch" style={{ background: p.color }} aria-hidden="true" />
          <span>
            {p.label}
            {p.unit ? <span className="muted"> ({p.unit})</span> : null}
          </span>
          <button type="button" className="link" aria-label={`Remove ${p.label}`} onClick={() => onRemove(p.path)}>
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}
