/** sample.yaml passes the hub's config check and, pointed at Mosquitto, renames the metrics it lists. */
import { readFile } from 'node:fs/promises';
import { afterEach, expect, it } from 'vitest';
import { kindSchemasOf, loadConfigText } from '../../config/index.js';
import { describeWithService } from '../../test-support/services.js';
import { SparkplugEdgeNode } from './edge-node.js';
import { sparkplugSource, type SparkplugConfig } from './index.js';
import { stateTopic } from './topic.js';
import { BROKER, clearRetained, Collector, testContext, uniqueId, until } from './test-kit.js';

const HEADER = `site: { enterprise: Acme Beverages, name: Springfield, hubZone: site-ops }
zones:
  - { id: site-ops, level: 3 }
  - { id: cell-packaging, level: 1 }
conduits:
  - { from: cell-packaging, to: site-ops, allow: [telemetry] }
  - { from: site-ops, to: cell-packaging, allow: [commands] }
`;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function loadSample() {
  const text = HEADER + (await readFile(new URL('./sample.yaml', import.meta.url), 'utf8'));
  return loadConfigText(text, 'sample.yaml', { kinds: kindSchemasOf([sparkplugSource], []), env: { SPARKPLUG_PASSWORD: 'secret' } });
}

await describeWithService('mosquitto', 'sparkplug sample.yaml', () => {
  it('passes the hub config check', async () => {
    const { problems } = await loadSample();
    expect(problems).toEqual([]);
  });

  it('renames the listed metrics and names the others by their path', async () => {
    const { config } = await loadSample();
    const src = config!.sources![0]!;
    const sample = src.config as SparkplugConfig;
    const group = uniqueId('sample');
    const hostId = uniqueId('host');
    // The sample's tags, moved to this run's group so retained messages of other runs stay out.
    const tags = src.tags.map((t) => ({ ...t, metric: String((t as { metric?: unknown }).metric).replace('Springfield-Packaging', group) }));
    const t = testContext({ id: src.id, zone: src.zone, commandsAllowed: true, tags });
    const { username: _u, password: _p, clientId: _c, ...rest } = sample;
    const source = sparkplugSource.create({ ...rest, url: BROKER, hostId, groups: [group] }, t.ctx);
    cleanups.push(() => clearRetained(stateTopic(hostId)));
    cleanups.push(() => source.close());
    const collector = new Collector();
    await source.connect(new AbortController().signal);
    source.subscribe!(collector.onBatch);
    const edge = new SparkplugEdgeNode({
      url: BROKER, groupId: group, edgeNodeId: 'Line1 Edge', metrics: [],
      devices: [{ id: 'Filler', metrics: [
        { name: 'Motor/Speed RPM', datatype: 'Float', alias: 1, value: 600 },
        { name: 'Bowl Level %', datatype: 'Float', alias: 2, value: 71.5 },
        { name: 'Valve Open', datatype: 'Boolean', alias: 3, value: false },
      ] }],
    });
    cleanups.push(() => edge.close());
    await edge.connect();
    await until(() => collector.samples.length >= 3);
    expect(collector.samples.map((s) => [s.path, s.value])).toEqual([
      ['line1-spb/filler_speed', 600],
      ['line1-spb/filler_level', 71.5],
      [`line1-spb/${group}/Line1_Edge/Filler/Valve_Open`, false],
    ]);
  });
});
