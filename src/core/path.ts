import { CausewayError } from './errors.js';

/** Longest allowed path, in characters. */
export const MAX_PATH_LENGTH = 512;
/** Deepest allowed path, in segments. */
export const MAX_PATH_DEPTH = 16;
/** Longest allowed segment, in characters. */
export const MAX_SEGMENT_LENGTH = 64;

const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** Why a path is not valid, or undefined when it is. */
export function pathProblem(path: string): string | undefined {
  if (typeof path !== 'string' || path.length === 0) return 'the path is empty';
  if (path.length > MAX_PATH_LENGTH) return `the path is ${path.length} characters long; at most ${MAX_PATH_LENGTH} are allowed`;
  const segments = path.split('/');
  if (segments.length > MAX_PATH_DEPTH) return `the path has ${segments.length} segments; at most ${MAX_PATH_DEPTH} are allowed`;
  for (const [i, s] of segments.entries()) {
    if (s.length === 0) return `segment ${i + 1} is empty (a leading, trailing or doubled "/")`;
    if (s.length > MAX_SEGMENT_LENGTH) return `segment "${s.slice(0, 20)}…" is longer than ${MAX_SEGMENT_LENGTH} characters`;
    if (!SEGMENT.test(s)) return `segment "${s}" has characters other than letters, digits, "_" and "-"`;
  }
  return undefined;
}

/** True when `path` is a valid namespace path. */
export function isValidPath(path: string): boolean {
  return pathProblem(path) === undefined;
}

/** Split a path into its segments, or throw CW_PATH_INVALID. */
export function parsePath(path: string): string[] {
  const problem = pathProblem(path);
  if (problem) throw new CausewayError('CW_PATH_INVALID', { path, problem });
  return path.split('/');
}

/** Join segments into a path, validating the result. */
export function joinPath(...segments: string[]): string {
  const path = segments.join('/');
  parsePath(path);
  return path;
}

/** True when `path` equals `prefix` or lies below it. An empty prefix matches everything. */
export function isUnder(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  return path === prefix || (path.startsWith(prefix) && path.charCodeAt(prefix.length) === 47 /* "/" */);
}

/** The path of a raw source tag: `<source-id>/<tag-id>`. */
export function rawTagPath(sourceId: string, tagId: string): string {
  return `${sourceId}/${tagId}`;
}
