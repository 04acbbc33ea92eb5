/** `causeway token create|list|revoke`: API tokens for machines, made on the hub's data directory. */
import { Command, Option } from 'commander';
import { PERMISSIONS, type Permission } from '../../security/index.js';
import { cliActor, dataDirOption, defaultIo, withSecurity, type SecurityIo } from './user.js';

export interface TokenCreateOptions {
  dataDir: string;
  user: string;
  name: string;
  scope?: Permission[];
  days?: number;
}

/** Create a token for a user; prints the secret once. */
export async function runTokenCreate(o: TokenCreateOptions, io: SecurityIo): Promise<number> {
  return withSecurity(o.dataDir, io, async (s) => {
    const owner = s.users.byName(o.user);
    if (!owner) {
      io.err.write(`There is no user "${o.user}"; \`causeway user list\` shows them.\n`);
      return 1;
    }
    const { token, secret } = s.accounts.createToken({ name: cliActor() }, owner, { name: o.name, ...(o.scope ? { scopes: o.scope } : {}), ...(o.days ? { expiresInDays: o.days } : {}) });
    io.out.write(`Created token ${token.id} "${token.name}" for ${owner.username}, scopes ${token.scopes.join(', ')}, valid until ${new Date(token.expiresAt!).toISOString()}.\n`);
    io.out.write(`Secret (shown once; send it as "Authorization: Bearer <secret>"):\n${secret}\n`);
    return 0;
  });
}

/** List tokens (never their secrets). */
export async function runTokenList(o: { dataDir: string }, io: SecurityIo): Promise<number> {
  return withSecurity(o.dataDir, io, async (s) => {
    for (const t of s.tokens.list()) {
      const owner = s.users.get(t.userId)?.username ?? '?';
      io.out.write(`${t.id}  ${t.name.padEnd(20)} ${owner.padEnd(16)} ${t.scopes.join(',').padEnd(36)} ${t.expiresAt ? `until ${new Date(t.expiresAt).toISOString()}` : ''}\n`);
    }
    return 0;
  });
}

/** Revoke a token by id. */
export async function runTokenRevoke(id: string, o: { dataDir: string }, io: SecurityIo): Promise<number> {
  return withSecurity(o.dataDir, io, async (s) => {
    const token = s.tokens.get(id);
    if (!token) {
      io.err.write(`There is no token "${id}"; \`causeway token list\` shows them.\n`);
      return 1;
    }
    s.accounts.revokeToken({ name: cliActor() }, token, s.users.get(token.userId)?.username ?? '?');
    io.out.write(`Revoked token ${id}.\n`);
    return 0;
  });
}

/** The `token` command. */
export function tokenCommand(io: SecurityIo = defaultIo()): Command {
  const token = new Command('token').description('API tokens for machines: create (the secret is shown once), list, revoke');
  token.command('create')
    .description('create an API token for a user')
    .requiredOption('--user <name>', 'the user the token acts for')
    .requiredOption('--name <name>', 'what the token is for, e.g. erp-connector')
    .addOption(new Option('--scope <permission...>', 'the permissions it may use (default: all the user holds)').choices([...PERMISSIONS]))
    .option('--days <n>', 'days until it expires (default 90)', (v) => Number.parseInt(v, 10))
    .addOption(dataDirOption())
    .action(async (o: TokenCreateOptions) => {
      process.exitCode = await runTokenCreate(o, io);
    });
  token.command('list').description('list tokens (never their secrets)').addOption(dataDirOption()).action(async (o: { dataDir: string }) => {
    process.exitCode = await runTokenList(o, io);
  });
  token.command('revoke').description('revoke a token').argument('<id>', 'the token id').addOption(dataDirOption()).action(async (id: string, o: { dataDir: string }) => {
    process.exitCode = await runTokenRevoke(id, o, io);
  });
  return token;
}
