/**
 * Against a real node-opcua server, over SignAndEncrypt/Basic256Sha256 (the default): values arrive
 * with quality, status code and timestamps; server-side deadbands; writes; build info. The server
 * allows 3 monitored items per call and the source 4 items per subscription, so subscriptions are
 * split and calls chunked.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataChangeFilter, DeadbandType, StatusCodes } from 'node-opcua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TagConfig } from '../../config/schema.js';
import { isCausewayError } from '../../core/errors.js';
import { freePort } from '../../test-support/services.js';
import type { Source } from '../types.js';
import { hubCertificate, connected, recorder, trustServer, until, type Recorder } from './__fixtures__/harness.js';
import { startTestServer, type TestServer } from './__fixtures__/server.mjs';

const TAGS = [
  { id: 'speed', nodeId: 'ns=1;s=Line1.Speed' },
  { id: 'counter', nodeId: 'ns=1;s=Line1.Counter', samplingInterval: 50 },
  { id: 'running', nodeId: 'ns=1;s=Line1.Running' },
  { id: 'name', nodeId: 'ns=1;s=Line1.Name' },
  { id: 'total', nodeId: 'ns=1;s=Line1.Total' },
  { id: 'sensor', nodeId: 'ns=1;s=Line1.Sensor' },
  { id: 'level', nodeId: 'ns=1;s=Line1.Level', samplingInterval: 50, serverDeadband: { type: 'percent', value: 10 } },
  { id: 'setpoint', nodeId: 'ns=1;s=Line1.Setpoint' },
  { id: 'mode', nodeId: 'ns=1;s=Line1.Mode' },
  { id: 'locked', nodeId: 'ns=1;s=Line1.Locked' },
  { id: 'missing', nodeId: 'ns=1;s=Line1.DoesNotExist' },
] as unknown as TagConfig[];
const ACCEPTED = TAGS.length - 1;

let root: string;
let server: TestServer;
let source: Source;
let rec: Recorder;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'causeway-opcua-sub-'));
  const dataDir = join(root, 'data');
  const hubPki = join(dataDir, 'pki/opcua');
  server = await startTestServer({ port: await freePort(), pkiDir: join(root, 'server-pki'), trust: [await hubCertificate(hubPki)], maxMonitoredItemsPerCall: 3 });
  await trustServer(hubPki, server.certificate);
  server.set('Speed', 'Double', 12.5, StatusCodes.Good);
  rec = recorder('plc1', TAGS, dataDir);
  source = await connected({ endpointUrl: server.url, publishingInterval: 100, maxItemsPerSubscription: 4 }, rec);
});

afterAll(async () => {
  await source?.close();
  await server?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('OPC UA subscriptions against a real server', () => {
  it('delivers every tag in batches, with quality, status code and the source timestamp', async () => {
    await until(() => TAGS.every((t) => rec.last(t.id) !== undefined));
    expect(rec.batches.some((b) => b.length > 1)).toBe(true);
    expect(rec.last('speed')).toMatchObject({ path: 'plc1/speed', value: 12.5, quality: 'good', statusCode: 0 });
    expect(rec.last('running')).toMatchObject({ value: true, quality: 'good' });
    expect(rec.last('name')).toMatchObject({ value: 'Filler 1', quality: 'good' });
    expect(rec.last('total')).toMatchObject({ value: 42, quality: 'good' });
  });

  it('stamps samples with the source timestamp, or the server\'s when configured', async () => {
    const other = recorder('plc2', [{ id: 'speed', nodeId: 'ns=1;s=Line1.Speed' }] as unknown as TagConfig[], rec.ctx.dataDir);
    const byServer = await connected({ endpointUrl: server.url, publishingInterval: 100, timestamps: 'server' }, other);
    try {
      const stamped = new Date('2026-11-23T06:00:00.000Z');
      await server.stamp('Speed', 'Double', 13.5, stamped);
      await until(() => rec.last('speed')?.value === 13.5 && other.last('speed')?.value === 13.5);
      expect(rec.last('speed')!.ts).toBe(stamped.getTime());
      expect(other.last('speed')!.ts).toBeGreaterThan(stamped.getTime());
    } finally {
      await byServer.close();
    }
  });

  it('turns a Bad status into quality bad and keeps the code', async () => {
    expect(rec.last('sensor')).toMatchObject({ quality: 'bad', statusCode: StatusCodes.BadSensorFailure.value });
    server.set('Sensor', 'Double', 3.2, StatusCodes.UncertainLastUsableValue);
    await until(() => rec.last('sensor')?.quality === 'uncertain');
    expect(rec.last('sensor')).toMatchObject({ value: 3.2, statusCode: StatusCodes.UncertainLastUsableValue.value });
  });

  it('reports a node the server refuses as bad, names it in the log, and monitors the rest', async () => {
    expect(rec.last('missing')).toMatchObject({ quality: 'bad', statusCode: StatusCodes.BadNodeIdUnknown.value });
    const warning = rec.logs.find((l) => l.msg.includes('refused'));
    expect(warning?.msg).toContain('missing (ns=1;s=Line1.DoesNotExist: BadNodeIdUnknown)');
    expect(server.monitoredItemCount()).toBe(ACCEPTED);
    const subscriptions = server.server.engine.getSessions().flatMap((s) => s.publishEngine.subscriptions);
    expect(subscriptions.length).toBe(Math.ceil(TAGS.length / 4));
  });

  it('has the server apply the percent deadband: a 5 % move is not sent, a 20 % move is', async () => {
    const level = server.monitoredItems().find((m) => m.nodeId === 'ns=1;s=Line1.Level');
    expect(level?.filter).toBeInstanceOf(DataChangeFilter);
    expect(level!.filter).toMatchObject({ deadbandType: DeadbandType.Percent, deadbandValue: 10 });
    await until(() => rec.last('level')?.value === 40);
    server.set('Level', 'Double', 45);
    // Several counter samples later the server has sampled and published Level more than once.
    const counterNow = Number(rec.last('counter')?.value ?? 0);
    await until(() => Number(rec.last('counter')?.value ?? 0) >= counterNow + 5);
    expect(rec.samples().filter((s) => s.path === 'plc1/level').map((s) => s.value)).not.toContain(45);
    server.set('Level', 'Double', 60);
    await until(() => rec.last('level')?.value === 60);
  });

  it('writes with the node\'s data type and refuses what does not fit', async () => {
    await source.write!('setpoint', 61.5);
    expect(server.get('Setpoint')).toBe(61.5);
    await until(() => rec.last('setpoint')?.value === 61.5);
    await source.write!('mode', '3');
    expect(server.get('Mode')).toBe(3);
    const tooBig = await source.write!('mode', 300).catch((e: unknown) => e);
    expect(isCausewayError(tooBig, 'CW_SOURCE_WRITE_FAILED')).toBe(true);
    expect((tooBig as Error).message).toContain('300 is outside the range of Byte (0 to 255)');
    const locked = await source.write!('locked', 1).catch((e: unknown) => e);
    expect(isCausewayError(locked, 'CW_SOURCE_WRITE_FAILED')).toBe(true);
    expect((locked as Error).message).toMatch(/the server answered Bad(NotWritable|UserAccessDenied)/);
    const unknown = await source.write!('nope', 1).catch((e: unknown) => e);
    expect((unknown as Error).message).toContain('the source has no such tag');
  });

  it('discovers vendor, product and version from the server\'s BuildInfo', async () => {
    expect(await source.discover!()).toMatchObject({ manufacturer: 'Acme Automation', product: 'Test PLC Server', softwareVersion: '4.2.1', buildNumber: '1742' });
  });

  it('browses a folder one level at a time', async () => {
    const top = await source.browse!();
    expect(top.nodes.find((n) => n.name === 'Line1')).toMatchObject({ address: 'ns=1;s=Line1', hasChildren: true, type: 'Object' });
    const line = await source.browse!('ns=1;s=Line1');
    expect(line.nodes.map((n) => n.name)).toEqual(expect.arrayContaining(['Speed', 'Counter', 'Level']));
    expect(line.nodes.find((n) => n.name === 'Speed')).toMatchObject({ address: 'ns=1;s=Line1.Speed', hasChildren: false, type: 'Variable' });
    expect(line.cursor).toBeUndefined();
    const bad = await source.browse!('not a node').catch((e: unknown) => e);
    expect(isCausewayError(bad, 'CW_SOURCE_BROWSE_FAILED')).toBe(true);
  });

  it('removes its monitored items from the server when it closes', async () => {
    await source.close();
    expect(server.monitoredItemCount()).toBe(0);
    expect(rec.errors).toEqual([]);
  });
});
