/**
 * Broker passwords: stored as scrypt hashes (`scrypt$N$r$p$salt$hash`, base64), checked by
 * hashing the presented password with the same salt and comparing in constant time. An unknown
 * user costs the same work as a known one, so timing does not tell which user names exist.
 */
import { randomBytes } from 'node:crypto';
import { hashPassword, parsePasswordHash, verifyPassword, type PasswordHash } from '../security/passwords.js';

// The hashing itself is shared with hub users and lives in src/security/passwords.ts.
export { hashPassword, parsePasswordHash, verifyPassword, type PasswordHash };

/** The users of the broker, by name, with hashed passwords only. */
export class UserStore {
  readonly #users: ReadonlyMap<string, PasswordHash>;
  readonly #decoy: PasswordHash;

  private constructor(users: ReadonlyMap<string, PasswordHash>, decoy: PasswordHash) {
    this.#users = users;
    this.#decoy = decoy;
  }

  /** Hash plain passwords (kept nowhere else) and take stored hashes as they are. */
  static async create(users: ReadonlyArray<{ username: string; password?: string; passwordHash?: string }>): Promise<UserStore> {
    const map = new Map<string, PasswordHash>();
    for (const u of users) {
      const text = u.passwordHash ?? (await hashPassword(u.password ?? ''));
      const parsed = parsePasswordHash(text);
      if (typeof parsed === 'string') throw new Error(parsed);
      map.set(u.username, parsed);
    }
    const decoy = parsePasswordHash(await hashPassword(randomBytes(16).toString('hex'))) as PasswordHash;
    return new UserStore(map, decoy);
  }

  get size(): number {
    return this.#users.size;
  }

  /** True when the user exists and the password matches. */
  async check(username: string, password: Buffer | string): Promise<boolean> {
    const stored = this.#users.get(username);
    const ok = await verifyPassword(password, stored ?? this.#decoy);
    return ok && stored !== undefined;
  }
}
