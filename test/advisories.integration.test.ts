/**
 * Security advisories in a running hub: the CLI imports into the data directory while the hub runs
 * and the API serves the same file; reading is for auditors and engineers (a viewer and an
 * operator are refused), an upload needs configure site-wide and is audited with its outcome.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdvisoriesImport } from '../src/cli/commands/advisories.js';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { apiToken } from '../src/test-support/auth.js';
import { asToken, call } from '../src/test-support/http.js';

const FIXTURES = fileURLToPath(new URL('../src/inventory/advisories/__fixtures__/', import.meta.url));
const CONFIG = `
site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: cell, level: 1 }, { id: ops, level: 3 }]
historian: { flushInterval: 100ms }
`;

let dir: string;
let hub: Hub;
let url: string;
const tokens = {} as Record<'viewer' | 'operator' | 'auditor' | 'itEngineer' | 'otEngineer' | 'cellEngineer' | 'admin', string>;
const as = (who: keyof typeof tokens) => asToken(tokens[who], url);
const sink = () => ({ text: '', write(t: string) { this.text += t; } });

/** POST a document's bytes as they are. */
async function upload(who: keyof typeof tokens, body: string | Buffer) {
  return call(`${url}/api/v1/advisories`, 'POST', { body: body.toString(), headers: { authorization: `Bearer ${tokens[who]}` } });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-advisories-'));
  const { config, problems } = loadCheckedText(CONFIG, 'advisories.yaml');
  expect(problems).toEqual([]);
  hub = await Hub.create({ config: config!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: 'advisory reader night shift 2026' }, announce: () => {} });
  url = await hub.start();
  tokens.viewer = await apiToken(hub, 'viewer', 'viewer');
  tokens.operator = await apiToken(hub, 'operator', 'operator');
  tokens.auditor = await apiToken(hub, 'auditor', 'auditor');
  tokens.itEngineer = await apiToken(hub, 'it-engineer', 'it-engineer');
  tokens.otEngineer = await apiToken(hub, 'ot-engineer', 'ot-engineer');
  tokens.cellEngineer = await apiToken(hub, [{ role: 'ot-engineer', zones: ['cell'] }], 'cell-engineer');
  tokens.admin = await apiToken(hub, 'admin', 'admin');
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('advisories in a running hub', () => {
  it('serves what the CLI imports into the hub\'s data directory while it runs', async () => {
    const out = sink();
    const err = sink();
    expect(await runAdvisoriesImport(join(FIXTURES, 'cisa'), { dataDir: dir }, { out, err })).toBe(0);
    expect(out.text).toMatch(/Read 3 advisory files from .* 3 added, 0 updated, 0 unchanged, 0 rejected/);
    const list = await as('auditor')('/api/v1/advisories');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 3, limit: 100, offset: 0 });
    expect(list.body.advisories.map((a: { id: string }) => a.id)).toEqual(['ICSA-23-243-04', 'ICSA-23-012-10', 'ICSA-23-005-01']);
    expect((await as('itEngineer')('/api/v1/advisories?vendor=siemens')).body.advisories).toMatchObject([{ id: 'ICSA-23-012-10', vendors: ['Siemens'], maxCvss: 8.2, checksum: 'verified' }]);
    expect((await as('otEngineer')('/api/v1/advisories?cve=CVE-2023-4299')).body.advisories.map((a: { id: string }) => a.id)).toEqual(['ICSA-23-243-04']);
    expect((await as('otEngineer')('/api/v1/advisories?text=unem&limit=1')).body.total).toBe(1);
    expect((await as('otEngineer')('/api/v1/advisories?limit=1&offset=2')).body.advisories.map((a: { id: string }) => a.id)).toEqual(['ICSA-23-005-01']);
    expect((await as('auditor')('/api/v1/advisories?cve=not-a-cve')).status).toBe(400);
  });

  it('answers one advisory with its products, vulnerabilities and remediations', async () => {
    const r = await as('auditor')('/api/v1/advisories/ICSA-23-012-10');
    expect(r.status).toBe(200);
    expect(r.body.advisory.products[1]).toEqual({ productId: 'CSAFPID-0002', vendor: 'Siemens', product: 'Automation License Manager V6', fullName: 'Automation License Manager V6', version: '< V6.0 SP9 Upd4', versionKind: 'product_version_range' });
    const v = r.body.advisory.vulnerabilities[0];
    expect(v).toMatchObject({ cve: 'CVE-2022-43513', cwe: { id: 'CWE-73' }, status: { known_affected: ['CSAFPID-0001', 'CSAFPID-0002'] }, cvss3: { baseScore: 8.2 } });
    expect(v.remediations[2]).toMatchObject({ category: 'vendor_fix', url: 'https://support.industry.siemens.com/cs/ww/en/view/114358/', productIds: ['CSAFPID-0002'] });
    const missing = await as('auditor')('/api/v1/advisories/ICSA-99-999-99');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CW_ADVISORY_NOT_FOUND');
  });

  it('refuses viewers and operators: advisories are security data', async () => {
    for (const who of ['viewer', 'operator'] as const) {
      for (const path of ['/api/v1/advisories', '/api/v1/advisories/ICSA-23-012-10', '/api/v1/advisories/import-status']) {
        const r = await as(who)(path);
        expect(r.status, `${who} ${path}`).toBe(403);
        expect(r.body.code).toBe('CW_AUTH_FORBIDDEN');
      }
    }
    expect((await call(`${url}/api/v1/advisories`)).status).toBe(401);
  });

  it('shows the import status with each rejected file and why', async () => {
    const out = sink();
    expect(await runAdvisoriesImport(join(FIXTURES, 'flat'), { dataDir: dir }, { out, err: sink() })).toBe(0);
    expect(out.text).toMatch(/icsa-23-257-05\.json: checksum-mismatch: /);
    const r = await as('auditor')('/api/v1/advisories/import-status');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ advisories: 5, lastImportAt: expect.any(Number) });
    expect(r.body.imports[0]).toMatchObject({ files: 5, added: 2, rejected: 3, unverified: 1 });
    expect(r.body.imports[0].rejections.map((x: { file: string; kind: string }) => `${x.file} ${x.kind}`)).toEqual(['icsa-23-257-05.json checksum-mismatch', 'icsa-23-348-13-truncated.json not-json', 'tool-settings.json not-csaf']);
  });

  it('takes an upload from an engineer with site-wide configure, audited; refuses auditors and zone-limited engineers', async () => {
    const bytes = readFileSync(join(FIXTURES, 'flat/icsa-23-257-05.json'));
    expect((await upload('auditor', bytes)).status).toBe(403);
    expect((await upload('cellEngineer', bytes)).status).toBe(403);
    const added = await upload('otEngineer', bytes);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ outcome: 'added', advisory: { id: 'ICSA-23-257-05', checksum: 'upload' } });
    const again = await upload('otEngineer', bytes);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('unchanged');
    const bad = await upload('otEngineer', '{"name": "not an advisory"}');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'CW_ADVISORY_INVALID', title: expect.stringMatching(/it is not a CSAF document/) });
    // The API's body limit (1 MiB) holds for uploads too; the file's bytes are read whatever the charset parameter.
    const big = await upload('otEngineer', `{"document": {"title": "${'x'.repeat(1_100_000)}"}}`);
    expect(big.status).toBe(413);
    const charset = await call(`${url}/api/v1/advisories`, 'POST', { body: bytes.toString(), headers: { authorization: `Bearer ${tokens.otEngineer}`, 'content-type': 'application/json; charset=utf-8' } });
    expect(charset.body.outcome).toBe('unchanged');
    const audit = await as('admin')('/api/v1/audit?action=advisory');
    expect(audit.body.records.map((r: { actor: string; outcome: string; detail: Record<string, unknown> }) => [r.actor, r.outcome, r.detail])).toEqual([
      [expect.stringMatching(/^token:ot-engineer@/), 'success', { id: 'ICSA-23-257-05', revision: '1', outcome: 'unchanged' }],
      [expect.stringMatching(/^token:ot-engineer@/), 'failure', { code: 'CW_ADVISORY_INVALID' }],
      [expect.stringMatching(/^token:ot-engineer@/), 'success', { id: 'ICSA-23-257-05', revision: '1', outcome: 'unchanged' }],
      [expect.stringMatching(/^token:ot-engineer@/), 'success', { id: 'ICSA-23-257-05', revision: '1', outcome: 'added' }],
    ]);
    expect((await as('auditor')('/api/v1/advisories/ICSA-23-257-05')).status).toBe(200);
  });
});
