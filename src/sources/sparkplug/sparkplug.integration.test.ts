/** Births, aliases, gaps, rebirths and deaths between the host and a real edge node, over Mosquitto. */
import { afterEach, expect, it } from 'vitest';
import { describeWithService } from '../../test-support/services.js';
import type { Source } from '../types.js';
import { SparkplugEdgeNode, type EdgeNodeOptions } from './edge-node.js';
import { sparkplugSource } from './index.js';
import { BROKER, Collector, testContext, uniqueId, until, watch } from './test-kit.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

/** An edge node with node metrics of several datatypes and one device. */
function edgeOptions(group: string, extra: Partial<EdgeNodeOptions> = {}): EdgeNodeOptions {
  return {
    url: BROKER, groupId: group, edgeNodeId: 'Edge 1',
    metrics: [
      { name: 'Motor/Speed RPM', datatype: 'Double', alias: 1, value: 1450.5 },
      { name: 'Count', datatype: 'Int64', alias: 2, value: -7 },
      { name: 'Total', datatype: 'UInt64', alias: 3, value: 2n ** 60n },
      { name: 'Running', datatype: 'Boolean', alias: 4, value: true },
      { name: 'State', datatype: 'String', alias: 5, value: 'RUN' },
      { name: 'Started', datatype: 'DateTime', alias: 6, value: 1700000000000 },
    ],
    devices: [{ id: 'Filler', metrics: [{ name: 'Level %', datatype: 'Float', alias: 10, value: 55.5 }, { name: 'Bottles', datatype: 'UInt32', alias: 11, value: 4000000000 }] }],
    ...extra,
  };
}

async function startHost(group: string, commandsAllowed: boolean, tags = [] as Array<{ id: string; metric: string }>) {
  const t = testContext({ commandsAllowed, tags });
  const source: Source = sparkplugSource.create({ url: BROKER, hostId: uniqueId('host'), groups: [group] }, t.ctx);
  const collector = new Collector();
  await source.connect(new AbortController().signal);
  source.subscribe!(collector.onBatch);
  cleanups.push(() => source.close());
  return { ...t, source, collector };
}

async function startEdge(opts: EdgeNodeOptions): Promise<SparkplugEdgeNode> {
  const edge = new SparkplugEdgeNode(opts);
  await edge.connect();
  cleanups.push(() => edge.close());
  return edge;
}

const counters = (source: Source) => source.inspect!() as Record<string, number>;

await describeWithService('mosquitto', 'Sparkplug B host against an edge node', () => {
  it('turns births into good samples with sanitized paths, types and values, and renames listed metrics', async () => {
    const group = uniqueId('births');
    const { collector } = await startHost(group, false, [{ id: 'filler_level', metric: `${group}/Edge 1/Filler/Level %` }]);
    await startEdge(edgeOptions(group));
    await until(() => collector.samples.length >= 8);
    const base = `spb/${group}/Edge_1`;
    const values = Object.fromEntries(collector.samples.map((s) => [s.path, s.value]));
    expect(values).toEqual({
      [`${base}/Motor/Speed_RPM`]: 1450.5,
      [`${base}/Count`]: -7,
      [`${base}/Total`]: '1152921504606846976',
      [`${base}/Running`]: true,
      [`${base}/State`]: 'RUN',
      [`${base}/Started`]: 1700000000000,
      'spb/filler_level': 55.5,
      [`${base}/Filler/Bottles`]: 4000000000,
    });
    expect(collector.samples.every((s) => s.quality === 'good')).toBe(true);
  });

  it('resolves DATA that carries aliases only', async () => {
    const group = uniqueId('alias');
    const { collector, source } = await startHost(group, false);
    const edge = await startEdge(edgeOptions(group));
    await until(() => collector.samples.length >= 8);
    await edge.publishData({ 'Motor/Speed RPM': 1500, Count: -8 });
    await edge.publishData({ 'Level %': 60.25 }, 'Filler');
    const level = await collector.waitFor((s) => s.path === `spb/${group}/Edge_1/Filler/Level` && s.value === 60.25);
    expect(level.quality).toBe('good');
    expect(collector.last(`spb/${group}/Edge_1/Motor/Speed_RPM`)).toMatchObject({ value: 1500, quality: 'good' });
    expect(collector.last(`spb/${group}/Edge_1/Count`)).toMatchObject({ value: -8, quality: 'good' });
    expect(counters(source)).toMatchObject({ gaps: 0, unknownAliases: 0 });
  });

  it('asks for a rebirth after a sequence gap when commands may flow, and new births follow', async () => {
    const group = uniqueId('rebirth');
    const ncmd = await watch(`spBv1.0/${group}/NCMD/#`);
    cleanups.push(() => ncmd.close());
    const { collector, source, logs, lines } = await startHost(group, true);
    const edge = await startEdge(edgeOptions(group));
    await until(() => collector.samples.length >= 8);
    edge.skipSeq();
    const mark = collector.samples.length;
    await edge.publishData({ 'Motor/Speed RPM': 1600 });
    await until(() => edge.rebirthRequests === 1);
    expect(ncmd.messages.map((m) => m.topic)).toEqual([`spBv1.0/${group}/NCMD/Edge 1`]);
    // The births that answer the request bring every value back as good.
    await collector.waitFor((s) => s.path === `spb/${group}/Edge_1/Filler/Bottles`, mark);
    expect(collector.last(`spb/${group}/Edge_1/Motor/Speed_RPM`)).toMatchObject({ value: 1600, quality: 'good' });
    // The hub hears its own request on the NCMD topic it subscribes to: not a command it ignored
    // (it came back before the births it asked for, so it has been seen by now).
    expect(counters(source)).toMatchObject({ gaps: 1, rebirthRequests: 1, ignoredCommands: 0 });
    expect(logs.some((l) => l.code === 'CW_SOURCE_SPARKPLUG_REBIRTH')).toBe(true);
    // Strict JSON shippers refuse a key written twice: the hub's child logger names the source once.
    expect(lines.filter((l) => l.split('"source":').length > 2)).toEqual([]);
  });

  it('sends nothing after a gap when no conduit allows commands, and marks data uncertain until the next birth', async () => {
    const group = uniqueId('nocmd');
    const ncmd = await watch(`spBv1.0/${group}/NCMD/#`);
    cleanups.push(() => ncmd.close());
    const { collector, source, logs } = await startHost(group, false);
    const edge = await startEdge(edgeOptions(group));
    await until(() => collector.samples.length >= 8);
    edge.skipSeq();
    await edge.publishData({ 'Motor/Speed RPM': 1600 });
    await collector.waitFor((s) => s.value === 1600 && s.quality === 'uncertain');
    await edge.publishData({ 'Motor/Speed RPM': 1601 });
    await collector.waitFor((s) => s.value === 1601 && s.quality === 'uncertain');
    await new Promise((r) => setTimeout(r, 300)); // settle: an NCMD, had one been sent, would have arrived
    expect(ncmd.messages).toEqual([]);
    expect(counters(source)).toMatchObject({ gaps: 1, rebirthRequests: 0 });
    const warned = logs.filter((l) => l.code === 'CW_SOURCE_SPARKPLUG_UNCERTAIN');
    expect(warned).toHaveLength(1);
    expect(warned[0]!.msg).toContain('a conduit that allows commands into zone cell-zone would let the hub ask it for a rebirth');
    await edge.publishBirths();
    await edge.publishData({ 'Motor/Speed RPM': 1602 });
    expect(await collector.waitFor((s) => s.value === 1602)).toMatchObject({ quality: 'good' });
  });

  it('marks the last values of a killed edge node bad when the broker publishes its NDEATH', async () => {
    const group = uniqueId('death');
    const { collector, logs } = await startHost(group, false);
    const edge = await startEdge(edgeOptions(group));
    await until(() => collector.samples.length >= 8);
    await edge.publishData({ 'Motor/Speed RPM': 1700 });
    await collector.waitFor((s) => s.value === 1700);
    const mark = collector.samples.length;
    edge.kill();
    await until(() => collector.samples.slice(mark).length >= 8);
    const bad = collector.samples.slice(mark);
    expect(bad.every((s) => s.quality === 'bad')).toBe(true);
    expect(bad.find((s) => s.path === `spb/${group}/Edge_1/Motor/Speed_RPM`)?.value).toBe(1700);
    expect(bad.find((s) => s.path === `spb/${group}/Edge_1/Filler/Level`)?.value).toBe(55.5);
    expect(logs.find((l) => l.code === 'CW_SOURCE_SPARKPLUG_NODE_OFFLINE')?.msg).toContain(`${group}/Edge 1`);
  });

  it('ignores a stale NDEATH from an older session of the node', async () => {
    const group = uniqueId('stale');
    const { collector, source } = await startHost(group, false);
    const old = await startEdge(edgeOptions(group, { clientId: uniqueId('old'), bdSeq: 3 }));
    await until(() => collector.samples.length >= 8);
    // The node restarted on another connection (bdSeq 4) before the broker noticed the old one died.
    const restarted = await startEdge(edgeOptions(group, { clientId: uniqueId('new'), bdSeq: 4 }));
    await until(() => collector.samples.length >= 16);
    old.kill();
    await until(() => counters(source).staleDeaths === 1);
    expect(collector.samples.some((s) => s.quality === 'bad')).toBe(false);
    restarted.kill();
    await collector.waitFor((s) => s.quality === 'bad');
    expect(counters(source)).toMatchObject({ staleDeaths: 1, deaths: 1 });
  });
});
