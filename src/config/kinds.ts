import type { TSchema } from 'typebox';
import type { LinkSecurityOf } from '../core/zones.js';

/** The schemas of the source and sink kinds this build knows, by kind name; config/ imports no connector. */
export interface KindSchemas {
  sources: ReadonlyMap<string, { configSchema: TSchema; tagSchema: TSchema; dynamicTags?: boolean; linkSecurity?: LinkSecurityOf }>;
  sinks: ReadonlyMap<string, { configSchema: TSchema; linkSecurity?: LinkSecurityOf }>;
}

/** Kind schemas from registry definitions (objects with `kind` and their schemas). */
export function kindSchemasOf(
  sources: Iterable<{ kind: string; configSchema: TSchema; tagSchema: TSchema; dynamicTags?: boolean; linkSecurity?: LinkSecurityOf }>,
  sinks: Iterable<{ kind: string; configSchema: TSchema; linkSecurity?: LinkSecurityOf }>,
): KindSchemas {
  return {
    sources: new Map([...sources].map((d) => [d.kind, { configSchema: d.configSchema, tagSchema: d.tagSchema, ...(d.dynamicTags ? { dynamicTags: true } : {}), ...(d.linkSecurity ? { linkSecurity: d.linkSecurity } : {}) }])),
    sinks: new Map([...sinks].map((d) => [d.kind, { configSchema: d.configSchema, ...(d.linkSecurity ? { linkSecurity: d.linkSecurity } : {}) }])),
  };
}
