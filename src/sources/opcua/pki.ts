/**
 * The OPC UA client PKI as folders: `own/certs` (the hub's certificate), `trusted/certs` (servers
 * the hub trusts) and `rejected` (servers it met but does not trust). Listing reads the files;
 * trusting and rejecting move a file between `rejected/` and `trusted/certs/`, which is all
 * node-opcua's certificate manager looks at when the source next connects.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CausewayError } from '../../core/errors.js';

export type CertificateStatus = 'trusted' | 'rejected' | 'own';

/** One certificate file of the PKI. */
export interface CertificateEntry {
  /** SHA-1 of the DER certificate, lowercase hex: what OPC UA tools show. */
  thumbprint: string;
  subject: string;
  status: CertificateStatus;
  /** Start of validity, ISO 8601. */
  validFrom: string;
  /** End of validity, ISO 8601. */
  validTo: string;
  file: string;
}

/** The PKI folder of an OPC UA source's config: its `pkiDir`, else `<data dir>/pki/opcua` (shared by every such source). */
export function pkiDirFor(config: { pkiDir?: unknown } | undefined, dataDir: string): string {
  return typeof config?.pkiDir === 'string' && config.pkiDir ? config.pkiDir : join(dataDir, 'pki', 'opcua');
}

/** The folder of each status below the PKI root. */
export const PKI_FOLDERS: Readonly<Record<CertificateStatus, string>> = { own: 'own/certs', trusted: 'trusted/certs', rejected: 'rejected' };
const CERT_FILE = /\.(pem|der|crt|cer)$/i;

/** The first certificate of a DER buffer that may hold a chain (certificates back to back). */
export function firstDer(der: Buffer): Buffer {
  if (der.length < 2 || der[0] !== 0x30) return der;
  const first = der[1]!;
  if (first < 0x80) return der.subarray(0, 2 + first);
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + der[2 + i]!;
  return der.subarray(0, Math.min(der.length, 2 + n + len));
}

/** A certificate's time as ISO 8601 (as X509Certificate writes it when it cannot be read). */
function isoTime(text: string): string {
  const t = new Date(text);
  return Number.isNaN(t.getTime()) ? text : t.toISOString();
}

/** Thumbprint, subject and validity of a certificate given as DER (or a DER chain) or PEM. */
export function certificateInfo(data: Buffer): { thumbprint: string; subject: string; validFrom: string; validTo: string; der: Buffer } {
  const isPem = data.subarray(0, 64).toString('latin1').includes('-----BEGIN');
  const x509 = new X509Certificate(isPem ? data : firstDer(data));
  const der = x509.raw;
  return {
    thumbprint: createHash('sha1').update(der).digest('hex'),
    // Common name first: it is what people recognise a server by.
    subject: x509.subject.split('\n').sort((a, b) => Number(b.startsWith('CN=')) - Number(a.startsWith('CN='))).join(', '),
    validFrom: isoTime(x509.validFrom),
    validTo: isoTime(x509.validTo),
    der,
  };
}

/** A thumbprint as users paste it (any case, with colons or spaces) in the form the PKI uses. */
export function normalizeThumbprint(text: string): string {
  return text.replace(/[\s:]/g, '').toLowerCase();
}

/** The certificates of one status folder; unreadable files are skipped. */
async function listFolder(pkiDir: string, status: CertificateStatus): Promise<CertificateEntry[]> {
  const dir = join(pkiDir, PKI_FOLDERS[status]);
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: CertificateEntry[] = [];
  for (const name of names.filter((n) => CERT_FILE.test(n)).sort()) {
    const file = join(dir, name);
    try {
      const info = certificateInfo(await readFile(file));
      out.push({ thumbprint: info.thumbprint, subject: info.subject, status, validFrom: info.validFrom, validTo: info.validTo, file });
    } catch {
      // Not a certificate (a half-written file, a key in the wrong place): not ours to judge here.
    }
  }
  return out;
}

/** Every certificate of the PKI: own first, then trusted, then rejected. A missing folder lists nothing. */
export async function listCertificates(pkiDir: string): Promise<CertificateEntry[]> {
  const lists = await Promise.all((['own', 'trusted', 'rejected'] as const).map((s) => listFolder(pkiDir, s)));
  return lists.flat();
}

/** The trusted or rejected entries of the one certificate a thumbprint prefix names. */
async function findByPrefix(pkiDir: string, prefixText: string): Promise<CertificateEntry[]> {
  const prefix = normalizeThumbprint(prefixText);
  const all = await listCertificates(pkiDir);
  const matches = /^[0-9a-f]+$/.test(prefix) ? all.filter((e) => e.status !== 'own' && e.thumbprint.startsWith(prefix)) : [];
  const distinct = new Set(matches.map((e) => e.thumbprint));
  if (distinct.size === 0) throw new CausewayError('CW_PKI_CERT_NOT_FOUND', { prefix: prefixText, dir: pkiDir });
  if (distinct.size > 1) throw new CausewayError('CW_PKI_CERT_AMBIGUOUS', { prefix: prefixText, count: distinct.size });
  return matches;
}

/** Move the named certificate into `status`; already there, it stays. Returns its entry afterwards. */
async function moveTo(pkiDir: string, prefix: string, status: 'trusted' | 'rejected'): Promise<CertificateEntry> {
  const matches = await findByPrefix(pkiDir, prefix);
  const dest = join(pkiDir, PKI_FOLDERS[status]);
  await mkdir(dest, { recursive: true });
  let result: CertificateEntry | undefined;
  for (const entry of matches) {
    if (entry.status === status) {
      result ??= entry;
      continue;
    }
    const file = join(dest, basename(entry.file));
    await rename(entry.file, file);
    result = { ...entry, status, file };
  }
  return result!;
}

/** Trust a server certificate: move it from `rejected/` to `trusted/certs/`. */
export function trustCertificate(pkiDir: string, thumbprintPrefix: string): Promise<CertificateEntry> {
  return moveTo(pkiDir, thumbprintPrefix, 'trusted');
}

/** Stop trusting a server certificate: move it from `trusted/certs/` to `rejected/`. */
export function rejectCertificate(pkiDir: string, thumbprintPrefix: string): Promise<CertificateEntry> {
  return moveTo(pkiDir, thumbprintPrefix, 'rejected');
}

/**
 * Resolves when something changes in the PKI's trusted folder (a certificate trusted, from the shell
 * or the API), or when `signal` aborts. A folder that cannot be watched never resolves on its own.
 */
export function trustedChanged(pkiDir: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    let watcher: FSWatcher | undefined;
    const done = () => {
      watcher?.close();
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    try {
      watcher = watch(join(pkiDir, PKI_FOLDERS.trusted), { persistent: false }, done);
      watcher.on('error', () => watcher?.close());
    } catch {
      // No trusted folder yet: the supervisor's backoff still retries.
    }
  });
}
