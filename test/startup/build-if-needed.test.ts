import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/build-if-needed.mjs', import.meta.url));
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A project whose builds only count how often they ran, so the real script can be run on it. */
function fakeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'cw-build-if-needed-'));
  roots.push(root);
  const count = (name: string) => `node -e "require('fs').appendFileSync('${name}.log','x')"`;
  // The hub's build leaves the bundled check behind, as scripts/bundle-cli.mjs does.
  const hub = `${count('hub')} && node -e "const fs=require('fs');fs.mkdirSync('dist/cli',{recursive:true});fs.writeFileSync('dist/cli/check.bundle.js','')"`;
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'fake', private: true, scripts: { 'build:hub': hub, 'build:web': count('web') } }));
  mkdirSync(join(root, 'src/cli'), { recursive: true });
  writeFileSync(join(root, 'src/cli/main.ts'), 'export {};\n');
  mkdirSync(join(root, 'web/src'), { recursive: true });
  writeFileSync(join(root, 'web/src/app.tsx'), 'export {};\n');
  const past = new Date(Date.now() - 60_000);
  for (const f of ['package.json', 'src/cli/main.ts', 'src/cli', 'src', 'web/src/app.tsx', 'web/src', 'web']) utimesSync(join(root, f), past, past);
  return root;
}

function run(root: string): string {
  const r = spawnSync(process.execPath, [SCRIPT], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const builds = (root: string, part: 'hub' | 'web') => {
  try {
    return readFileSync(join(root, `${part}.log`), 'utf8').length;
  } catch {
    return 0;
  }
};

describe('build-if-needed', () => {
  it('builds everything the first time, then nothing while no source changed', () => {
    const root = fakeProject();
    run(root);
    expect([builds(root, 'hub'), builds(root, 'web')]).toEqual([1, 1]);
    const out = run(root);
    expect(out).toContain('hub is up to date');
    expect([builds(root, 'hub'), builds(root, 'web')]).toEqual([1, 1]);
  });

  it('rebuilds only the part whose source changed', () => {
    const root = fakeProject();
    run(root);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'src/cli/main.ts'), later, later);
    expect(run(root)).toContain('building the hub (sources changed');
    expect([builds(root, 'hub'), builds(root, 'web')]).toEqual([2, 1]);
  });

  it('rebuilds the hub when its bundled check is missing (a plain tsc build or a deleted file)', () => {
    const root = fakeProject();
    run(root);
    rmSync(join(root, 'dist/cli/check.bundle.js'));
    expect(run(root)).toContain('building the hub (dist/cli/check.bundle.js is missing)');
    expect([builds(root, 'hub'), builds(root, 'web')]).toEqual([2, 1]);
    expect(run(root)).toContain('hub is up to date');
  });

  it('rebuilds the console when a console file is added, and ignores test files', () => {
    const root = fakeProject();
    run(root);
    const later = new Date(Date.now() + 5_000);
    writeFileSync(join(root, 'src/cli/main.test.ts'), 'export {};\n');
    utimesSync(join(root, 'src/cli/main.test.ts'), later, later);
    utimesSync(join(root, 'src/cli'), new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
    writeFileSync(join(root, 'web/src/new-page.tsx'), 'export {};\n');
    utimesSync(join(root, 'web/src/new-page.tsx'), later, later);
    run(root);
    expect([builds(root, 'hub'), builds(root, 'web')]).toEqual([1, 2]);
  });
});
