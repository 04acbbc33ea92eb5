/**
 * TLS for the API and the UI: the operator's own certificate and key (PEM files), or a self-signed
 * certificate the hub makes once in `<data dir>/tls/` (key 0600) and renews when it nears its end.
 * The certificate's SHA-256 fingerprint is printed so clients can pin or check it.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { isIP } from 'node:net';
import { CausewayError, detailOf } from '../core/errors.js';

export interface TlsSettings {
  cert?: string;
  key?: string;
  selfSigned?: boolean;
  hostnames?: string[];
}

export interface TlsMaterial {
  cert: string;
  key: string;
  /** SHA-256 fingerprint, colon-separated hex. */
  fingerprint: string;
  validTo: string;
  selfSigned: boolean;
  /** Where the certificate is. */
  certFile: string;
}

const RENEW_BEFORE_MS = 30 * 86_400_000;
const VALIDITY_DAYS = 825;

function readPem(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CausewayError('CW_SECURITY_TLS', { problem: `the ${what} ${file} cannot be read (${detailOf(e) ?? 'unknown error'})` }, { cause: e });
  }
}

/** Check that cert and key are PEM, belong together and the certificate is in force. */
function checked(cert: string, key: string, certFile: string, selfSigned: boolean, now: number): TlsMaterial {
  let x: X509Certificate;
  try {
    x = new X509Certificate(cert);
    if (!x.checkPrivateKey(createPrivateKey(key))) throw new Error('the key does not belong to the certificate');
  } catch (e) {
    throw new CausewayError('CW_SECURITY_TLS', { problem: detailOf(e) ?? 'the certificate or key is not valid PEM' }, { cause: e });
  }
  if (Date.parse(x.validTo) <= now) throw new CausewayError('CW_SECURITY_TLS', { problem: `the certificate ${certFile} expired on ${x.validTo}` });
  return { cert, key, fingerprint: x.fingerprint256, validTo: x.validTo, selfSigned, certFile };
}

/** Make a self-signed certificate for the given names and addresses. */
async function generate(names: readonly string[]): Promise<{ cert: string; key: string }> {
  // node-opcua-crypto (a dependency of its own, and the one node-opcua uses) builds X.509 certificates; Node itself cannot.
  const { createSelfSignedCertificate, generatePrivateKey, privateKeyToPEM, CertificatePurpose } = await import('node-opcua-crypto');
  const privateKey = await generatePrivateKey(2048);
  const { privPem } = await privateKeyToPEM(privateKey);
  const { cert } = await createSelfSignedCertificate({
    privateKey, subject: '/CN=Causeway hub/O=Causeway', validity: VALIDITY_DAYS, purpose: CertificatePurpose.ForApplication,
    dns: names.filter((n) => isIP(n) === 0), ip: names.filter((n) => isIP(n) !== 0), applicationUri: `urn:causeway:hub:${hostname()}`,
  });
  return { cert, key: privPem };
}

/** The TLS material for the API, from files or self-signed; throws CW_SECURITY_TLS. */
export async function loadTls(s: TlsSettings, dataDir: string, now = Date.now()): Promise<TlsMaterial> {
  const resolve = (f: string) => (isAbsolute(f) ? f : join(dataDir, f));
  if (s.cert || s.key) {
    if (!s.cert || !s.key || s.selfSigned) throw new CausewayError('CW_SECURITY_TLS', { problem: 'api.tls needs both cert and key, or selfSigned: true alone' });
    return checked(readPem(resolve(s.cert), 'certificate'), readPem(resolve(s.key), 'key'), resolve(s.cert), false, now);
  }
  if (!s.selfSigned) throw new CausewayError('CW_SECURITY_TLS', { problem: 'api.tls needs cert and key, or selfSigned: true' });
  const dir = join(dataDir, 'tls');
  const certFile = join(dir, 'hub-cert.pem');
  const keyFile = join(dir, 'hub-key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) {
    const current = checked(readPem(certFile, 'certificate'), readPem(keyFile, 'key'), certFile, true, now);
    if (Date.parse(current.validTo) - now > RENEW_BEFORE_MS) return current;
  }
  const names = s.hostnames ?? ['localhost', '127.0.0.1', '::1', hostname()];
  const made = await generate(names);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(keyFile, made.key, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  writeFileSync(certFile, made.cert);
  return checked(made.cert, made.key, certFile, true, now);
}
