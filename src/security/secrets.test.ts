import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decryptSecret, decryptSecrets, encryptSecret, hasSecrets, keyFileOf, loadKey } from './secrets.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('secrets at rest', () => {
  it('makes a 0600 key once and round-trips AES-256-GCM values', () => {
    dir = mkdtempSync(join(tmpdir(), 'causeway-secret-'));
    const file = keyFileOf(dir);
    const key = loadKey(file, true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadKey(file, false).equals(key)).toBe(true);
    const a = encryptSecret('s3cret-pass', key);
    const b = encryptSecret('s3cret-pass', key);
    expect(a).toMatch(/^enc:v1:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('s3cret');
    expect(decryptSecret(a, key)).toBe('s3cret-pass');
    expect(readFileSync(file, 'utf8')).not.toContain('s3cret');
  });

  it('refuses a changed value or another key, naming where it is in the config', () => {
    dir = mkdtempSync(join(tmpdir(), 'causeway-secret-'));
    const key = loadKey(keyFileOf(dir), true);
    const enc = encryptSecret('pw', key);
    const flipped = `${enc.slice(0, -2)}${enc.at(-2) === 'A' ? 'B' : 'A'}${enc.slice(-1)}`;
    expect(() => decryptSecret(flipped, key, 'x')).toThrow(/cannot be decrypted/);
    const config = { sources: [{ id: 'a', config: { password: encryptSecret('pw', Buffer.alloc(32, 7)) } }] };
    expect(() => decryptSecrets(config, () => key)).toThrow('The encrypted value at sources[0].config.password cannot be decrypted');
  });

  it('decrypts every enc:v1 string of a config and reads the key only when needed', () => {
    dir = mkdtempSync(join(tmpdir(), 'causeway-secret-'));
    const key = loadKey(keyFileOf(dir), true);
    const config = { site: { name: 'x' }, sinks: [{ config: { token: encryptSecret('tok', key), port: 1 } }], list: ['plain', encryptSecret('p2', key)] };
    expect(hasSecrets(config)).toBe(true);
    expect(decryptSecrets(config, () => key)).toEqual({ site: { name: 'x' }, sinks: [{ config: { token: 'tok', port: 1 } }], list: ['plain', 'p2'] });
    const plain = { a: 'b' };
    expect(decryptSecrets(plain, () => { throw new Error('no key needed'); })).toBe(plain);
    expect(() => loadKey(join(dir, 'missing.key'), false)).toThrow(/Cannot use the secret key/);
  });
});
