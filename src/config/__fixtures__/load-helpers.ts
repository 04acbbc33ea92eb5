/** Helpers for the config tests: load text with the fake kinds and look problems up by path. */
import { loadConfigText, type LoadResult } from '../load.js';
import type { ConfigProblem } from '../problems.js';
import { FAKE_KINDS } from './fake-kinds.js';

/** A minimal valid config to extend in tests. */
export const BASE_YAML = `site:
  enterprise: Acme
  name: Springfield
  hubZone: ops
zones:
  - id: ops
    level: 3
  - id: line1
    level: 1
conduits:
  - from: line1
    to: ops
    allow: [telemetry]
`;

/** Load YAML text as `hub.yaml` with the fake kinds and the given environment. */
export function load(text: string, env: Record<string, string> = {}): LoadResult {
  return loadConfigText(text, 'hub.yaml', { kinds: FAKE_KINDS, env });
}

/** The problems reported at `path`. */
export function at(result: LoadResult, path: string): ConfigProblem[] {
  return result.problems.filter((p) => p.path === path);
}
