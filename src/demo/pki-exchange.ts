/**
 * The demo's OPC UA trust exchange, done the way an engineer commissioning a real server would,
 * minus the phone call: make sure both sides have a certificate, then put each one into the
 * other's trusted folder. Nothing is auto-accepted: the hub's source still rejects any other
 * server, and the simulated server still rejects any other client.
 */
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { makeSubject, OPCUACertificateManager } from 'node-opcua';
import { openPki, OWN_CERTIFICATE } from '../sources/opcua/connection.js';
import { certificateInfo } from '../sources/opcua/pki.js';

/** Where node-opcua's server looks for its certificate below its PKI folder. */
export const SERVER_CERTIFICATE = 'own/certs/certificate.pem';

export interface CertificateSummary {
  thumbprint: string;
  subject: string;
}

export interface TrustExchangeOptions {
  /** The hub's OPC UA client PKI (`<data-dir>/pki/opcua`). */
  hubPkiDir: string;
  /** The simulated server's PKI. */
  serverPkiDir: string;
  /** The server's application URI; its certificate carries it. */
  serverApplicationUri: string;
  serverName: string;
  /** The subject of the hub's certificate when it is made (the demo site's, see own-certificate.ts). */
  hubSubject?: string;
}

/** The server's certificate, created on first use (ten years, for 127.0.0.1 and this host's names). */
async function ensureServerCertificate(cm: OPCUACertificateManager, o: TrustExchangeOptions): Promise<Buffer> {
  const file = join(o.serverPkiDir, SERVER_CERTIFICATE);
  const existing = await readFile(file).catch(() => undefined);
  if (existing) return certificateInfo(existing).der;
  await cm.createSelfSignedCertificate({
    applicationUri: o.serverApplicationUri,
    dns: [...new Set(['localhost', hostname()])],
    ip: ['127.0.0.1'],
    subject: makeSubject(o.serverName, hostname()),
    startDate: new Date(),
    validity: 3650,
    outputFile: file,
  });
  return certificateInfo(await readFile(file)).der;
}

/**
 * Make both certificates and trust each on the other side. Returns what was trusted, for the log.
 * Safe to run again: existing certificates are kept and trusting twice changes nothing.
 */
export async function exchangeOpcuaTrust(o: TrustExchangeOptions): Promise<{ hub: CertificateSummary; server: CertificateSummary }> {
  const hub = await openPki(o.hubPkiDir, o.hubSubject);
  const serverCm = new OPCUACertificateManager({ rootFolder: o.serverPkiDir, automaticallyAcceptUnknownCertificate: false, disableFileWatchers: true });
  try {
    await serverCm.initialize();
    const hubDer = certificateInfo(await readFile(join(o.hubPkiDir, OWN_CERTIFICATE))).der;
    const serverDer = await ensureServerCertificate(serverCm, o);
    await serverCm.trustCertificate(hubDer);
    await hub.cm.trustCertificate(serverDer);
    const summary = (der: Buffer): CertificateSummary => {
      const { thumbprint, subject } = certificateInfo(der);
      return { thumbprint, subject };
    };
    return { hub: summary(hubDer), server: summary(serverDer) };
  } finally {
    await serverCm.dispose();
    await hub.cm.dispose();
  }
}
