import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAZY_COMMANDS } from '../../src/cli/lazy-commands.js';

const BIN = fileURLToPath(new URL('../../bin/causeway.js', import.meta.url));
const HEAVY = ['node-opcua', '@duckdb', 'fastify', 'pg', 'mqtt', 'mathjs', 'better-sqlite3', 'nats', 'modbus-serial', 'pino'];

/**
 * The packages a compiled CLI run resolves, recorded by a module resolve hook into a file (the CLI
 * is ESM, so require.cache would not see them; module.register works on Node 20, 22 and 24).
 */
function packagesLoadedBy(args: string[]): Set<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cw-cli-imports-'));
  const log = join(dir, 'resolved.log');
  const hooks = `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function resolve(spec, ctx, next) { const r = await next(spec, ctx); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }
  `)}`;
  const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hooks)});`)}`;
  try {
    const r = spawnSync(process.execPath, ['--import', register, BIN, ...args], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const urls = readFileSync(log, 'utf8').split('\n');
    return new Set(urls.map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1]).filter((p): p is string => p !== undefined));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const built = existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)));

describe.skipIf(!built)('CLI start-up (compiled CLI in dist/; run `npx tsc -p tsconfig.build.json` first)', () => {
  for (const args of [['--version'], ['--help']]) {
    it(`causeway ${args.join(' ')} loads none of the hub's heavy packages`, () => {
      const loaded = packagesLoadedBy(args);
      expect(loaded.has('commander')).toBe(true);
      expect(HEAVY.filter((p) => [...loaded].some((l) => l === p || l.startsWith(`${p}/`)))).toEqual([]);
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
