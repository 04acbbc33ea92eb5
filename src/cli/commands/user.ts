/**
 * `causeway user add|list|lock|unlock`: hub users from the command line, on the hub's data directory (the
 * hub may be running: the state is SQLite in WAL mode). Every change is in the audit log as
 * `cli:<os user>`. The password comes from CAUSEWAY_USER_PASSWORD (or --password-env), a hidden
 * prompt, or is generated and printed once.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import { isCausewayError } from '../../core/errors.js';
import { ROLES, Security, type Grant, type Role, type SecurityOptions } from '../../security/index.js';
import { generatePassword } from '../../security/passwords.js';

export interface Out {
  write(text: string): unknown;
}

/** What the security commands read and write; tests pass their own. */
export interface SecurityIo {
  out: Out;
  err: Out;
  env: Record<string, string | undefined>;
  /** Ask for a secret without echoing it; undefined when there is no terminal. */
  readSecret(question: string): Promise<string | undefined>;
}

export const USER_PASSWORD_ENV = 'CAUSEWAY_USER_PASSWORD';

/** Read a line from the terminal without showing it. */
export function promptHidden(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const mute = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    mute._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

export const defaultIo = (): SecurityIo => ({ out: process.stdout, err: process.stderr, env: process.env, readSecret: promptHidden });

/** The actor the audit log records for the command line. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** Open the hub state, run `fn`, close it; catalogue errors become an exit code with their hint. */
export async function withSecurity(dataDir: string, io: SecurityIo, fn: (s: Security) => Promise<number>, extra: Pick<SecurityOptions, 'audit'> = {}): Promise<number> {
  let security: Security | undefined;
  try {
    security = Security.open({ dataDir, now: Date.now, ...extra });
    return await fn(security);
  } catch (e) {
    if (!isCausewayError(e)) throw e;
    io.err.write(`${e.code}: ${e.message}\n${e.hint}\n`);
    return 1;
  } finally {
    security?.close();
  }
}

export interface UserAddOptions {
  dataDir: string;
  username: string;
  role: Role;
  zone?: string[];
  path?: string[];
  passwordEnv?: string;
  reset?: boolean;
}

/** Where the new password comes from: the environment, a prompt, or generated (then printed once). */
async function passwordFor(o: UserAddOptions, io: SecurityIo): Promise<{ password: string; generated: boolean }> {
  const fromEnv = io.env[o.passwordEnv ?? USER_PASSWORD_ENV];
  if (fromEnv) return { password: fromEnv, generated: false };
  const typed = await io.readSecret(`Password for ${o.username} (empty: generate one): `);
  return typed ? { password: typed, generated: false } : { password: generatePassword(), generated: true };
}

/** `causeway user add`: create a user (or with --reset, set a new password and add the role). */
export async function runUserAdd(o: UserAddOptions, io: SecurityIo): Promise<number> {
  return withSecurity(o.dataDir, io, async (s) => {
    const grant: Grant = { role: o.role, ...(o.zone?.length ? { zones: o.zone } : {}), ...(o.path?.length ? { paths: o.path } : {}) };
    const existing = s.users.byName(o.username);
    if (existing && !o.reset) {
      io.err.write(`There is already a user "${o.username}". Use --reset to give it a new password and this role.\n`);
      return 1;
    }
    const { password, generated } = await passwordFor(o, io);
    const by = { name: cliActor() };
    const user = existing
      ? await s.accounts.updateUser(by, existing.id, { password, disabled: false, grants: [...existing.grants.filter((g) => JSON.stringify(g) !== JSON.stringify(grant)), grant] })
      : await s.accounts.createUser(by, { username: o.username, password, grants: [grant] });
    io.out.write(`${existing ? 'Updated' : 'Created'} user ${user.username} with role ${o.role}${grant.zones ? ` in zones ${grant.zones.join(', ')}` : ''}${grant.paths ? ` at ${grant.paths.join(', ')}` : ''}.\n`);
    if (generated) io.out.write(`Password (shown once, store it safely): ${password}\n`);
    return 0;
  });
}

/** `causeway user list`. */
export async function runUserList(o: { dataDir: string }, io: SecurityIo): Promise<number> {
  return withSecurity(o.dataDir, io, async (s) => {
    const users = s.users.list();
    if (users.length === 0) io.out.write('No users yet: `causeway user add --role admin --username <name>` makes the first admin.\n');
    for (const u of users) {
      const grants = u.grants.map((g) => `${g.role}${g.zones ? `@${g.zones.join('|')}` : ''}${g.paths ? `:${g.paths.join('|')}` : ''}`).join(', ');
      io.out.write(`${u.username.padEnd(24)} ${u.disabled ? 'disabled ' : ''}${u.locked ? `locked by ${u.locked.by} ` : ''}${grants}\n`);
    }
    return 0;
  });
}

/** `causeway user lock|unlock`: an admin's lock on an account, recorded in the audit log. */
export async function runUserLock(o: { dataDir: string; username: string; lock: boolean; reason?: string }, io: SecurityIo): Promise<number> {
  return withSecurity(o.dataDir, io, async (s) => {
    const user = s.users.byName(o.username);
    if (!user) {
      io.err.write(`There is no user "${o.username}" (\`causeway user list\` shows them).\n`);
      return 1;
    }
    const by = { name: cliActor() };
    if (o.lock) s.accounts.lockUser(by, user.id, o.reason);
    else s.accounts.unlockUser(by, user.id);
    io.out.write(o.lock ? `Locked ${user.username}: nobody signs in as it until it is unlocked; its sessions ended (its API tokens still work).\n` : `Unlocked ${user.username}.\n`);
    return 0;
  });
}

export const dataDirOption = () => new Option('-d, --data-dir <dir>', "the hub's data directory").env('CAUSEWAY_DATA_DIR').default('./.causeway/data');

/** The `user` command. */
export function userCommand(io: SecurityIo = defaultIo()): Command {
  const user = new Command('user').description('hub users: add one (the first admin, too), list, lock or unlock them');
  user.command('add')
    .description(`create a user; the password comes from ${USER_PASSWORD_ENV}, a prompt, or is generated and shown once`)
    .addOption(new Option('--role <role>', 'the role').choices([...ROLES]).makeOptionMandatory())
    .option('-u, --username <name>', 'the user name', 'admin')
    .option('--zone <zone...>', 'limit the role to these zones')
    .option('--path <path...>', 'limit the role to these namespace subtrees')
    .option('--password-env <name>', `read the password from this environment variable (default ${USER_PASSWORD_ENV})`)
    .option('--reset', 'the user exists: set a new password and add the role')
    .addOption(dataDirOption())
    .action(async (o: UserAddOptions) => {
      process.exitCode = await runUserAdd(o, io);
    });
  user.command('lock').description('lock an account: nobody signs in as it, from any address, until it is unlocked (audited)')
    .argument('<username>').option('--reason <text>', 'why, for the audit log').addOption(dataDirOption())
    .action(async (username: string, o: { dataDir: string; reason?: string }) => {
      process.exitCode = await runUserLock({ ...o, username, lock: true }, io);
    });
  user.command('unlock').description('unlock an account an admin locked (audited)').argument('<username>').addOption(dataDirOption())
    .action(async (username: string, o: { dataDir: string }) => {
      process.exitCode = await runUserLock({ ...o, username, lock: false }, io);
    });
  user.command('list').description('list users and their grants').addOption(dataDirOption()).action(async (o: { dataDir: string }) => {
    process.exitCode = await runUserList(o, io);
  });
  return user;
}
