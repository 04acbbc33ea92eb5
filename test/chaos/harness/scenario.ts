/**
 * What every scenario shares: its temp dir (removed afterwards unless CHAOS_KEEP=1), the CI and full
 * sizes (CHAOS_FULL=1), a random kill moment, a fresh schema on the shared PostgreSQL for scenarios
 * that do not stop the database, and skipping with a message when a needed binary is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { SERVICES, servicesRequired } from '../../../src/test-support/services.js';
import { killAll } from './procs.js';

/** CHAOS_FULL=1: the long variant (10-minute database outage, more kills, more load). */
export const FULL = process.env.CHAOS_FULL === '1';

const dirs: string[] = [];
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  await killAll();
  if (process.env.CHAOS_KEEP !== '1') for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  else if (dirs.length) console.log(`[chaos] kept ${dirs.join(', ')}`);
});

/** Run `fn` in afterAll, even when the test failed (clients, in-process servers). */
export function onCleanup(fn: () => Promise<unknown>): void {
  cleanups.push(fn);
}

/** A fresh temp dir for one scenario run. */
export function scenarioDir(name: string): string {
  const d = mkdtempSync(join(tmpdir(), `causeway-chaos-${name}-`));
  dirs.push(d);
  return d;
}

/** A whole number of ms in [min, max), for the moment of a kill. */
export function randomMs(min: number, max: number): number {
  return Math.floor(min + Math.random() * (max - min));
}

/** A describe() that needs `binary`: skipped with a message naming it, a failure with CAUSEWAY_REQUIRE_SERVICES=1. */
export function describeWithBinary(binary: string | undefined, name: string, title: string, body: () => void): void {
  if (binary) {
    describe(title, body);
    return;
  }
  const why = `${name} is not installed`;
  if (servicesRequired()) throw new Error(`${why}, and CAUSEWAY_REQUIRE_SERVICES=1 requires it.`);
  console.warn(`skipping "${title}": ${why}.`);
  describe.skip(`${title} (skipped: ${why})`, body);
}

/** A new, empty schema name on the shared PostgreSQL (127.0.0.1:5432, database test), dropped in afterAll. */
export function sharedPostgresSchema(): { kind: 'postgres'; host: string; port: number; user: string; database: string; schema: string } {
  const schema = `chaos_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  afterAll(async () => {
    const c = new pg.Client({ host: SERVICES.postgres.host, port: SERVICES.postgres.port, database: 'test', user: 'postgres' });
    await c.connect();
    try {
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await c.end();
    }
  });
  return { kind: 'postgres', host: SERVICES.postgres.host, port: SERVICES.postgres.port, user: 'postgres', database: 'test', schema };
}
