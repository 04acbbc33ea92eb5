/** Key paths into the config document: `['sources', 0, 'tags', 2, 'scale']` ⇄ `sources[0].tags[2].scale`. */

/** A path of keys and list indexes from the top of the config to one node. */
export type KeyPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The path as users read it: `sources[0].tags[2].scale`, `states["1"]`; empty for the top. */
export function formatKeyPath(path: KeyPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** The key path of a JSON pointer (`/sources/0/id`), taking list indexes as numbers where `root` has a list. */
export function keyPathOfPointer(root: unknown, pointer: string): (string | number)[] {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(seg)) {
      out.push(Number(seg));
      node = node[Number(seg)];
    } else {
      out.push(seg);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

/** The value at `path` in `root`, or undefined. */
export function valueAt(root: unknown, path: KeyPath): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** Replace the value at `path` in `root`; does nothing when the parent does not exist. */
export function setValueAt(root: unknown, path: KeyPath, value: unknown): void {
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (last === undefined || parent === null || typeof parent !== 'object') return;
  (parent as Record<string | number, unknown>)[last] = value;
}

/** The sub-schema a schemaPath such as `#/properties/zones/items` points at. */
export function schemaAt(root: unknown, schemaPath: string): Record<string, unknown> | undefined {
  let node: unknown = root;
  for (const raw of schemaPath.replace(/^#\/?/, '').split('/')) {
    if (raw === '') continue;
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}
