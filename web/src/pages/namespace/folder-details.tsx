/** A level of the hierarchy (enterprise, site, area) or a raw tag's source folder. */
import { leaf } from '../../lib/format';
import { Link, withQuery } from '../../lib/router';
import type { TreeNode } from './namespace-tree';

export function FolderDetails({ path, nodes }: { path: string; nodes: TreeNode[] }) {
  return (
    <>
      <h2>{leaf(path)}</h2>
      <p className="path mono small">{path}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Below</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              Values
            </th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((c) => (
            <tr key={c.path}>
              <td>
                <Link to={withQuery({ path: c.path })}>{c.name}</Link>
              </td>
              <td>{c.template ?? c.kind}</td>
              <td className="num">{c.leafCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
