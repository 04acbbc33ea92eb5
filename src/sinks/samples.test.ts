/** Every sink kind's sample.yaml passes the hub's config check and builds a sink. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kindSchemasOf, loadConfigText } from '../config/index.js';
import { sinkDefinitions } from './index.js';
import { testSinkContext } from './shared/test-kit.js';

const HEADER = `site: { enterprise: Acme Beverages, name: Springfield, hubZone: site-ops }
zones:
  - { id: site-ops, level: 3 }
  - { id: enterprise-it, level: 4 }
conduits:
  - { from: site-ops, to: enterprise-it, allow: [telemetry] }
`;
const ENV = { UNS_BROKER_PASSWORD: 'pw', NATS_PASSWORD: 'pw', MES_WEBHOOK_SECRET: 'a-long-enough-secret', MES_API_TOKEN: 'tok' };

describe.each(sinkDefinitions.map((d) => [d.kind, d] as const))('%s sample.yaml', (kind, def) => {
  const text = HEADER + readFileSync(new URL(`./${kind}/sample.yaml`, import.meta.url), 'utf8');
  const { config, problems } = loadConfigText(text, `${kind}/sample.yaml`, { kinds: kindSchemasOf([], sinkDefinitions), env: ENV });

  it('passes the hub config check', () => {
    expect(problems).toEqual([]);
    expect(config!.sinks!.map((s) => s.kind)).toEqual([kind]);
  });

  it('builds a sink from it', async () => {
    const sink = (await def.load()).create(config!.sinks![0]!.config ?? {}, testSinkContext({ id: config!.sinks![0]!.id }).ctx);
    expect(typeof sink.send).toBe('function');
    await sink.close();
  });
});

describe('the sink registry', () => {
  it('lists mqtt, nats and webhook once each, each with a closed config schema', () => {
    expect(sinkDefinitions.map((d) => d.kind)).toEqual(['mqtt', 'nats', 'webhook']);
    for (const d of sinkDefinitions) expect((d.configSchema as { additionalProperties?: unknown }).additionalProperties).toBe(false);
  });
});
