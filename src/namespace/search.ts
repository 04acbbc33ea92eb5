/** Search the namespace: assets and attributes by template (inheritance included) and by text, paged. */
import { isUnder } from '../core/path.js';
import type { AttributeNode, AssetNode, NamespaceModel } from './model.js';
import { isA } from './templates.js';

export interface SearchQuery {
  /** Only at or below this path ('' for everywhere). */
  path?: string;
  /** Assets of this template or one extending it, and their attributes. */
  template?: string;
  /** Words that must all appear (case-insensitive) in the path, name, description or unit. */
  q?: string;
  kind?: 'asset' | 'attribute';
  offset?: number;
  limit?: number;
}

export interface SearchMatch {
  kind: 'asset' | 'attribute';
  path: string;
  name: string;
  template?: string;
  type?: string;
  unit?: string;
  description?: string;
}

export interface SearchResult {
  matches: SearchMatch[];
  /** Matches in all, before paging. */
  total: number;
}

export const DEFAULT_SEARCH_LIMIT = 100;
export const MAX_SEARCH_LIMIT = 1000;

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function assetMatch(a: AssetNode): SearchMatch {
  return { kind: 'asset', path: a.path, name: nameOf(a.path), ...(a.template ? { template: a.template } : {}), ...(a.description ? { description: a.description } : {}) };
}

function attributeMatch(a: AttributeNode): SearchMatch {
  return {
    kind: 'attribute', path: a.path, name: a.name, type: a.type,
    ...(a.template ? { template: a.template } : {}), ...(a.unit ? { unit: a.unit } : {}), ...(a.description ? { description: a.description } : {}),
  };
}

function textMatches(m: SearchMatch, words: readonly string[]): boolean {
  const text = [m.path, m.name, m.description ?? '', m.unit ?? ''].join('\n').toLowerCase();
  return words.every((w) => text.includes(w));
}

/** Matches sorted by path (an asset before its attributes), then the requested page. */
export function search(model: Readonly<NamespaceModel>, q: SearchQuery): SearchResult {
  const prefix = q.path ?? '';
  const words = (q.q ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  const ofTemplate = (assetPath: string): boolean => q.template === undefined || isA(model.templates, model.assets.get(assetPath)?.template, q.template);
  const all: SearchMatch[] = [];
  if (q.kind !== 'attribute') for (const a of model.assets.values()) if (isUnder(a.path, prefix) && ofTemplate(a.path)) all.push(assetMatch(a));
  if (q.kind !== 'asset') for (const a of model.attributes.values()) if (isUnder(a.path, prefix) && ofTemplate(a.asset)) all.push(attributeMatch(a));
  const matches = words.length === 0 ? all : all.filter((m) => textMatches(m, words));
  matches.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const offset = Math.max(0, q.offset ?? 0);
  const limit = Math.min(MAX_SEARCH_LIMIT, Math.max(1, q.limit ?? DEFAULT_SEARCH_LIMIT));
  return { matches: matches.slice(offset, offset + limit), total: matches.length };
}
