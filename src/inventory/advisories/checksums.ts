/**
 * The checksum files publishers ship beside each advisory (CISA: `<file>.json.sha512`, some also
 * `.sha256`): `<hex digest>  <file name>` as sha512sum writes it, or the bare digest.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export type ChecksumCheck =
  | { state: 'verified'; algorithm: 'sha512' | 'sha256' }
  | { state: 'missing' }
  | { state: 'mismatch'; algorithm: 'sha512' | 'sha256'; expected: string; actual: string }
  | { state: 'unreadable'; file: string; reason: string };

const ALGORITHMS = [{ algorithm: 'sha512', hexLength: 128 }, { algorithm: 'sha256', hexLength: 64 }] as const;

/** Check `bytes` (the content of `file`) against `<file>.sha512`, else `<file>.sha256`; `sha512` is its digest when already known. */
export function checkChecksum(file: string, bytes: Buffer, names: ReadonlySet<string>, sha512?: string): ChecksumCheck {
  for (const { algorithm, hexLength } of ALGORITHMS) {
    const sumFile = `${file}.${algorithm}`;
    if (!names.has(sumFile)) continue;
    let text: string;
    try {
      text = readFileSync(sumFile, 'utf8');
    } catch (e) {
      return { state: 'unreadable', file: sumFile, reason: e instanceof Error ? e.message : String(e) };
    }
    const expected = /^\s*([0-9a-fA-F]+)\b/.exec(text)?.[1]?.toLowerCase();
    if (expected === undefined || expected.length !== hexLength) return { state: 'unreadable', file: sumFile, reason: `it does not start with a ${hexLength}-digit hex ${algorithm.toUpperCase()} digest` };
    const actual = algorithm === 'sha512' && sha512 ? sha512 : createHash(algorithm).update(bytes).digest('hex');
    return expected === actual ? { state: 'verified', algorithm } : { state: 'mismatch', algorithm, expected, actual };
  }
  return { state: 'missing' };
}
