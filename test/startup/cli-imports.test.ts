import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAZY_COMMANDS } from '../../src/cli/lazy-commands.js';

const BIN = fileURLToPath(new URL('../../bin/causeway.js', import.meta.url));
const HEAVY = ['node-opcua', '@duckdb', 'fastify', 'pg', 'mqtt', 'mathjs', 'better-sqlite3', 'nats', 'modbus-serial', 'pino'];
/** The protocol, storage and server libraries: `causeway check` needs the kinds' definitions only, never these. */
const CONNECTOR_LIBRARIES = ['node-opcua', 'modbus-serial', 'mqtt', 'nats', 'sparkplug-payload', '@duckdb', 'pg', 'better-sqlite3', 'fastify', 'aedes', 'pino'];
const SMALL = fileURLToPath(new URL('../../bench/startup/small.yaml', import.meta.url));

/**
 * The packages a compiled CLI run loads: ESM imports recorded by a module resolve hook (the CLI is
 * ESM; module.register works on Node 20, 22 and 24), and CommonJS modules from require.cache at exit
 * (a package loaded with createRequire, or required by a CommonJS package, passes no ESM hook).
 */
function urlsLoadedBy(args: string[], env: Record<string, string> = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cw-cli-imports-'));
  const log = join(dir, 'resolved.log');
  const hooks = `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function resolve(spec, ctx, next) { const r = await next(spec, ctx); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }
  `)}`;
  const register = `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    import { createRequire, register } from 'node:module';
    register(${JSON.stringify(hooks)});
    const cache = createRequire(${JSON.stringify(log)}).cache;
    process.on('exit', () => appendFileSync(${JSON.stringify(log)}, Object.keys(cache).join('\\n') + '\\n'));
  `)}`;
  try {
    const r = spawnSync(process.execPath, ['--import', register, BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(log, 'utf8').split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function packagesLoadedBy(args: string[], env: Record<string, string> = {}): Set<string> {
  return new Set(urlsLoadedBy(args, env).map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1]).filter((p): p is string => p !== undefined));
}

/** Which of `names` (packages or scopes) are among the loaded packages. */
function among(loaded: Set<string>, names: readonly string[]): string[] {
  return names.filter((p) => [...loaded].some((l) => l === p || l.startsWith(`${p}/`)));
}

const built = existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)));
/** Whether `npm run build:hub` bundled the check (a plain tsc does not, and leaves an older bundle unused). */
const bundleBuilt = (() => {
  const bundle = statSync(new URL('../../dist/cli/check.bundle.js', import.meta.url), { throwIfNoEntry: false });
  const compiled = statSync(new URL('../../dist/cli/commands/check.js', import.meta.url), { throwIfNoEntry: false });
  return bundle !== undefined && compiled !== undefined && bundle.mtimeMs >= compiled.mtimeMs;
})();

describe.skipIf(!built)('CLI start-up (compiled CLI in dist/; run `npx tsc -p tsconfig.build.json` first)', () => {
  for (const args of [['--version'], ['--help']]) {
    it(`causeway ${args.join(' ')} loads none of the hub's heavy packages`, () => {
      const loaded = packagesLoadedBy(args);
      expect(loaded.has('commander')).toBe(true);
      expect(among(loaded, HEAVY)).toEqual([]);
    });
  }

  it('causeway check runs from the bundle when it is built, from the modules with CAUSEWAY_NO_BUNDLE=1', () => {
    const bundled = urlsLoadedBy(['check', SMALL]);
    expect(bundled.some((u) => u.endsWith('/dist/cli/check.bundle.js'))).toBe(bundleBuilt);
    expect(bundled.some((u) => u.endsWith('/dist/config/index.js'))).toBe(!bundleBuilt);
    const modules = urlsLoadedBy(['check', SMALL], { CAUSEWAY_NO_BUNDLE: '1' });
    expect(modules.some((u) => u.endsWith('/dist/cli/check.bundle.js'))).toBe(false);
    expect(modules.some((u) => u.endsWith('/dist/config/index.js'))).toBe(true);
  });

  // The bundle holds our modules, TypeBox and yaml only: any other package it reaches stays an
  // import of its own, which the recorder sees.
  for (const mode of [{ name: 'bundle', env: {} }, { name: 'modules', env: { CAUSEWAY_NO_BUNDLE: '1' } }]) {
    it(`${mode.name}: causeway check of a small config loads no protocol library, no storage and no server (nor mathjs for common units)`, () => {
      const loaded = packagesLoadedBy(['check', SMALL], mode.env);
      expect(among(loaded, [...CONNECTOR_LIBRARIES, 'mathjs'])).toEqual([]);
    });

    it(`${mode.name}: causeway check of the demo plant (every source and sink kind) loads no protocol library, no storage and no server`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'cw-cli-demo-'));
      try {
        const printed = spawnSync(process.execPath, [BIN, 'demo', '--print-config'], { encoding: 'utf8' });
        expect(printed.status, printed.stderr).toBe(0);
        const file = join(dir, 'demo.yaml');
        writeFileSync(file, printed.stdout);
        // Its secrets are ${ENV} references: any long enough value passes the check.
        const secrets = Object.fromEntries([...printed.stdout.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => [m[1]!, 'a-secret-long-enough-for-every-check']));
        expect(Object.keys(secrets).length).toBeGreaterThan(0);
        expect(among(packagesLoadedBy(['check', file], { ...secrets, ...mode.env }), CONNECTOR_LIBRARIES)).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it(`${mode.name}: a unit outside the common ones loads the units library: the recorder sees CommonJS loads too`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'cw-cli-unit-'));
      try {
        const file = join(dir, 'inch.yaml');
        writeFileSync(file, readFileSync(SMALL, 'utf8').replace('unit: degC', 'unit: inch'));
        expect(among(packagesLoadedBy(['check', file], mode.env), ['mathjs'])).toEqual(['mathjs']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('lazy sub-commands', () => {
  it('list the same name and description as the command they load', async () => {
    for (const lazy of LAZY_COMMANDS) {
      const real = await lazy.load();
      expect([real.name(), real.description()]).toEqual([lazy.name, lazy.description]);
    }
  });
});
