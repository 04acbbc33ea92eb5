import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../config/schema.js';
import { stalePolicyOf, type SourceFacts } from './staleness-policy.js';

type Case = [string, Pick<SourceConfig, 'staleAfter' | 'tags'>, SourceFacts, { defaultMs: number; tags: Record<string, number> }];

const TAGS = [{ id: 'a' }, { id: 'b', staleAfter: '5s' }, { id: 'c', staleAfter: 0 }];

const CASES: Case[] = [
  ['polled: 3 × the poll interval', { tags: [{ id: 'a' }] }, { pollEveryMs: 1000, dynamic: false }, { defaultMs: 3000, tags: { 'src/a': 3000 } }],
  ['polled fast: never below 2 s', { tags: [{ id: 'a' }] }, { pollEveryMs: 100, dynamic: false }, { defaultMs: 2000, tags: { 'src/a': 2000 } }],
  ['publishes on change: never stale', { tags: [{ id: 'a' }] }, { dynamic: true }, { defaultMs: 0, tags: { 'src/a': 0 } }],
  ['the source\'s staleAfter replaces the default', { staleAfter: '30s', tags: [{ id: 'a' }] }, { pollEveryMs: 1000, dynamic: false }, { defaultMs: 30_000, tags: { 'src/a': 30_000 } }],
  ['staleAfter in milliseconds', { staleAfter: 1500, tags: [] }, { dynamic: true }, { defaultMs: 1500, tags: {} }],
  ['a tag\'s staleAfter wins; 0 turns it off', { tags: TAGS }, { pollEveryMs: 2000, dynamic: false }, { defaultMs: 6000, tags: { 'src/a': 6000, 'src/b': 5000, 'src/c': 0 } }],
  ['a tag may opt in on a source that is never stale', { staleAfter: 0, tags: TAGS }, { pollEveryMs: 1000, dynamic: false }, { defaultMs: 0, tags: { 'src/a': 0, 'src/b': 5000, 'src/c': 0 } }],
];

describe('staleness periods', () => {
  it.each(CASES)('%s', (_name, cfg, facts, want) => {
    const policy = stalePolicyOf({ id: 'src', ...cfg }, facts);
    expect({ defaultMs: policy.defaultMs, tags: Object.fromEntries(policy.tags) }).toEqual(want);
    expect(policy.dynamic).toBe(facts.dynamic);
  });
});
