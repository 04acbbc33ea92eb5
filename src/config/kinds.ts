import type { TSchema } from 'typebox';

/** The schemas of the source and sink kinds this build knows, by kind name; config/ imports no connector. */
export interface KindSchemas {
  sources: ReadonlyMap<string, { configSchema: TSchema; tagSchema: TSchema }>;
  sinks: ReadonlyMap<string, { configSchema: TSchema }>;
}

/** Kind schemas from registry definitions (objects with `kind` and their schemas). */
export function kindSchemasOf(
  sources: Iterable<{ kind: string; configSchema: TSchema; tagSchema: TSchema }>,
  sinks: Iterable<{ kind: string; configSchema: TSchema }>,
): KindSchemas {
  return {
    sources: new Map([...sources].map((d) => [d.kind, { configSchema: d.configSchema, tagSchema: d.tagSchema }])),
    sinks: new Map([...sinks].map((d) => [d.kind, { configSchema: d.configSchema }])),
  };
}
