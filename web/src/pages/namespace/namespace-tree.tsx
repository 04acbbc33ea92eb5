/**
 * The namespace one level at a time, loaded as it is opened. A disclosure list: every node is a
 * button to select and, when it has children, a button to open; both reachable with Tab.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, get, type Answer } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';

export type TreeNode = NonNullable<Answer<'/api/v1/namespace'>['children']>[number];
type Level = TreeNode[] | ApiError | 'loading';

/** Every ancestor of a path, root first: a/b/c → a, a/b. */
function ancestors(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

function useLevels() {
  const [levels, setLevels] = useState<ReadonlyMap<string, Level>>(new Map());
  const requested = useRef(new Set<string>());
  const load = useCallback((path: string) => {
    if (requested.current.has(path)) return;
    requested.current.add(path);
    setLevels((prev) => new Map(prev).set(path, 'loading'));
    get('/api/v1/namespace', { query: path ? { path } : {} })
      .then((a) => setLevels((prev) => new Map(prev).set(path, a.children ?? [])))
      .catch((e: unknown) => {
        requested.current.delete(path);
        setLevels((prev) => new Map(prev).set(path, e instanceof ApiError ? e : new ApiError({ status: 0, title: String(e) })));
      });
  }, []);
  return { levels, load };
}

interface ItemProps {
  node: TreeNode;
  selected: string;
  open: ReadonlySet<string>;
  levels: ReadonlyMap<string, Level>;
  onToggle(path: string): void;
  onSelect(path: string): void;
}

function TreeItem({ node, selected, open, levels, onToggle, onSelect }: ItemProps) {
  const branch = node.kind === 'folder' || node.kind === 'asset';
  const expanded = open.has(node.path);
  return (
    <li>
      <div className="tree-row">
        {branch ? (
          <button type="button" className="toggle" aria-expanded={expanded} aria-label={`${expanded ? 'Close' : 'Open'} ${node.name}`} onClick={() => onToggle(node.path)}>
            {expanded ? '▾' : '▸'}
          </button>
        ) : (
          <span className="toggle" aria-hidden="true" />
        )}
        <button type="button" className="name" aria-current={selected === node.path ? 'true' : undefined} onClick={() => onSelect(node.path)} data-path={node.path}>
          {node.name}
        </button>
        <span className="kind">{node.template ?? (node.kind === 'folder' ? '' : node.kind)}</span>
      </div>
      {branch && expanded ? <TreeLevel path={node.path} selected={selected} open={open} levels={levels} onToggle={onToggle} onSelect={onSelect} /> : null}
    </li>
  );
}

type LevelProps = Omit<ItemProps, 'node'> & { path: string; root?: boolean };

function TreeLevel({ path, root, ...rest }: LevelProps) {
  const level = rest.levels.get(path);
  if (level === undefined || level === 'loading') return <p className="small muted">Loading…</p>;
  if (level instanceof ApiError) return <ProblemNotice error={level} />;
  return (
    <ul className={root ? 'tree' : undefined} aria-label={root ? 'Plant namespace' : undefined}>
      {level.map((n) => (
        <TreeItem key={n.path} node={n} {...rest} />
      ))}
    </ul>
  );
}

export function NamespaceTree({ selected, onSelect }: { selected: string; onSelect(path: string): void }) {
  const { levels, load } = useLevels();
  // What the user opened or closed; the way down to the selected node is open unless closed.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const way = selected ? ancestors(selected) : [];
  const open = new Set([...way.filter((p) => toggled.get(p) !== false), ...[...toggled].filter(([, on]) => on).map(([p]) => p)]);
  const wayKey = way.join(',');

  useEffect(() => {
    load('');
    if (wayKey) wayKey.split(',').forEach(load);
  }, [wayKey, load]);

  function toggle(path: string) {
    if (!open.has(path)) load(path);
    setToggled(new Map(toggled).set(path, !open.has(path)));
  }

  return <TreeLevel path="" root selected={selected} open={open} levels={levels} onToggle={toggle} onSelect={onSelect} />;
}
