import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPCUACertificateManager } from 'node-opcua';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listCertificates } from '../../sources/opcua/pki.js';
import { Security } from '../../security/index.js';
import { pkiCommand, runPkiList } from './pki.js';

let root: string;
let dataDir: string;
let serverThumbprint: string;

function capture() {
  let text = '';
  return { write: (t: string) => (text += t), text: () => text };
}

/** Run `causeway pki ...args` and capture what it prints. */
async function pki(...args: string[]) {
  const out = capture();
  const err = capture();
  await pkiCommand({ out, err }).exitOverride().parseAsync(args, { from: 'user' });
  const code = process.exitCode;
  process.exitCode = undefined;
  return { code, out: out.text(), err: err.text() };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'causeway-cli-pki-'));
  dataDir = join(root, 'data');
  const pkiDir = join(dataDir, 'pki/opcua');
  await mkdir(join(pkiDir, 'own/certs'), { recursive: true });
  await mkdir(join(pkiDir, 'rejected'), { recursive: true });
  const cm = new OPCUACertificateManager({ rootFolder: join(root, 'maker'), automaticallyAcceptUnknownCertificate: false, disableFileWatchers: true });
  await cm.initialize();
  const make = (cn: string, file: string) =>
    cm.createSelfSignedCertificate({ applicationUri: `urn:test:${cn}`, dns: ['localhost'], subject: `/CN=${cn}/O=Test`, startDate: new Date(), validity: 365, outputFile: file });
  await make('Causeway@hub', join(pkiDir, 'own/certs/client_certificate.pem'));
  await make('filler-plc', join(pkiDir, 'rejected/filler-plc.pem'));
  await cm.dispose();
  serverThumbprint = (await listCertificates(pkiDir)).find((c) => c.status === 'rejected')!.thumbprint;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

afterEach(() => {
  delete process.env.CAUSEWAY_DATA_DIR;
});

describe('causeway pki', () => {
  it('lists own and rejected certificates with thumbprints and says how to trust', async () => {
    const { code, out } = await pki('list', '--data-dir', dataDir);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^STATUS\s+THUMBPRINT\s+VALID TO\s+SUBJECT$/);
    expect(lines[1]).toMatch(/^own\s+[0-9a-f]{40}\s+\d{4}-\d{2}-\d{2}\s+CN=Causeway@hub, O=Test$/);
    expect(lines[2]).toMatch(new RegExp(`^rejected\\s+${serverThumbprint}\\s+\\d{4}-\\d{2}-\\d{2}\\s+CN=filler-plc, O=Test$`));
    expect(out).toContain('`causeway pki trust <thumbprint>`');
  });

  it('takes the data directory from CAUSEWAY_DATA_DIR and prints JSON on request', async () => {
    process.env.CAUSEWAY_DATA_DIR = dataDir;
    const { out } = await pki('list', '--json');
    expect((JSON.parse(out) as Array<{ status: string }>).map((e) => e.status)).toEqual(['own', 'rejected']);
  });

  it('trusts by thumbprint prefix, then rejects again', async () => {
    const trusted = await pki('trust', serverThumbprint.slice(0, 8), '--data-dir', dataDir);
    expect(trusted.code).toBe(0);
    expect(trusted.out).toContain(`Trusted CN=filler-plc, O=Test (${serverThumbprint})`);
    expect(existsSync(join(dataDir, 'pki/opcua/trusted/certs/filler-plc.pem'))).toBe(true);
    const rejected = await pki('reject', serverThumbprint, '--data-dir', dataDir);
    expect(rejected.out).toContain('Rejected CN=filler-plc');
    expect(existsSync(join(dataDir, 'pki/opcua/rejected/filler-plc.pem'))).toBe(true);
    // Both decisions are in the hub's audit log, with the operating system user as the actor.
    const security = Security.open({ dataDir, now: Date.now });
    const records = security.audit.query({ action: 'pki', limit: 10 }).reverse();
    security.close();
    expect(records.map((r) => `${r.action} ${r.target} ${r.outcome}`)).toEqual([`pki.trust ${serverThumbprint} success`, `pki.reject ${serverThumbprint} success`]);
    expect(records[0]!.actor).toMatch(/^cli/);
    expect(records[0]!.detail).toMatchObject({ subject: 'CN=filler-plc, O=Test', from: 'rejected' });
  });

  it('names an unknown thumbprint with the catalogue error and exits 1', async () => {
    const { code, err } = await pki('trust', 'deadbeef', '--data-dir', dataDir);
    expect(code).toBe(1);
    expect(err).toContain('CW_PKI_CERT_NOT_FOUND');
    expect(err).toContain('causeway pki list');
  });

  it('honours --pki-dir and says when there is nothing yet', async () => {
    const out = capture();
    expect(await runPkiList({ dataDir, pkiDir: join(root, 'empty') }, out)).toBe(0);
    expect(out.text()).toContain('No certificates in');
  });
});
