/**
 * `causeway secret encrypt`: turn a secret into an `enc:v1:…` value for the config, encrypted with
 * AES-256-GCM under the data directory's key (made on first use, 0600). The value is read from a
 * hidden prompt or standard input, never from the command line (shell history, process lists).
 */
import { Command } from 'commander';
import { encryptSecret, keyFileOf, loadKey } from '../../security/secrets.js';
import { isCausewayError } from '../../core/errors.js';
import { dataDirOption, defaultIo, type SecurityIo } from './user.js';

/** Read everything piped to standard input. */
async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Encrypt one secret; prints the config value. */
export async function runSecretEncrypt(o: { dataDir: string }, io: SecurityIo, read: () => Promise<string | undefined> = readStdin): Promise<number> {
  const plain = (await io.readSecret('Secret to encrypt: ')) ?? (await read());
  if (!plain) {
    io.err.write('No secret given: type it at the prompt, or pipe it in (printf %s "$PASSWORD" | causeway secret encrypt).\n');
    return 1;
  }
  try {
    const key = loadKey(keyFileOf(o.dataDir), true);
    io.out.write(`${encryptSecret(plain, key)}\n`);
    io.err.write(`Put this value in the config in place of the secret; the hub using data directory ${o.dataDir} decrypts it. Back up ${keyFileOf(o.dataDir)}: without it the value cannot be read.\n`);
    return 0;
  } catch (e) {
    if (!isCausewayError(e)) throw e;
    io.err.write(`${e.code}: ${e.message}\n${e.hint}\n`);
    return 1;
  }
}

/** The `secret` command. */
export function secretCommand(io: SecurityIo = defaultIo()): Command {
  const secret = new Command('secret').description('secrets at rest in the config');
  secret.command('encrypt').description('encrypt a secret (from a prompt or standard input) into an enc:v1:… config value').addOption(dataDirOption()).action(async (o: { dataDir: string }) => {
    process.exitCode = await runSecretEncrypt(o, io);
  });
  return secret;
}
