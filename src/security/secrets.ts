/**
 * Secrets at rest: config values written as `enc:v1:<base64url(iv | tag | ciphertext)>`, encrypted
 * with AES-256-GCM under a key kept in `<data dir>/secret.key` (made on first use, mode 0600).
 * `causeway secret encrypt` makes such values; the hub decrypts them when it loads the config.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CausewayError, detailOf } from '../core/errors.js';

export const SECRET_PREFIX = 'enc:v1:';
export const KEY_FILE = 'secret.key';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key file of a data directory. */
export function keyFileOf(dataDir: string): string {
  return join(dataDir, KEY_FILE);
}

/** Read the key; with `create`, make one (0600) when there is none. */
export function loadKey(file: string, create: boolean): Buffer {
  try {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new CausewayError('CW_SECURITY_SECRET_KEY', { file, reason: 'it does not hold a 256-bit key' });
    return key;
  } catch (e) {
    if (e instanceof CausewayError) throw e;
    if ((e as { code?: string }).code !== 'ENOENT' || !create) throw new CausewayError('CW_SECURITY_SECRET_KEY', { file, reason: detailOf(e) ?? 'unknown error' }, { cause: e });
  }
  const key = randomBytes(32);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  } catch (e) {
    // Another process made it first: use theirs.
    if ((e as { code?: string }).code === 'EEXIST') return loadKey(file, false);
    throw new CausewayError('CW_SECURITY_SECRET_KEY', { file, reason: detailOf(e) ?? 'unknown error' }, { cause: e });
  }
  return key;
}

/** Encrypt a secret for the config. */
export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${SECRET_PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Decrypt an `enc:v1:` value; throws CW_SECURITY_SECRET_DECRYPT (naming `where`) when it is not ours or was changed. */
export function decryptSecret(text: string, key: Buffer, where = 'the value'): string {
  try {
    const raw = Buffer.from(text.slice(SECRET_PREFIX.length), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('too short');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch (e) {
    throw new CausewayError('CW_SECURITY_SECRET_DECRYPT', { where }, { cause: e });
  }
}

function walk(value: unknown, at: string, visit: (s: string, at: string) => string): unknown {
  if (typeof value === 'string') return value.startsWith(SECRET_PREFIX) ? visit(value, at) : value;
  if (Array.isArray(value)) return value.map((v, i) => walk(v, `${at}[${i}]`, visit));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, at ? `${at}.${k}` : k, visit)]));
  }
  return value;
}

/** True when some string in the config is an encrypted secret. */
export function hasSecrets(config: unknown): boolean {
  let found = false;
  walk(config, '', (s) => ((found = true), s));
  return found;
}

/** The config with every `enc:v1:` string decrypted; the key is read only when there is one. */
export function decryptSecrets<T>(config: T, key: () => Buffer): T {
  if (!hasSecrets(config)) return config;
  const k = key();
  return walk(config, '', (s, at) => decryptSecret(s, k, at)) as T;
}
