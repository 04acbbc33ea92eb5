/** The namespace explorer: the ISA-95 tree with search, and the selected node's details with live values. */
import { navigate, useLocation, withQuery } from '../../lib/router';
import { NodeDetails } from './node-details';
import { NamespaceSearch } from './namespace-search';
import { NamespaceTree } from './namespace-tree';

export function NamespacePage() {
  const { query } = useLocation();
  const selected = query.get('path') ?? '';
  const select = (path: string) => navigate(withQuery({ path }));
  return (
    <>
      <h1>Namespace</h1>
      <div className="split">
        <section className="panel" aria-label="Namespace tree">
          <NamespaceSearch onSelect={select} withTemplate />
          <NamespaceTree selected={selected} onSelect={select} />
        </section>
        <section className="panel" aria-label="Details" aria-live="polite">
          {selected ? <NodeDetails path={selected} /> : <p className="muted">Choose an asset or attribute in the tree, or search for one.</p>}
        </section>
      </div>
    </>
  );
}
