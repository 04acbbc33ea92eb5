/** The visible range in numbers: a table beside the chart, also what a screen reader gets. */
import { formatValue } from '../../lib/format';
import type { Pen } from './trend-chart';
import { stats, type PenSeries } from './trend-query';

export function TrendStats({ pens, series }: { pens: Pen[]; series: PenSeries[] }) {
  const byPath = new Map(series.map((s) => [s.path, s]));
  return (
    <div className="table-scroll">
      <table data-testid="trend-stats">
        <caption className="visually-hidden">Pens over the visible range</caption>
        <thead>
          <tr>
            <th scope="col">Pen</th>
            <th scope="col" className="num">
              Points
            </th>
            <th scope="col" className="num">
              Last
            </th>
            <th scope="col" className="num">
              Min
            </th>
            <th scope="col" className="num">
              Max
            </th>
          </tr>
        </thead>
        <tbody>
          {pens.map((p) => {
            const s = byPath.get(p.path);
            const st = stats(s?.points ?? []);
            return (
              <tr key={p.path}>
                <td>
                  <span className="swatch" style={{ background: p.color }} aria-hidden="true" /> <span className="path">{p.path}</span>
                </td>
                <td className="num">{s?.points.length ?? 0}</td>
                <td className="num">{formatValue(st.last, p.unit)}</td>
                <td className="num">{formatValue(st.min, p.unit)}</td>
                <td className="num">{formatValue(st.max, p.unit)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
