/** Kind-specific validation: each source's `config` and tags, and each sink's `config`, against its kind's schemas. */
import { ERROR_CATALOGUE } from '../core/errors.js';
import { TAG_COMMON_KEYS } from './schema.js';
import { entries, isObj, str, type Obj } from './data.js';
import { listNames, withSuggestion } from './suggest.js';
import { validateTarget } from './validate.js';
import type { ProblemContext } from './collector.js';
import type { KeyPath } from './key-path.js';
import type { KindSchemas } from './kinds.js';

function withoutCommonKeys(tag: Obj): Obj {
  return Object.fromEntries(Object.entries(tag).filter(([k]) => !TAG_COMMON_KEYS.includes(k)));
}

function reportUnknownKind(what: 'source' | 'sink', kind: string, known: string[], path: KeyPath, ctx: ProblemContext): void {
  const hint = what === 'source'
    ? ERROR_CATALOGUE.CW_SOURCE_KIND_UNKNOWN.hint({ kind, known: listNames(known) })
    : ERROR_CATALOGUE.CW_SINK_KIND_UNKNOWN.hint({ kind, known: listNames(known) });
  ctx.report(path, 'CW_CONFIG_UNKNOWN_KIND', withSuggestion(`There is no ${what} kind ${ctx.show(path, kind)}`, kind, known), hint);
}

/** The `config` block of an entry, or undefined when it is there but not a mapping (the hub schema reports that). */
function configOf(entry: Obj): Obj | undefined {
  if (entry.config === undefined || entry.config === null) return {};
  return isObj(entry.config) ? entry.config : undefined;
}

/**
 * A self-describing source (a kind with dynamicTags: MQTT topic captures, Sparkplug births) may leave
 * out `tags:`; it is filled in as an empty list. Any other kind without tags gets one clear problem
 * (and an empty list too, so the hub schema does not report it a second time).
 */
export function fillOptionalTags(data: unknown, kinds: KindSchemas, ctx: ProblemContext): void {
  const selfDescribing = [...kinds.sources].filter(([, d]) => d.dynamicTags).map(([k]) => k);
  for (const [src, i] of entries(data, 'sources')) {
    if (src.tags !== undefined) continue;
    const kind = str(src.kind);
    const def = kind === undefined ? undefined : kinds.sources.get(kind);
    if (def && !def.dynamicTags) {
      ctx.report(['sources', i], 'CW_CONFIG_SCHEMA', `Required key "tags" is missing: a ${kind} source reads only the tags it lists.`,
        `Add "tags:" with at least one tag. Only self-describing kinds${selfDescribing.length > 0 ? ` (${selfDescribing.join(', ')})` : ''} may leave tags: out.`, 'key');
    }
    if (def) src.tags = [];
  }
}

/** Validate every source and sink against the schemas of its kind; unknown kinds are reported with the known ones. */
export function checkKinds(data: unknown, kinds: KindSchemas, ctx: ProblemContext): void {
  const knownSources = [...kinds.sources.keys()];
  for (const [src, i] of entries(data, 'sources')) {
    const kind = str(src.kind);
    if (kind === undefined) continue;
    const def = kinds.sources.get(kind);
    if (!def) {
      reportUnknownKind('source', kind, knownSources, ['sources', i, 'kind'], ctx);
      continue;
    }
    if (configOf(src)) validateTarget({ schema: def.configSchema, base: ['sources', i, 'config'], read: () => configOf(src) }, data, ctx);
    for (const [tag, j] of entries(src, 'tags')) {
      const target = { schema: def.tagSchema, base: ['sources', i, 'tags', j], read: () => withoutCommonKeys(tag), extraKeys: TAG_COMMON_KEYS };
      validateTarget(target, data, ctx);
    }
  }
  const knownSinks = [...kinds.sinks.keys()];
  for (const [sink, i] of entries(data, 'sinks')) {
    const kind = str(sink.kind);
    if (kind === undefined) continue;
    const def = kinds.sinks.get(kind);
    if (!def) reportUnknownKind('sink', kind, knownSinks, ['sinks', i, 'kind'], ctx);
    else if (configOf(sink)) validateTarget({ schema: def.configSchema, base: ['sinks', i, 'config'], read: () => configOf(sink) }, data, ctx);
  }
}
