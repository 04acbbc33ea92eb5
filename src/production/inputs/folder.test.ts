import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderInput, type ReceiveSummary } from './folder.js';

const SCHEDULE = readFileSync(new URL('../__fixtures__/schedule.xml', import.meta.url), 'utf8');
const body = (id: string) => `<ProductionSchedule><ProductionRequest><ID>${id}</ID></ProductionRequest></ProductionSchedule>`;

/** A folder input over a real temporary folder that keeps every record it is given. */
function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'cw-folder-'));
  const received: string[] = [];
  const input = new FolderInput({ path: dir, settleMs: 0 }, (records): ReceiveSummary => {
    received.push(...records.map((r) => r.ref));
    return { accepted: records.map((r) => ({ id: r.ref, change: 'created' })), rejected: [] };
  }, () => Date.now() + 1000);
  return { dir, input, received };
}

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('the ERP drop folder', () => {
  it.each([
    ['an external entity', `<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${body('&xxe;')}`],
    ['a parameter entity', `<!DOCTYPE foo [<!ENTITY % p SYSTEM "http://example.com/x.dtd">%p;]>${body('A')}`],
    ['nested entities', `<!DOCTYPE foo [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>${body('&b;')}`],
    ['a harmless DOCTYPE', `<?xml version="1.0"?>\n<!doctype ProductionSchedule>\n${body('A')}`],
  ])('rejects a B2MML file with %s, with the reason beside it, and takes the next file', async (_what, xml) => {
    const f = folder();
    dirs.push(f.dir);
    writeFileSync(join(f.dir, 'a-doctype.xml'), xml);
    writeFileSync(join(f.dir, 'b-schedule.xml'), SCHEDULE);
    const outcomes = await f.input.poll();
    expect(outcomes.map((o) => [o.file, o.accepted, o.rejected, o.movedTo])).toEqual([['a-doctype.xml', 0, 1, 'rejected'], ['b-schedule.xml', 2, 0, 'processed']]);
    expect(f.received).toEqual(['b-schedule.xml ProductionRequest 1 (WO-1001)', 'b-schedule.xml ProductionRequest 2 (WO-1002)']);
    const problems = readdirSync(join(f.dir, 'rejected')).find((n) => n.endsWith('a-doctype.xml.problems.txt'))!;
    expect(readFileSync(join(f.dir, 'rejected', problems), 'utf8')).toContain('a-doctype.xml: it has a DOCTYPE declaration, which the hub refuses in ERP files');
    // The folder keeps flowing: nothing is left behind, nothing is read twice.
    expect(readdirSync(f.dir).sort()).toEqual(['processed', 'rejected']);
    expect(await f.input.poll()).toEqual([]);
  });
});
