import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HubConfig, SiteConfig } from '../../config/schema.js';
import { OWN_CERTIFICATE } from './connection.js';
import { certificateSubjectOf, prepareOwnCertificates } from './own-certificate.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function plant(site: Partial<SiteConfig> = {}): HubConfig {
  return {
    site: { enterprise: 'Acme Beverages', name: 'Springfield', hubZone: 'ops', ...site },
    zones: [{ id: 'ops', level: 3 }],
    sources: [{ id: 'press', kind: 'opcua', zone: 'ops', config: { endpointUrl: 'opc.tcp://127.0.0.1:4840' }, tags: [] }],
  } as unknown as HubConfig;
}

function logger() {
  return { info: vi.fn(), warn: vi.fn() };
}

function ownCertificate(dataDir: string): X509Certificate {
  return new X509Certificate(readFileSync(join(dataDir, 'pki', 'opcua', OWN_CERTIFICATE)));
}

describe("the hub's OPC UA application certificate", () => {
  it("is made for the site: organization = enterprise, locality = site name, not the library's default", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cw-own-cert-'));
    dirs.push(dataDir);
    await prepareOwnCertificates(plant(), dataDir, logger() as unknown as Logger);
    const subject = ownCertificate(dataDir).subject;
    expect(subject).toContain('O=Acme Beverages');
    expect(subject).toContain('L=Springfield');
    expect(subject).toMatch(/CN=Causeway@/);
    expect(subject).not.toMatch(/Sterfive|Orleans/);
  }, 60_000);

  it('takes site.certificateSubject, and keeps an existing certificate, saying how to renew it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cw-own-cert-'));
    dirs.push(dataDir);
    await prepareOwnCertificates(plant({ certificateSubject: { organizationalUnit: 'Packaging', country: 'US' } }), dataDir, logger() as unknown as Logger);
    const first = ownCertificate(dataDir);
    expect(first.subject).toContain('OU=Packaging');
    expect(first.subject).toContain('C=US');

    const log = logger();
    await prepareOwnCertificates(plant({ enterprise: 'Acme Foods' }), dataDir, log as unknown as Logger);
    expect(ownCertificate(dataDir).fingerprint256).toBe(first.fingerprint256);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(String(log.warn.mock.calls[0]![1])).toContain(`move ${join(dataDir, 'pki', 'opcua', 'own')} away`);

    const again = logger();
    await prepareOwnCertificates(plant({ certificateSubject: { organizationalUnit: 'Packaging', country: 'US' } }), dataDir, again as unknown as Logger);
    expect(again.warn).not.toHaveBeenCalled();
  }, 60_000);

  it('writes the subject without the characters that separate its fields', () => {
    expect(certificateSubjectOf({ enterprise: 'A/B=C', name: 'Plant 1', hubZone: 'ops' }, 'host')).toBe('/CN=Causeway@host/O=A-B-C/L=Plant 1');
  });
});
