import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listCertificates } from '../sources/opcua/pki.js';
import { exchangeOpcuaTrust } from './pki-exchange.js';

const dir = mkdtempSync(join(tmpdir(), 'causeway-demo-pki-'));
const opts = { hubPkiDir: join(dir, 'hub'), serverPkiDir: join(dir, 'server'), serverApplicationUri: 'urn:test:demo-server', serverName: 'Demo Server' };
const byStatus = async (pki: string, status: string) => (await listCertificates(pki)).filter((c) => c.status === status).map((c) => c.thumbprint);

describe('exchangeOpcuaTrust', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes both certificates and puts each in the other side\'s trusted folder', async () => {
    const t = await exchangeOpcuaTrust(opts);
    expect(t.server.subject).toContain('CN=Demo Server');
    expect(await byStatus(opts.hubPkiDir, 'own')).toEqual([t.hub.thumbprint]);
    expect(await byStatus(opts.hubPkiDir, 'trusted')).toEqual([t.server.thumbprint]);
    expect(await byStatus(opts.serverPkiDir, 'trusted')).toEqual([t.hub.thumbprint]);
    expect(await byStatus(opts.hubPkiDir, 'rejected')).toEqual([]);
  });

  it('keeps the certificates when run again (a demo restarted on the same data directory)', async () => {
    const first = (await listCertificates(opts.hubPkiDir)).map((c) => c.thumbprint);
    const again = await exchangeOpcuaTrust(opts);
    expect((await listCertificates(opts.hubPkiDir)).map((c) => c.thumbprint)).toEqual(first);
    expect(await byStatus(opts.serverPkiDir, 'trusted')).toEqual([again.hub.thumbprint]);
  });
});
