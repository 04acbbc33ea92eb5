import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/causeway.js', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../dist/cli/check.bundle.js', import.meta.url));
const COMPILED = fileURLToPath(new URL('../../dist/cli/commands/check.js', import.meta.url));
const SMALL = fileURLToPath(new URL('../../bench/startup/small.yaml', import.meta.url));
const BROKEN = fileURLToPath(new URL('../../src/cli/__fixtures__/broken-plant/config.yaml', import.meta.url));

/** The CLI uses the bundle only when it is not older than the compiled module (a plain tsc leaves it stale). */
function bundleIsFresh(): boolean {
  const bundle = statSync(BUNDLE, { throwIfNoEntry: false });
  const compiled = statSync(COMPILED, { throwIfNoEntry: false });
  return bundle !== undefined && compiled !== undefined && bundle.mtimeMs >= compiled.mtimeMs;
}

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!bundleIsFresh())('causeway check through dist/cli/check.bundle.js (run `npm run build:hub` first)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-check-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const printed = cli(['demo', '--print-config'], {});
  const demo = join(dir, 'demo.yaml');
  writeFileSync(demo, printed.stdout);
  // The demo's secrets are ${ENV} references: any long enough value passes the check.
  const secrets = Object.fromEntries([...printed.stdout.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => [m[1]!, 'a-secret-long-enough-for-every-check']));
  const syntax = join(dir, 'syntax.yaml');
  writeFileSync(syntax, 'site:\n  enterprise: Acme\n  name: [Springfield\nzones: {\n');
  const inch = join(dir, 'inch.yaml');
  writeFileSync(inch, readFileSync(SMALL, 'utf8').replace('unit: degC', 'unit: inch'));

  const cases: Array<[string, string[], Record<string, string>, number]> = [
    ['a valid small config', ['check', SMALL], {}, 0],
    ['a config with several problems, did-you-means among them', ['check', BROKEN], {}, 1],
    ['the demo plant config, its secrets filled in', ['check', demo], secrets, 0],
    ['the demo plant config without its secrets', ['check', demo], {}, 1],
    ['a YAML syntax error', ['check', syntax], {}, 1],
    ['a unit that loads the units library', ['check', inch], {}, 0],
    ['a file that does not exist', ['check', join(dir, 'missing.yaml')], {}, 1],
    ['the JSON Schema', ['schema'], {}, 0],
  ];

  it('holds TypeBox and yaml and no other package: the rest stay imports that test/startup/cli-imports.test.ts sees', () => {
    // rolldown heads each bundled module with a comment naming its path.
    const bundled = new Set([...readFileSync(BUNDLE, 'utf8').matchAll(/^\/\/ .*node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((m) => m[1]));
    expect([...bundled].sort()).toEqual(['typebox', 'yaml']);
  });

  it('the demo config was printed', () => {
    expect(printed.status, printed.stderr).toBe(0);
    expect(Object.keys(secrets).length).toBeGreaterThan(0);
  });

  for (const [what, args, env, status] of cases) {
    it(`${what}: the same stdout, stderr and exit code as the unbundled modules`, () => {
      const bundled = cli(args, env);
      const modules = cli(args, { ...env, CAUSEWAY_NO_BUNDLE: '1' });
      expect(bundled.status, bundled.stderr).toBe(status);
      expect(bundled).toEqual(modules);
    });
  }
});
