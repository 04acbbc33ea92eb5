import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPCUACertificateManager } from 'node-opcua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCausewayError } from '../../core/errors.js';
import { certificateInfo, firstDer, listCertificates, normalizeThumbprint, rejectCertificate, trustCertificate } from './pki.js';

let root: string;
/** Three self-signed certificates made once: the hub's own and two servers'. */
const made: Record<'own' | 'serverA' | 'serverB', string> = { own: '', serverA: '', serverB: '' };

/** Certificates made with one key: enough to tell files apart, and one key generation instead of three. */
async function makeCerts(): Promise<void> {
  const cm = new OPCUACertificateManager({ rootFolder: join(root, 'maker'), automaticallyAcceptUnknownCertificate: false, disableFileWatchers: true });
  await cm.initialize();
  for (const name of ['own', 'serverA', 'serverB'] as const) {
    made[name] = join(root, `${name}.pem`);
    await cm.createSelfSignedCertificate({ applicationUri: `urn:test:${name}`, dns: ['localhost'], subject: `/CN=${name}/O=Test`, startDate: new Date(), validity: 365, outputFile: made[name] });
  }
  await cm.dispose();
}

async function freshPki(): Promise<string> {
  const dir = await mkdtemp(join(root, 'pki-'));
  await mkdir(join(dir, 'own/certs'), { recursive: true });
  await mkdir(join(dir, 'rejected'), { recursive: true });
  await copyFile(made.own, join(dir, 'own/certs/client_certificate.pem'));
  await copyFile(made.serverA, join(dir, 'rejected/serverA.pem'));
  await copyFile(made.serverB, join(dir, 'rejected/serverB.pem'));
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'causeway-pki-'));
  await makeCerts();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('certificateInfo', () => {
  it('reads PEM and DER alike, and the first certificate of a DER chain', async () => {
    const pem = await readFile(made.serverA);
    const fromPem = certificateInfo(pem);
    expect(fromPem.thumbprint).toMatch(/^[0-9a-f]{40}$/);
    expect(fromPem.subject).toContain('CN=serverA');
    expect(Date.parse(fromPem.validTo)).toBeGreaterThan(Date.now());
    const chain = Buffer.concat([fromPem.der, certificateInfo(await readFile(made.serverB)).der]);
    expect(firstDer(chain)).toEqual(fromPem.der);
    expect(certificateInfo(chain).thumbprint).toBe(fromPem.thumbprint);
  });

  it.each([
    ['AB:CD:EF', 'abcdef'],
    ['ab cd ef', 'abcdef'],
    ['ABCDEF', 'abcdef'],
  ])('normalizes thumbprint %s', (text, normal) => {
    expect(normalizeThumbprint(text)).toBe(normal);
  });
});

describe('PKI folders', () => {
  it('lists own, trusted and rejected certificates', async () => {
    const dir = await freshPki();
    const list = await listCertificates(dir);
    expect(list.map((e) => [e.status, e.subject.split(',')[0]])).toEqual([
      ['own', 'CN=own'],
      ['rejected', 'CN=serverA'],
      ['rejected', 'CN=serverB'],
    ]);
    expect(await listCertificates(join(dir, 'missing'))).toEqual([]);
  });

  it('trusts by thumbprint prefix (any case, with colons) and rejects again', async () => {
    const dir = await freshPki();
    const a = (await listCertificates(dir)).find((e) => e.subject.includes('serverA'))!;
    const prefix = a.thumbprint.slice(0, 8).toUpperCase().replace(/(..)(?=.)/g, '$1:');
    const trusted = await trustCertificate(dir, prefix);
    expect(trusted).toMatchObject({ thumbprint: a.thumbprint, status: 'trusted', file: join(dir, 'trusted/certs/serverA.pem') });
    expect((await listCertificates(dir)).map((e) => e.status)).toEqual(['own', 'trusted', 'rejected']);
    // Trusting twice changes nothing.
    expect(await trustCertificate(dir, a.thumbprint)).toMatchObject({ status: 'trusted' });
    const rejected = await rejectCertificate(dir, a.thumbprint);
    expect(rejected).toMatchObject({ status: 'rejected', file: join(dir, 'rejected/serverA.pem') });
  });

  it('names unknown thumbprints, and never moves the own certificate', async () => {
    const dir = await freshPki();
    const own = (await listCertificates(dir)).find((e) => e.status === 'own')!;
    const notFound = await trustCertificate(dir, own.thumbprint).catch((e: unknown) => e);
    expect(isCausewayError(notFound, 'CW_PKI_CERT_NOT_FOUND')).toBe(true);
    expect((notFound as Error).message).toContain(own.thumbprint);
    expect(isCausewayError(await trustCertificate(dir, 'zz').catch((e: unknown) => e), 'CW_PKI_CERT_NOT_FOUND')).toBe(true);
    expect(isCausewayError(await rejectCertificate(dir, '').catch((e: unknown) => e), 'CW_PKI_CERT_NOT_FOUND')).toBe(true);
  });
});
