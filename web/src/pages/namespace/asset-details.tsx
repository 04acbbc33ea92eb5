/** An asset: its attributes with live values, and its child assets. */
import type { Answer } from '../../api/client';
import { QualityBadge } from '../../components/quality-badge';
import { formatAgo, formatValue, leaf } from '../../lib/format';
import { Link, navigate, withQuery } from '../../lib/router';
import { useLiveValues } from '../../lib/use-live';
import { LiveStatusNote } from './live-value';

type Asset = NonNullable<Answer<'/api/v1/namespace'>['asset']>;

export function AssetDetails({ asset }: { asset: Asset }) {
  const live = useLiveValues([asset.path]);
  const trend = asset.attributes.slice(0, 4).map(encodeURIComponent).join(',');
  return (
    <>
      <h2>
        {leaf(asset.path)} <span className="small muted">{asset.template ? `${asset.template} asset` : 'asset'}</span>
      </h2>
      <p className="path mono small">{asset.path}</p>
      {asset.description ? <p>{asset.description}</p> : null}
      <LiveStatusNote status={live.status} detail={live.detail} />
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Attributes of {leaf(asset.path)}</caption>
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col">Quality</th>
              <th scope="col">Source time</th>
            </tr>
          </thead>
          <tbody>
            {asset.attributes.map((path) => {
              const v = live.values.get(path);
              return (
                <tr key={path} data-testid={`attr-${leaf(path)}`}>
                  <td>
                    <button type="button" className="link" onClick={() => navigate(withQuery({ path }))}>
                      {leaf(path)}
                    </button>
                  </td>
                  <td className="num" data-ts={v?.ts}>
                    {formatValue(v?.value, v?.unit)}
                  </td>
                  <td>{v ? <QualityBadge quality={v.quality} reason={v.reason} /> : '—'}</td>
                  <td>{formatAgo(v?.ts)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {asset.attributes.length ? (
        <p>
          <Link to={`/trends?path=${trend}`} className="button">
            Trend {Math.min(4, asset.attributes.length)} attributes
          </Link>
        </p>
      ) : null}
      {asset.children?.length ? (
        <>
          <h3>Parts</h3>
          <ul>
            {asset.children.map((c) => (
              <li key={c}>
                <Link to={withQuery({ path: c })}>{leaf(c)}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
