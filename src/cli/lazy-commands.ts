/** The CLI's sub-command groups, named and described here so `--help` lists them without loading them. */
import type { Command } from 'commander';

/** The sub-commands with sub-commands of their own, loaded only when named on the command line. */
export const LAZY_COMMANDS: ReadonlyArray<{ name: string; description: string; load: () => Promise<Command> }> = [
  { name: 'pki', description: 'the certificates of OPC UA connections: list them, trust a server, reject one', load: async () => (await import('./commands/pki.js')).pkiCommand() },
  { name: 'user', description: 'hub users: add one (the first admin, too), list, lock or unlock them', load: async () => (await import('./commands/user.js')).userCommand() },
  { name: 'token', description: 'API tokens for machines: create (the secret is shown once), list, revoke', load: async () => (await import('./commands/token.js')).tokenCommand() },
  { name: 'audit', description: 'the audit log: verify its keyed chain, list its newest records', load: async () => (await import('./commands/audit.js')).auditCommand() },
  { name: 'secret', description: 'secrets at rest in the config', load: async () => (await import('./commands/secret.js')).secretCommand() },
  { name: 'query', description: 'quick answers from the historian: raw samples, one value per bucket (--agg --interval), or values at an instant (--at)', load: async () => (await import('./commands/query.js')).queryCommand() },
  { name: 'export', description: 'export history to a CSV or Parquet file: raw samples, or with --agg and --interval one value per bucket', load: async () => (await import('./commands/export.js')).exportCommand() },
];
