/** What the selected path is: an asset, an attribute, a raw tag or a folder, each with its own view. */
import { get } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { leaf } from '../../lib/format';
import { Link } from '../../lib/router';
import { useLiveValues } from '../../lib/use-live';
import { usePoll } from '../../lib/use-poll';
import { AssetDetails } from './asset-details';
import { AttributeDetails } from './attribute-details';
import { FolderDetails } from './folder-details';
import { LineageView } from './lineage-view';
import { LiveStatusNote, LiveValueView } from './live-value';

/** A source tag no binding maps: kept under <source>/<tag> with its value and lineage. */
function RawTagDetails({ path }: { path: string }) {
  const live = useLiveValues([path]);
  return (
    <>
      <h2>
        {leaf(path)} <span className="small muted">raw tag, not bound to an attribute</span>
      </h2>
      <p className="path mono small">{path}</p>
      <LiveValueView value={live.values.get(path)} />
      <LiveStatusNote status={live.status} detail={live.detail} />
      <p>
        <Link to={`/trends?path=${encodeURIComponent(path)}`} className="button">
          Open in Trends
        </Link>
      </p>
      <h3>Lineage</h3>
      <LineageView path={path} />
    </>
  );
}

export function NodeDetails({ path }: { path: string }) {
  const node = usePoll(`node:${path}`, (signal) => get('/api/v1/namespace', { query: { path }, signal }));
  if (node.error) return <ProblemNotice error={node.error} />;
  const n = node.data;
  if (!n) return <p className="muted">Loading…</p>;
  if (n.attribute) return <AttributeDetails attribute={n.attribute} />;
  if (n.asset) return <AssetDetails asset={n.asset} />;
  if ((n.children ?? []).length === 0) return <RawTagDetails path={path} />;
  return <FolderDetails path={path} nodes={n.children ?? []} />;
}
