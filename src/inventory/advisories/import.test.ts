import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isCausewayError } from '../../core/errors.js';
import { Advisories } from './index.js';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const dirs: string[] = [];
const open: Advisories[] = [];

afterEach(() => {
  for (const a of open.splice(0)) a.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A writable copy of a fixture folder, and a fresh store. */
function setup(fixture: string): { folder: string; data: string; advisories: Advisories } {
  const root = mkdtempSync(join(tmpdir(), 'cw-advisories-'));
  dirs.push(root);
  const folder = join(root, 'in');
  cpSync(join(FIXTURES, fixture), folder, { recursive: true });
  chmodSync(folder, 0o755);
  const data = join(root, 'data');
  const advisories = Advisories.open(data);
  open.push(advisories);
  return { folder, data, advisories };
}

describe('advisory import', () => {
  it('reads CISA\'s layout recursively, verifying each .sha512', async () => {
    const { folder, advisories } = setup('cisa');
    const r = await advisories.importFolder(folder, { actor: 'test' });
    expect(r).toMatchObject({ files: 3, added: 3, updated: 0, unchanged: 0, rejected: 0, unverified: 0, rejections: [] });
    expect(r.stored).toEqual({ advisories: 3, products: 2 + 23 + 9, vulnerabilities: advisories.allAdvisories().reduce((n, a) => n + a.vulnerabilities.length, 0) });
    const one = advisories.get('ICSA-23-012-10')!;
    expect(one.summary).toMatchObject({ checksum: 'verified', sourceFile: 'csaf_files/OT/white/2023/icsa-23-012-10.json', vendors: ['Siemens'], cves: ['CVE-2022-43513', 'CVE-2022-43514'], maxCvss: 8.2, products: 2 });
    expect(one.advisory.products[1]!.version).toBe('< V6.0 SP9 Upd4');
  });

  it('reports each bad file of a flat folder with its reason and imports the rest', async () => {
    const { folder, advisories } = setup('flat');
    const r = await advisories.importFolder(folder, { actor: 'test' });
    expect(r).toMatchObject({ files: 5, added: 2, rejected: 3, unverified: 1 });
    expect(r.rejections.map((x) => [x.file, x.kind])).toEqual([
      ['icsa-23-257-05.json', 'checksum-mismatch'],
      ['icsa-23-348-13-truncated.json', 'not-json'],
      ['tool-settings.json', 'not-csaf'],
    ]);
    expect(r.rejections[0]!.reason).toMatch(/the checksum file says fcd4b5287d8bfee4…: the file was changed or damaged/);
    expect(r.notes).toContainEqual({ file: 'icsa-23-131-02.json', note: 'no checksum file beside it: imported unverified' });
    expect(advisories.get('ICSA-23-131-02')!.summary.checksum).toBe('missing');
    expect(advisories.get('ICSA-23-257-05')).toBeUndefined();
    // The import is recorded with its rejected files, for the status.
    const status = advisories.status();
    expect(status.imports[0]).toMatchObject({ source: folder, actor: 'test', files: 5, added: 2, rejected: 3 });
    expect(status.imports[0]!.rejections).toHaveLength(3);
    expect(status.lastImportAt).toBeGreaterThan(0);
  });

  it('rejects files without a checksum when checksums are required', async () => {
    const { folder, advisories } = setup('flat');
    const r = await advisories.importFolder(folder, { actor: 'test', requireChecksums: true });
    expect(r.rejections.map((x) => x.kind).sort()).toEqual(['checksum-mismatch', 'checksum-missing', 'checksum-missing', 'not-json']);
    expect(r.added).toBe(1);
  });

  it('re-imports incrementally: unchanged files stay, a new revision updates, an older one is kept out', async () => {
    const { folder, advisories } = setup('cisa');
    await advisories.importFolder(folder, { actor: 'test' });
    const before = advisories.get('ICSA-23-243-04')!.summary;
    const again = await advisories.importFolder(folder, { actor: 'test' });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(advisories.get('ICSA-23-243-04')!.summary.updatedAt).toBe(before.updatedAt);

    // The publisher revises one advisory: new title and release date, new checksum file.
    const file = join(folder, 'csaf_files/OT/white/2023/icsa-23-243-04.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { document: { title: string; tracking: { version: string; current_release_date: string } } };
    doc.document.title = 'Digi RealPort Protocol (Update A)';
    doc.document.tracking.version = '2';
    doc.document.tracking.current_release_date = '2023-09-30T06:00:00.000000Z';
    const text = JSON.stringify(doc);
    writeFileSync(file, text);
    const { createHash } = await import('node:crypto');
    writeFileSync(`${file}.sha512`, `${createHash('sha512').update(text).digest('hex')}  icsa-23-243-04.json`);
    const third = await advisories.importFolder(folder, { actor: 'test' });
    expect(third).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    expect(advisories.get('ICSA-23-243-04')!.summary).toMatchObject({ title: 'Digi RealPort Protocol (Update A)', revision: '2' });

    // An older revision of it in a flat folder: kept out, with a note.
    const old = join(folder, 'old');
    cpSync(join(FIXTURES, 'cisa/csaf_files/OT/white/2023/icsa-23-243-04.json'), join(old, 'icsa-23-243-04.json'));
    const fourth = await advisories.importFolder(old, { actor: 'test' });
    expect(fourth).toMatchObject({ updated: 0, unchanged: 1, unverified: 1 });
    expect(fourth.notes.map((n) => n.note)).toContainEqual(expect.stringMatching(/ICSA-23-243-04 revision 1 .* is older than the stored revision 2 .*; the stored one is kept/));
    expect(advisories.get('ICSA-23-243-04')!.summary.revision).toBe('2');
  });

  it('marks an unverified advisory verified once it comes with its checksum', async () => {
    const { folder, advisories } = setup('flat');
    await advisories.importFolder(folder, { actor: 'test' });
    expect(advisories.get('ICSA-23-131-02')!.summary.checksum).toBe('missing');
    const { createHash } = await import('node:crypto');
    const bytes = readFileSync(join(folder, 'icsa-23-131-02.json'));
    writeFileSync(join(folder, 'icsa-23-131-02.json.sha512'), `${createHash('sha512').update(bytes).digest('hex')}  icsa-23-131-02.json\n`);
    const r = await advisories.importFolder(folder, { actor: 'test' });
    expect(r).toMatchObject({ added: 0, updated: 1, unchanged: 1, unverified: 0 });
    expect(advisories.get('ICSA-23-131-02')!.summary.checksum).toBe('verified');
  });

  it('keeps what it stored over a restart, and answers the matcher with every advisory', async () => {
    const { folder, data, advisories } = setup('cisa');
    await advisories.importFolder(folder, { actor: 'test' });
    advisories.close();
    const reopened = Advisories.open(data);
    open.push(reopened);
    expect(reopened.allAdvisories().map((a) => a.id)).toEqual(['ICSA-23-005-01', 'ICSA-23-012-10', 'ICSA-23-243-04']);
    expect(reopened.allAdvisories()[2]!.vulnerabilities[0]!.status.known_not_affected).toEqual(['CSAFPID-0022', 'CSAFPID-0023']);
  });

  it('filters and pages the list by vendor, product, CVE and text', async () => {
    const { folder, advisories } = setup('cisa');
    await advisories.importFolder(folder, { actor: 'test' });
    const ids = (q: Parameters<Advisories['list']>[0]) => advisories.list(q).advisories.map((a) => a.id);
    const page = { limit: 10, offset: 0 };
    expect(ids(page)).toEqual(['ICSA-23-243-04', 'ICSA-23-012-10', 'ICSA-23-005-01']);
    expect(ids({ ...page, vendor: 'siemens' })).toEqual(['ICSA-23-012-10']);
    expect(ids({ ...page, product: 'realport' })).toEqual(['ICSA-23-243-04']);
    expect(ids({ ...page, cve: 'cve-2021-40341' })).toEqual(['ICSA-23-005-01']);
    expect(ids({ ...page, text: 'license manager' })).toEqual(['ICSA-23-012-10']);
    expect(ids({ ...page, vendor: '%' })).toEqual([]);
    expect(advisories.list({ limit: 1, offset: 1 })).toMatchObject({ total: 3, advisories: [{ id: 'ICSA-23-012-10' }] });
  });

  it('takes one uploaded document: added, then unchanged; a bad one is refused and recorded', () => {
    const { advisories } = setup('cisa');
    const bytes = readFileSync(join(FIXTURES, 'cisa/csaf_files/OT/white/2023/icsa-23-005-01.json'));
    expect(advisories.upload(bytes, { actor: 'eng', name: 'unem.json' })).toMatchObject({ outcome: 'added', advisory: { id: 'ICSA-23-005-01', checksum: 'upload' } });
    expect(advisories.upload(bytes, { actor: 'eng' }).outcome).toBe('unchanged');
    let refused: unknown;
    try {
      advisories.upload(Buffer.from('{"x":1}'), { actor: 'eng', name: 'x.json' });
    } catch (e) {
      refused = e;
    }
    expect(isCausewayError(refused, 'CW_ADVISORY_INVALID')).toBe(true);
    expect(advisories.status().imports[0]).toMatchObject({ source: 'upload', rejected: 1, rejections: [{ file: 'x.json', kind: 'not-csaf' }] });
  });

  it('says which folder cannot be read', async () => {
    const { advisories } = setup('cisa');
    await expect(advisories.importFolder('/nonexistent/csaf', { actor: 'test' })).rejects.toSatisfy((e) => isCausewayError(e, 'CW_ADVISORY_FOLDER') && /\/nonexistent\/csaf cannot be read/.test((e as Error).message));
    await expect(advisories.importFolder(join(FIXTURES, 'flat/tool-settings.json'), { actor: 'test' })).rejects.toThrow(/it is not a folder/);
  });
});
