/**
 * Lazy, paged browsing against a real node-opcua server with a folder of 20,000 variables: every
 * call returns one bounded page and a cursor, and paging completes with every node exactly once.
 * Variables come with their data type, current value and access level.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCausewayError } from '../../core/errors.js';
import { freePort } from '../../test-support/services.js';
import type { Source } from '../types.js';
import { MAX_OPEN_CURSORS } from './browse.js';
import { connected, hubCertificate, recorder, trustServer } from './__fixtures__/harness.js';
import { startTestServer, type TestServer } from './__fixtures__/server.mjs';

const BIG = 20_000;
const PAGE = 1000;
let root: string;
let server: TestServer;
let source: Source;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'causeway-opcua-browse-'));
  const pkiDir = join(root, 'data/pki/opcua');
  server = await startTestServer({ port: await freePort(), pkiDir: join(root, 'server-pki'), trust: [await hubCertificate(pkiDir)], bigFolderSize: BIG });
  await trustServer(pkiDir, server.certificate);
  source = await connected({ endpointUrl: server.url, browsePageSize: PAGE }, recorder('plc1', [], join(root, 'data')));
});

afterAll(async () => {
  await source?.close();
  await server?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('OPC UA browsing against a real server', () => {
  it(`pages through a folder of ${BIG} variables in bounded pages, each node once`, async () => {
    const seen = new Set<string>();
    const sizes: number[] = [];
    let page = await source.browse!('ns=1;s=Big');
    for (;;) {
      sizes.push(page.nodes.length);
      for (const n of page.nodes) seen.add(n.address);
      if (!page.cursor) break;
      page = await source.browse!('ns=1;s=Big', page.cursor);
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PAGE);
    expect(sizes.length).toBe(BIG / PAGE);
    expect(seen.size).toBe(BIG);
    expect(seen.has('ns=1;s=Big.V0') && seen.has(`ns=1;s=Big.V${BIG - 1}`)).toBe(true);
  });

  it('shows each variable with its data type, its value now and what the hub may do with it', async () => {
    const { nodes } = await source.browse!('ns=1;s=Line1');
    const by = new Map(nodes.map((n) => [n.name, n]));
    expect(by.get('Speed')).toMatchObject({ address: 'ns=1;s=Line1.Speed', type: 'Variable', dataType: 'Double', value: 12.5, access: 'read/write' });
    expect(by.get('Running')).toMatchObject({ dataType: 'Boolean', value: true, access: 'read/write' });
    expect(by.get('Name')).toMatchObject({ dataType: 'String', value: 'Filler 1' });
    expect(by.get('Total')).toMatchObject({ dataType: 'Int64', value: 42 });
    expect(by.get('Mode')).toMatchObject({ dataType: 'Byte', value: 1 });
    expect(by.get('Locked')).toMatchObject({ dataType: 'Double', value: 7, access: 'read' });
    // A value the device marks bad comes with its status, not as a good number.
    expect(by.get('Sensor')).toMatchObject({ dataType: 'Double', valueStatus: 'BadSensorFailure' });
    expect(by.get('Sensor')!.value).toBeUndefined();
    // Data types beyond the built-in ones are named from the server's type nodes.
    const server = new Map((await source.browse!('i=2253')).nodes.map((n) => [n.name, n]));
    expect(server.get('ServerStatus')).toMatchObject({ dataType: 'ServerStatusDataType', access: 'read' });
    expect(server.get('NamespaceArray')).toMatchObject({ dataType: 'String', value: expect.stringMatching(/^\["http:\/\/opcfoundation.org\/UA\/"/) });
    // Objects carry none of it.
    expect((await source.browse!()).nodes.find((n) => n.name === 'Line1')).toEqual({ address: 'ns=1;s=Line1', name: 'Line1', hasChildren: true, type: 'Object' });
  });

  it(`keeps ${MAX_OPEN_CURSORS} cursors open and releases older ones on the server`, async () => {
    const cursors: string[] = [];
    for (let i = 0; i <= MAX_OPEN_CURSORS; i++) cursors.push((await source.browse!('ns=1;s=Big')).cursor!);
    const oldest = await source.browse!('ns=1;s=Big', cursors[0]).catch((e: unknown) => e);
    expect(isCausewayError(oldest, 'CW_SOURCE_BROWSE_FAILED')).toBe(true);
    expect((oldest as Error).message).toContain('the cursor is no longer valid');
    const newest = await source.browse!('ns=1;s=Big', cursors.at(-1));
    expect(newest.nodes.length).toBe(PAGE);
    expect(newest.nodes[0]!.address).toBe(`ns=1;s=Big.V${PAGE}`);
  });

  it('refuses a cursor from before a reconnect, and browsing while disconnected', async () => {
    const { cursor } = await source.browse!('ns=1;s=Big');
    await source.close();
    expect(isCausewayError(await source.browse!().catch((e: unknown) => e), 'CW_SOURCE_BROWSE_FAILED')).toBe(true);
    await source.connect(new AbortController().signal);
    expect(isCausewayError(await source.browse!('ns=1;s=Big', cursor).catch((e: unknown) => e), 'CW_SOURCE_BROWSE_FAILED')).toBe(true);
    expect((await source.browse!('ns=1;s=Big')).nodes.length).toBe(PAGE);
  });
});
