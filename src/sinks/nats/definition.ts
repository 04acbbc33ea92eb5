/** The `nats` sink kind as the registry and `causeway check` see it; the nats client library is loaded with index.ts only. */
import type { LinkSecurity } from '../../core/zones.js';
import type { SinkDefinition } from '../types.js';
import { NatsSinkConfigSchema, type NatsSinkConfig } from './schema.js';

/** Encrypted when every server is a tls:// URL (the client then requires TLS of each). */
export function natsLinkSecurity(servers: unknown): LinkSecurity {
  const list = typeof servers === 'string' ? [servers] : Array.isArray(servers) ? servers.filter((s): s is string => typeof s === 'string') : [];
  const encrypted = list.length > 0 && list.every((s) => /^tls:\/\//i.test(s));
  return { encrypted, how: encrypted ? 'every NATS server is a tls:// URL' : 'its NATS servers are not all tls:// URLs' };
}

/** The NATS JetStream sink kind. */
export const natsSinkDefinition: SinkDefinition<NatsSinkConfig> = {
  kind: 'nats',
  linkSecurity: (c) => natsLinkSecurity(c.servers),
  description: 'Publishes every value to a NATS JetStream stream, one message per value, deduplicated by <path>:<timestamp>.',
  configSchema: NatsSinkConfigSchema,
  load: async () => (await import('./index.js')).natsSink,
};
