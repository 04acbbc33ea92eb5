import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPCUACertificateManager } from 'node-opcua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConfig } from '../config/schema.js';
import { CausewayError } from '../core/errors.js';
import type { AuditEntry } from '../security/index.js';
import { certificateInfo, listCertificates } from '../sources/opcua/pki.js';
import { hubPki, type PkiParts } from './pki.js';
import type { ConnectionStatus } from './status.js';

let root: string;
const made = { own: '', server: '', expired: '' };
const thumb: Record<keyof typeof made, string> = { own: '', server: '', expired: '' };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'causeway-runtime-pki-'));
  const cm = new OPCUACertificateManager({ rootFolder: join(root, 'maker'), automaticallyAcceptUnknownCertificate: false, disableFileWatchers: true });
  await cm.initialize();
  for (const name of ['own', 'server', 'expired'] as const) {
    made[name] = join(root, `${name}.pem`);
    const startDate = name === 'expired' ? new Date(Date.now() - 10 * 86_400_000) : new Date();
    await cm.createSelfSignedCertificate({ applicationUri: `urn:test:${name}`, dns: ['localhost'], subject: `/CN=${name}/O=Test`, startDate, validity: name === 'expired' ? 2 : 365, outputFile: made[name] });
    thumb[name] = certificateInfo(await readFile(made[name])).thumbprint;
  }
  await cm.dispose();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const status = (id: string, over: Partial<ConnectionStatus> = {}): ConnectionStatus => ({ id, role: 'source', kind: 'opcua', zone: 'cell', state: 'connected', since: 0, attempts: 0, overruns: 0, batches: 0, ...over });

/** A data directory whose default PKI holds the hub's own certificate, a rejected server and an expired trusted one. */
async function setup(audit: PkiParts['audit']) {
  const dataDir = await mkdtemp(join(root, 'data-'));
  const pkiDir = join(dataDir, 'pki/opcua');
  await mkdir(join(pkiDir, 'own/certs'), { recursive: true });
  await mkdir(join(pkiDir, 'rejected'), { recursive: true });
  await mkdir(join(pkiDir, 'trusted/certs'), { recursive: true });
  await copyFile(made.own, join(pkiDir, 'own/certs/client_certificate.pem'));
  await copyFile(made.server, join(pkiDir, 'rejected/server.pem'));
  await copyFile(made.expired, join(pkiDir, 'trusted/certs/old.pem'));
  const config = { sources: [{ id: 'plc', kind: 'opcua', zone: 'cell', config: { endpointUrl: 'opc.tcp://plc:4840' } }, { id: 'sim', kind: 'simulator', zone: 'cell' }] } as unknown as HubConfig;
  const untrusted = { code: 'CW_SOURCE_CERT_UNTRUSTED', message: `… (CN=server, thumbprint ${thumb.server}).`, hint: '', at: 0 };
  const retries: string[] = [];
  const sources = new Map([['plc', {
    status: () => status('plc', { state: 'backoff', lastError: untrusted }),
    source: { inspect: () => ({ certificates: { own: thumb.own, server: { thumbprint: thumb.server } } }) },
    reconnectNow: () => void retries.push('plc'),
  }]]);
  return { pkiDir, retries, pki: hubPki({ config, dataDir, sources, audit, now: () => Date.now() }) };
}

describe('the hub PKI view', () => {
  it('lists own, trusted and rejected certificates with the sources that met them, expired ones marked', async () => {
    const { pki } = await setup({ append: () => undefined });
    const certs = await pki.list();
    expect(certs.map((c) => [c.status, c.thumbprint])).toEqual([['own', thumb.own], ['trusted', thumb.expired], ['rejected', thumb.server]]);
    expect(certs[0]).toMatchObject({ sources: ['plc'], metBy: [{ source: 'plc', state: 'backoff', waiting: false }], expired: false });
    expect(certs[1]).toMatchObject({ expired: true, metBy: [] });
    expect(certs[2]).toMatchObject({ sources: ['plc'], metBy: [{ source: 'plc', waiting: true }] });
  });

  it('trusts a certificate by its full thumbprint and records who did', async () => {
    const records: AuditEntry[] = [];
    const { pki, pkiDir, retries } = await setup({ append: (e) => void records.push(e) });
    const c = await pki.decide({ name: 'ed', address: '10.0.0.9' }, thumb.server.toUpperCase(), 'trusted');
    // The source waiting for this decision tries again at once, not when its backoff ends.
    expect(retries).toEqual(['plc']);
    expect(c).toMatchObject({ thumbprint: thumb.server, status: 'trusted' });
    expect((await listCertificates(pkiDir)).find((e) => e.thumbprint === thumb.server)?.status).toBe('trusted');
    expect(records).toEqual([{ actor: 'ed', address: '10.0.0.9', action: 'pki.trust', target: thumb.server, outcome: 'success', detail: expect.objectContaining({ from: 'rejected', sources: ['plc'] }) }]);
  });

  it('puts the certificate back when the audit log cannot record the decision', async () => {
    const { pki, pkiDir, retries } = await setup({
      append: () => {
        throw new CausewayError('CW_AUDIT_WRITE_FAILED', { reason: 'disk full' });
      },
    });
    await expect(pki.decide({ name: 'ed' }, thumb.server, 'trusted')).rejects.toMatchObject({ code: 'CW_AUDIT_WRITE_FAILED' });
    expect(retries).toEqual([]);
    expect((await listCertificates(pkiDir)).find((e) => e.thumbprint === thumb.server)?.status).toBe('rejected');
  });

  it('never moves the hub\'s own certificate, and refuses a thumbprint it does not hold', async () => {
    const { pki } = await setup({ append: () => undefined });
    for (const tp of [thumb.own, '0'.repeat(40)]) await expect(pki.decide({ name: 'ed' }, tp, 'rejected')).rejects.toMatchObject({ code: 'CW_PKI_CERT_NOT_FOUND' });
  });
});
