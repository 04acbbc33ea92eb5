/**
 * Password hashing: scrypt with a per-password random salt, stored as `scrypt$N$r$p$salt$hash`
 * (base64), checked by hashing the presented password with the same salt and comparing in constant
 * time. Shared by hub users and the embedded MQTT broker's users.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const DEFAULTS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** Shortest password a hub user may set. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted (bounds the hashing work an attacker can ask for). */
export const MAX_PASSWORD_LENGTH = 1024;

export interface PasswordHash {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function scrypt(password: string | Buffer, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

function memoryFor(h: { N: number; r: number }): number {
  // scrypt needs about 128 * N * r bytes; leave headroom above Node's 32 MiB default.
  return 256 * h.N * h.r + 1024 * 1024;
}

/** Hash a password for storage. */
export async function hashPassword(password: string, salt: Buffer = randomBytes(16)): Promise<string> {
  const hash = await scrypt(password, salt, KEY_LENGTH, { ...DEFAULTS, maxmem: memoryFor(DEFAULTS) });
  return `scrypt$${DEFAULTS.N}$${DEFAULTS.r}$${DEFAULTS.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Parse a stored hash; a string is the problem with it. */
export function parsePasswordHash(text: string): PasswordHash | string {
  const m = FORMAT.exec(text);
  if (!m) return 'a passwordHash looks like scrypt$16384$8$1$<salt>$<hash> (base64)';
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (N < 2 || (N & (N - 1)) !== 0 || N > 1_048_576 || r < 1 || r > 32 || p < 1 || p > 16) return 'the scrypt parameters of a passwordHash are out of range';
  const salt = Buffer.from(m[4]!, 'base64');
  const hash = Buffer.from(m[5]!, 'base64');
  if (salt.length < 8 || hash.length < 16) return 'the salt or hash of a passwordHash is too short';
  return { N, r, p, salt, hash };
}

/** True when `password` hashes to `stored`; the comparison takes the same time whatever differs. */
export async function verifyPassword(password: string | Buffer, stored: PasswordHash): Promise<boolean> {
  const key = await scrypt(password, stored.salt, stored.hash.length, { N: stored.N, r: stored.r, p: stored.p, maxmem: memoryFor(stored) });
  return timingSafeEqual(key, stored.hash);
}

let decoy: Promise<PasswordHash> | undefined;

/**
 * Check a password against a stored hash text, or against a decoy when there is none, so that an
 * unknown user name costs the same work as a known one and timing does not tell them apart.
 */
export async function checkPassword(password: string, stored: string | undefined): Promise<boolean> {
  decoy ??= hashPassword(randomBytes(16).toString('hex')).then((h) => parsePasswordHash(h) as PasswordHash);
  const parsed = stored === undefined ? undefined : parsePasswordHash(stored);
  const target = parsed === undefined || typeof parsed === 'string' ? await decoy : parsed;
  const ok = await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), target);
  return ok && target !== (await decoy);
}

/** Why a new password is not acceptable, or undefined. */
export function passwordProblem(password: string, username?: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `it has fewer than ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `it has more than ${MAX_PASSWORD_LENGTH} characters`;
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'it contains the user name';
  if (new Set(password).size < 5) return 'it repeats too few different characters';
  return undefined;
}

/** A random password that passes the policy, for generated accounts (printed once). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
