/** sample.yaml passes the hub's config check and, pointed at a real node-opcua server, reads every tag. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kindSchemasOf, loadConfigText } from '../../config/index.js';
import { freePort } from '../../test-support/services.js';
import { connected, hubCertificate, recorder, trustServer, until } from './__fixtures__/harness.js';
import { startTestServer, type TestServer } from './__fixtures__/server.mjs';
import { opcuaSource, type OpcuaConfig } from './index.js';

const HEADER = `site: { enterprise: Acme Beverages, name: Springfield, hubZone: site-ops }
zones:
  - { id: site-ops, level: 3 }
  - { id: cell-packaging, level: 1 }
conduits:
  - { from: cell-packaging, to: site-ops, allow: [telemetry] }
`;

let root: string | undefined;
let server: TestServer | undefined;
afterAll(async () => {
  await server?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('sample.yaml', () => {
  it('passes the hub config check and reads every tag from a real server', async () => {
    const text = HEADER + (await readFile(new URL('./sample.yaml', import.meta.url), 'utf8'));
    const { config, problems } = loadConfigText(text, 'sample.yaml', { kinds: kindSchemasOf([opcuaSource], []), env: { OPCUA_PASSWORD: 'bottles' } });
    expect(problems).toEqual([]);
    const sample = config!.sources![0]!;
    expect((sample.config as OpcuaConfig).auth).toEqual({ type: 'username', username: 'causeway', password: 'bottles' });

    root = await mkdtemp(join(tmpdir(), 'causeway-opcua-sample-'));
    const pkiDir = join(root, 'data/pki/opcua');
    server = await startTestServer({ port: await freePort(), pkiDir: join(root, 'server-pki'), trust: [await hubCertificate(pkiDir)], users: { causeway: 'bottles' } });
    await trustServer(pkiDir, server.certificate);
    const rec = recorder(sample.id, sample.tags, join(root, 'data'));
    const source = await connected({ ...(sample.config as OpcuaConfig), endpointUrl: server.url }, rec);
    try {
      await until(() => sample.tags.every((t) => rec.last(t.id) !== undefined));
      expect(sample.tags.map((t) => rec.last(t.id)!.quality)).toEqual(sample.tags.map(() => 'good'));
      expect(rec.last('total')!.value).toBe(42);
    } finally {
      await source.close();
    }
  });
});
