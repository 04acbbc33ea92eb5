/** The `webhook` sink kind as the registry and `causeway check` see it; the delivery code is loaded with index.ts. */
import { urlLinkSecurity } from '../../core/zones.js';
import type { SinkDefinition } from '../types.js';
import { WebhookSinkConfigSchema, type WebhookSinkConfig } from './schema.js';

/** The webhook sink kind. */
export const webhookSinkDefinition: SinkDefinition<WebhookSinkConfig> = {
  kind: 'webhook',
  linkSecurity: (c) => urlLinkSecurity(c.url, ['https']),
  description: 'POSTs every value as signed JSON to an HTTP endpoint, in requests of at most maxBatch samples.',
  configSchema: WebhookSinkConfigSchema,
  load: async () => (await import('./index.js')).webhookSink,
};
