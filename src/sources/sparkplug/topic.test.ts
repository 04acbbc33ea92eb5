import { describe, expect, it } from 'vitest';
import { isSparkplugId, messageTopic, parseStatePayload, parseTopic, stateTopic, statePayload, subscriptionTopics } from './topic.js';

describe('parseTopic', () => {
  it.each([
    ['spBv1.0/Plant1/NBIRTH/Edge1', { kind: 'node', group: 'Plant1', type: 'NBIRTH', node: 'Edge1' }],
    ['spBv1.0/Plant1/NDATA/Edge1', { kind: 'node', group: 'Plant1', type: 'NDATA', node: 'Edge1' }],
    ['spBv1.0/Plant1/NDEATH/Edge1', { kind: 'node', group: 'Plant1', type: 'NDEATH', node: 'Edge1' }],
    ['spBv1.0/Plant1/NCMD/Edge1', { kind: 'node', group: 'Plant1', type: 'NCMD', node: 'Edge1' }],
    ['spBv1.0/Plant1/DBIRTH/Edge1/Filler', { kind: 'device', group: 'Plant1', type: 'DBIRTH', node: 'Edge1', device: 'Filler' }],
    ['spBv1.0/Plant1/DDATA/Edge1/Filler', { kind: 'device', group: 'Plant1', type: 'DDATA', node: 'Edge1', device: 'Filler' }],
    ['spBv1.0/Plant1/DDEATH/Edge1/Filler', { kind: 'device', group: 'Plant1', type: 'DDEATH', node: 'Edge1', device: 'Filler' }],
    ['spBv1.0/Plant1/DCMD/Edge1/Filler', { kind: 'device', group: 'Plant1', type: 'DCMD', node: 'Edge1', device: 'Filler' }],
    ['spBv1.0/Line 1/NDATA/edge.node-7', { kind: 'node', group: 'Line 1', type: 'NDATA', node: 'edge.node-7' }],
    ['spBv1.0/STATE/scada-host', { kind: 'state', hostId: 'scada-host' }],
  ])('%s', (topic, expected) => {
    expect(parseTopic(topic)).toEqual(expected);
  });

  it.each([
    ['another namespace', 'spAv1.0/Plant1/NBIRTH/Edge1'],
    ['a plain MQTT topic', 'factory/line1/speed'],
    ['a node message with a device', 'spBv1.0/Plant1/NDATA/Edge1/Filler'],
    ['a device message without a device', 'spBv1.0/Plant1/DDATA/Edge1'],
    ['an unknown message type', 'spBv1.0/Plant1/NSTATUS/Edge1'],
    ['too many levels', 'spBv1.0/Plant1/DDATA/Edge1/Filler/extra'],
    ['an empty level', 'spBv1.0//NDATA/Edge1'],
    ['a Sparkplug 2.2 STATE topic', 'STATE/scada-host'],
    ['a STATE topic with extra levels', 'spBv1.0/STATE/scada/host'],
    ['just the namespace', 'spBv1.0'],
  ])('rejects %s', (_what, topic) => {
    expect(parseTopic(topic)).toBeUndefined();
  });
});

describe('topics a host builds', () => {
  it.each([
    [['NCMD', 'Edge1', undefined], 'spBv1.0/G/NCMD/Edge1'],
    [['DCMD', 'Edge1', 'Filler'], 'spBv1.0/G/DCMD/Edge1/Filler'],
  ] as const)('messageTopic %j', ([type, node, device], expected) => {
    expect(messageTopic('G', type, node, device)).toBe(expected);
  });

  it.each([
    [['*'], ['spBv1.0/#']],
    [['A', '*'], ['spBv1.0/#']],
    [['A', 'B', 'A'], ['spBv1.0/A/#', 'spBv1.0/B/#', 'spBv1.0/STATE/hub']],
  ])('subscriptionTopics %j', (groups, expected) => {
    expect(subscriptionTopics(groups, 'hub')).toEqual(expected);
  });

  it('names the STATE topic of a host (Sparkplug 3.0)', () => {
    expect(stateTopic('hub')).toBe('spBv1.0/STATE/hub');
  });

  it.each([
    ['hub-1', true],
    ['with space.and-dots', true],
    ['', false],
    ['a/b', false],
    ['a+', false],
    ['#', false],
  ])('isSparkplugId(%j) is %s', (id, ok) => {
    expect(isSparkplugId(id)).toBe(ok);
  });
});

describe('STATE payload', () => {
  it('round-trips the Sparkplug 3.0 JSON', () => {
    const text = statePayload(true, 1700000000000);
    expect(JSON.parse(text)).toEqual({ online: true, timestamp: 1700000000000 });
    expect(parseStatePayload(Buffer.from(text))).toEqual({ online: true, timestamp: 1700000000000 });
  });

  it.each([['OFFLINE'], ['{"online":"yes"}'], ['']])('ignores %j (Sparkplug 2.2 text or junk)', (text) => {
    expect(parseStatePayload(Buffer.from(text))).toBeUndefined();
  });
});
