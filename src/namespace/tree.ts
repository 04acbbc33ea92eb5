/** Browsing the namespace as a tree: the children of a path, one level at a time. */
import { isUnder } from '../core/path.js';

export type NodeKind = 'folder' | 'asset' | 'attribute' | 'tag';

export interface TreeNode {
  name: string;
  path: string;
  kind: NodeKind;
  /** Number of paths (attributes or raw tags) at or below this node. */
  leafCount: number;
  template?: string;
}

/** The direct children of `prefix` among `leaves`, with the kind each child has. */
export function childrenOf(prefix: string, leaves: Iterable<string>, kindOf: (path: string, isLeaf: boolean) => NodeKind, templateOf: (path: string) => string | undefined): TreeNode[] {
  const depth = prefix === '' ? 0 : prefix.split('/').length;
  const children = new Map<string, TreeNode>();
  for (const leaf of leaves) {
    if (!isUnder(leaf, prefix) || leaf === prefix) continue;
    const segments = leaf.split('/');
    const childPath = segments.slice(0, depth + 1).join('/');
    let node = children.get(childPath);
    if (!node) {
      const isLeaf = childPath === leaf;
      const template = templateOf(childPath);
      node = { name: segments[depth]!, path: childPath, kind: kindOf(childPath, isLeaf), leafCount: 0, ...(template ? { template } : {}) };
      children.set(childPath, node);
    }
    node.leafCount++;
  }
  return [...children.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
