/** The JSON Schema of the hub config, per kind, so editors (yaml-language-server) complete and check it. */
import { HubConfigSchema, SinkSchema, SourceSchema, TagCommonSchema } from './schema.js';
import type { KindSchemas } from './kinds.js';

type JsonObject = Record<string, unknown>;

/** Draft-07: the draft yaml-language-server and most editors support fully. */
export const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function strip(v: unknown, keepId: boolean): unknown {
  if (Array.isArray(v)) return v.map((x) => strip(x, false));
  if (!isObject(v)) return v;
  // TypeBox-internal keys start with "~"; a nested $id would make editors resolve it as a separate document.
  const kept = Object.entries(v).filter(([k]) => !k.startsWith('~') && (keepId || k !== '$id'));
  return Object.fromEntries(kept.map(([k, x]) => [k, strip(x, false)]));
}

/** A plain-JSON deep copy of a schema: no symbols, functions or TypeBox-internal keys. */
function plain(schema: unknown, keepId = false): JsonObject {
  return strip(JSON.parse(JSON.stringify(schema)) as unknown, keepId) as JsonObject;
}

function requiredOf(schema: JsonObject): string[] {
  return Array.isArray(schema.required) ? schema.required.map(String) : [];
}

/** A tag of one kind: the common keys and the kind's own keys in one object, when the kind's schema is a plain object. */
function tagItems(tagSchema: unknown): JsonObject {
  const common = plain(TagCommonSchema);
  const own = plain(tagSchema);
  const simple = own.type === 'object' && isObject(own.properties) && !('anyOf' in own || 'oneOf' in own || 'allOf' in own || '$ref' in own);
  if (!simple) return common; // completion for the common keys; the loader still checks the kind's keys
  return {
    ...common,
    properties: { ...(common.properties as JsonObject), ...(own.properties as JsonObject) },
    required: [...new Set([...requiredOf(common), ...requiredOf(own)])],
    additionalProperties: own.additionalProperties ?? true,
  };
}

function withKindConfig(entry: JsonObject, kind: string, configSchema: unknown, what: string): JsonObject {
  const config = plain(configSchema);
  const props = { ...(entry.properties as JsonObject), kind: { type: 'string', const: kind, description: `The ${what} kind.` }, config };
  const required = requiredOf(config).length > 0 ? [...new Set([...requiredOf(entry), 'config'])] : requiredOf(entry);
  return { title: `${kind} ${what}`, ...entry, properties: props, required };
}

/** The JSON Schema of the whole config; sources and sinks are an anyOf per kind with `kind` as a const. */
export function buildJsonSchema(kinds: KindSchemas): JsonObject {
  const base = plain(HubConfigSchema, true);
  const props = base.properties as Record<string, JsonObject>;
  if (kinds.sources.size > 0) {
    const variants = [...kinds.sources].map(([kind, d]) => {
      const entry = withKindConfig(plain(SourceSchema), kind, d.configSchema, 'source');
      const entryProps = entry.properties as Record<string, JsonObject>;
      entryProps.tags = { ...entryProps.tags, items: tagItems(d.tagSchema) };
      // A self-describing kind (dynamicTags) may leave tags: out.
      return d.dynamicTags ? { ...entry, required: requiredOf(entry).filter((k) => k !== 'tags') } : entry;
    });
    props.sources = { ...props.sources, items: { anyOf: variants } };
  }
  if (kinds.sinks.size > 0) {
    const variants = [...kinds.sinks].map(([kind, d]) => withKindConfig(plain(SinkSchema), kind, d.configSchema, 'sink'));
    props.sinks = { ...props.sinks, items: { anyOf: variants } };
  }
  return { $schema: JSON_SCHEMA_DRAFT, ...base, title: typeof base.title === 'string' ? base.title : 'Causeway hub configuration' };
}
