/**
 * Which routes this hub serves, from its OpenAPI document: pages whose API has not arrived yet
 * say so instead of failing, and light up on their own once it is there.
 */
import { useEffect, useState } from 'react';

let loading: Promise<Set<string> | undefined> | undefined;

/** The hub's API paths (e.g. "/api/v1/trend"), or undefined when the document cannot be read. */
export function apiPaths(): Promise<Set<string> | undefined> {
  // A failed read (not signed in yet, hub restarting) is not kept: the next page asks again.
  loading ??= fetch('/api/v1/openapi.json', { credentials: 'same-origin' })
    .then(async (res) => (res.ok ? new Set(Object.keys(((await res.json()) as { paths?: object }).paths ?? {})) : undefined))
    .catch(() => undefined)
    .then((paths) => {
      if (!paths) loading = undefined;
      return paths;
    });
  return loading;
}

export interface Features {
  ready: boolean;
  /** True when the hub serves `path`; also true when the document could not be read (the page then shows the API's own answer). */
  has(path: string): boolean;
}

/** The hub's routes, for deciding what a page can offer. */
export function useFeatures(): Features {
  const [paths, setPaths] = useState<Set<string> | undefined | null>(null);
  useEffect(() => {
    let live = true;
    void apiPaths().then((p) => live && setPaths(p));
    return () => {
      live = false;
    };
  }, []);
  return { ready: paths !== null, has: (path) => paths === undefined || paths === null || paths.has(path) };
}
