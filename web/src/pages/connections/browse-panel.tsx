/**
 * Browse an OPC UA server one level and one page at a time, see each variable's data type, value
 * and access level, pick variables, and take the tag lines for the source's config (the hub has no
 * config-writing API: paste them, then `causeway check`). Tag ids are unique among the picks.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, get, type Answer } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { formatValue } from '../../lib/format';
import { uniqueTagIds } from './tag-ids';

type BrowseNode = Answer<'/api/v1/sources/{id}/browse'>['nodes'][number];

interface Page {
  nodes: BrowseNode[];
  cursor?: string;
}

/** A picked node with the names from the browse root down to it (for unique tag ids). */
interface Pick {
  node: BrowseNode;
  path: string[];
}

function VariableFacts({ n }: { n: BrowseNode }) {
  if (n.type !== 'Variable') return null;
  return (
    <span className="small" style={{ marginLeft: '0.75rem', marginRight: '0.5rem', whiteSpace: 'nowrap' }} data-testid="variable-facts">
      <span title="Data type">{n.dataType ?? '?'}</span>
      {' · '}
      <span className="mono" title="Value now" data-testid="browse-value">
        {n.value !== undefined ? formatValue(n.value) : (n.valueStatus ?? '—')}
      </span>
      {n.value !== undefined && n.valueStatus ? <span className="muted"> ({n.valueStatus})</span> : null}
      {' · '}
      <span title="What the hub may do with it">{n.access ?? '?'}</span>
    </span>
  );
}

function BrowseLevel({ id, address, parents, picked, onPick }: { id: string; address?: string; parents: string[]; picked: ReadonlyMap<string, Pick>; onPick(p: Pick, on: boolean): void }) {
  const [pages, setPages] = useState<Page[]>([]);
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  async function load(cursor: string | undefined, signal?: AbortSignal) {
    setLoading(true);
    try {
      const page = await get('/api/v1/sources/{id}/browse', { params: { id }, query: { ...(address ? { address } : {}), ...(cursor ? { cursor } : {}) }, ...(signal ? { signal } : {}) });
      if (signal?.aborted) return;
      setPages((p) => (cursor ? [...p, page] : [page]));
      setError(undefined);
    } catch (e) {
      if (signal?.aborted) return;
      setError(e instanceof ApiError ? e : undefined);
    }
    setLoading(false);
  }
  const first = useRef(load);
  useEffect(() => {
    first.current = load;
  });

  useEffect(() => {
    const abort = new AbortController();
    void first.current(undefined, abort.signal);
    return () => abort.abort();
  }, [id, address]);

  const nodes = pages.flatMap((p) => p.nodes);
  const cursor = pages[pages.length - 1]?.cursor;
  const toggle = (a: string) => setOpen((prev) => (prev.has(a) ? new Set([...prev].filter((x) => x !== a)) : new Set([...prev, a])));

  return (
    <>
      <ProblemNotice error={error} context="Browse" />
      <ul className="tree" aria-busy={loading}>
        {nodes.map((n) => (
          <li key={n.address}>
            <div className="tree-row" data-address={n.address}>
              {n.hasChildren ? (
                <button type="button" className="toggle" aria-expanded={open.has(n.address)} aria-label={`${open.has(n.address) ? 'Close' : 'Open'} ${n.name}`} onClick={() => toggle(n.address)}>
                  {open.has(n.address) ? '▾' : '▸'}
                </button>
              ) : (
                <span className="toggle" aria-hidden="true" />
              )}
              {n.type === 'Variable' || !n.hasChildren ? (
                <label style={{ fontWeight: 'normal', display: 'flex', gap: '0.4rem', alignItems: 'center', margin: 0 }}>
                  <input type="checkbox" style={{ width: 'auto', minHeight: 0 }} checked={picked.has(n.address)} onChange={(e) => onPick({ node: n, path: [...parents, n.name] }, e.target.checked)} />
                  {n.name}
                </label>
              ) : (
                <span>{n.name}</span>
              )}
              <VariableFacts n={n} />
              <span className="kind" style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 0 }}>
                {n.type ?? ''} <span className="mono">{n.address}</span>
              </span>
            </div>
            {open.has(n.address) ? (
              <ul>
                <li>
                  <BrowseLevel id={id} address={n.address} parents={[...parents, n.name]} picked={picked} onPick={onPick} />
                </li>
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {loading ? <p className="small muted">Browsing…</p> : null}
      {cursor && !loading ? (
        <button type="button" onClick={() => void load(cursor)}>
          More
        </button>
      ) : null}
    </>
  );
}

function TagLines({ picked }: { picked: Pick[] }) {
  const ids = uniqueTagIds(picked);
  const lines = ['tags:', ...picked.map((p, i) => `  - { id: ${ids[i]}, nodeId: '${p.node.address.replace(/'/g, "''")}' }`)].join('\n');
  return (
    <>
      <h4>Tags for the source's config</h4>
      <pre aria-label="Tag lines for the config" data-testid="tag-lines">{lines}</pre>
      <button type="button" onClick={() => void navigator.clipboard?.writeText(lines)}>
        Copy
      </button>{' '}
      <span className="small muted">Paste under this source in the config, then run `causeway check` and restart the hub.</span>
    </>
  );
}

export function BrowsePanel({ id }: { id: string }) {
  const [picked, setPicked] = useState<ReadonlyMap<string, Pick>>(new Map());
  function onPick(p: Pick, on: boolean) {
    setPicked((prev) => {
      const next = new Map(prev);
      if (on) next.set(p.node.address, p);
      else next.delete(p.node.address);
      return next;
    });
  }
  return (
    <div aria-label={`Address space of ${id}`} role="region">
      <BrowseLevel id={id} parents={[]} picked={picked} onPick={onPick} />
      {picked.size ? <TagLines picked={[...picked.values()]} /> : null}
    </div>
  );
}
