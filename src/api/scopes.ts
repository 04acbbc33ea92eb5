/** The namespace paths a route touches, for its `config.scope` (checked against zones and subtrees). */
import type { FastifyRequest } from 'fastify';
import { checkedPath, checkedPaths } from './params.js';

type Query = Record<string, unknown>;
const queryOf = (r: FastifyRequest) => (r.query ?? {}) as Query;

/** The one path of `?path=` (the whole namespace when absent). */
export const pathScope = (r: FastifyRequest) => {
  const p = queryOf(r).path;
  return { paths: [typeof p === 'string' && p !== '' && p !== '/' ? checkedPath(p) : ''] };
};

/** Every path of a repeated or comma-separated `?path=`. */
export const pathsScope = (r: FastifyRequest) => {
  const p = queryOf(r).path;
  return { paths: p === undefined ? [''] : checkedPaths(p as string | string[]) };
};

/** Browsing shows structure down to what the user may read; searching and values need read there. */
export const browseScope = (r: FastifyRequest) => {
  const q = queryOf(r);
  const searching = q.template !== undefined || q.q !== undefined || q.kind !== undefined;
  return { ...pathScope(r), navigate: !searching };
};

/** Site-wide reads (e.g. the quarantine of every sink): only a grant without zone or subtree limits. */
export const siteScope = () => ({ paths: [''] });
