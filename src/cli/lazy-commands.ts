/** The CLI's sub-command groups, named and described here so `--help` lists them without loading them. */
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import type * as CheckModule from './commands/check.js';

/** The sub-commands with sub-commands of their own, loaded only when named on the command line. */
export const LAZY_COMMANDS: ReadonlyArray<{ name: string; description: string; load: () => Promise<Command> }> = [
  { name: 'pki', description: 'the certificates of OPC UA connections: list them, trust a server, reject one', load: async () => (await import('./commands/pki.js')).pkiCommand() },
  { name: 'user', description: 'hub users: add one (the first admin, too), list, lock or unlock them', load: async () => (await import('./commands/user.js')).userCommand() },
  { name: 'token', description: 'API tokens for machines: create (the secret is shown once), list, revoke', load: async () => (await import('./commands/token.js')).tokenCommand() },
  { name: 'audit', description: 'the audit log: verify its keyed chain, list its newest records', load: async () => (await import('./commands/audit.js')).auditCommand() },
  { name: 'secret', description: 'secrets at rest in the config', load: async () => (await import('./commands/secret.js')).secretCommand() },
  { name: 'query', description: 'quick answers from the historian: raw samples, one value per bucket (--agg --interval), or values at an instant (--at)', load: async () => (await import('./commands/query.js')).queryCommand() },
  { name: 'advisories', description: 'security advisories (CSAF 2.0): import a folder (CISA layout or flat, checksums checked, incremental), show what is stored', load: async () => (await import('./commands/advisories.js')).advisoriesCommand() },
  { name: 'assets', description: 'the OT asset inventory: devices discovered from the connections and those added by hand', load: async () => (await import('./commands/assets.js')).assetsCommand() },
  { name: 'export', description: 'export history to a CSV or Parquet file: raw samples, or with --agg and --interval one value per bucket', load: async () => (await import('./commands/export.js')).exportCommand() },
];

type CheckCommands = typeof CheckModule;

/**
 * `causeway check` and `schema`: from dist/cli/check.bundle.js (their whole module graph in one file,
 * written by scripts/bundle-cli.mjs after tsc) when it is there and not older than the compiled
 * commands/check.js (a plain `tsc` rebuild leaves a stale bundle behind), else from the modules
 * themselves (as in tests run from src/, or with CAUSEWAY_NO_BUNDLE=1).
 */
export async function loadCheckCommands(): Promise<CheckCommands> {
  const bundle = new URL('./check.bundle.js', import.meta.url);
  if (process.env.CAUSEWAY_NO_BUNDLE !== '1') {
    const built = statSync(bundle, { throwIfNoEntry: false });
    const compiled = statSync(new URL('./commands/check.js', import.meta.url), { throwIfNoEntry: false });
    if (built && compiled && built.mtimeMs >= compiled.mtimeMs) return (await import(bundle.href)) as CheckCommands;
  }
  return import('./commands/check.js');
}
