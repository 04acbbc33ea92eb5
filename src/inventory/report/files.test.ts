import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeReportFiles } from './files.js';
import { buildReport } from './model.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('scheduled report files', () => {
  it('writes HTML, PDF and CSV under reports/ and keeps the newest sets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-reports-'));
    dirs.push(dir);
    const at = (day: number) => buildReport({ site: 'Springfield', generatedAt: Date.UTC(2026, 11, day, 6), assets: [{ id: 'plc1', zone: 'cell' }], findings: [], zones: [{ id: 'cell', level: 1 }], conduits: [], trend: [] });
    for (const day of [1, 2, 3]) await writeReportFiles(dir, at(day), [], 2);
    const names = readdirSync(join(dir, 'reports')).sort();
    expect(names).toEqual([
      'assessment-20261202T060000Z.csv', 'assessment-20261202T060000Z.html', 'assessment-20261202T060000Z.pdf',
      'assessment-20261203T060000Z.csv', 'assessment-20261203T060000Z.html', 'assessment-20261203T060000Z.pdf',
    ]);
    expect(readFileSync(join(dir, 'reports', names[1]!), 'utf8')).toContain('Vulnerability assessment and security audit — Springfield');
    expect(readFileSync(join(dir, 'reports', names[2]!)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
