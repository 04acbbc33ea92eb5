/**
 * One connection to an OPC UA server, built fresh on every connect: the client PKI, endpoint
 * discovery (GetEndpoints), the check of the server's certificate against the PKI, the secure
 * channel and the session. node-opcua's own reconnection is off (maxRetry 0): when the link breaks
 * the source reports it and the runtime's supervisor closes everything and connects again.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { MessageSecurityMode, OPCUACertificateManager, OPCUAClient, makeSubject, type ClientSession, type EndpointDescription } from 'node-opcua';
import { CausewayError } from '../../core/errors.js';
import type { DeviceInfo } from '../types.js';
import { LoginFailed } from './failures.js';
import { postureOf } from './posture.js';
import { certificateInfo } from './pki.js';
import type { AuthConfig, SecurityModeName, SecurityPolicyName } from './schema.js';
import { identityOf, loginOffered, modeOf, offeredLogins, offeredSecurity, policyUriOf, selectEndpoint } from './security.js';

export const APPLICATION_NAME = 'Causeway';
/** The hub's own certificate, where node-opcua's client looks for it. */
export const OWN_CERTIFICATE = 'own/certs/client_certificate.pem';
/** No retries inside node-opcua: the supervisor owns reconnection. */
const NO_RETRY = { maxRetry: 0, initialDelay: 100, maxDelay: 200, randomisationFactor: 0 };

export interface LinkOptions {
  sourceId: string;
  endpointUrl: string;
  mode: SecurityModeName;
  policy: SecurityPolicyName;
  auth: AuthConfig;
  pkiDir: string;
  sessionTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveIntervalMs: number;
}

/** What a connection holds. Filled step by step, so a half-built one can be closed too. */
export interface LinkParts {
  cm?: OPCUACertificateManager;
  discovery?: OPCUAClient;
  client?: OPCUAClient;
  session?: ClientSession;
  endpoint?: EndpointDescription;
  ownThumbprint?: string;
  /** What the endpoints say of the server's security, for the inventory (see posture.ts). */
  posture?: DeviceInfo;
}

export type Link = Required<Omit<LinkParts, 'discovery' | 'posture'>>;

const ownCertificateCreation = new Map<string, Promise<void>>();

/** The application URI of the hub: the one in its certificate when it has one, so a new host name does not break it. */
function applicationUriOf(pkiDir: string): string {
  const file = join(pkiDir, OWN_CERTIFICATE);
  if (existsSync(file)) {
    const san = new X509Certificate(readFileSync(file)).subjectAltName ?? '';
    const uri = /URI:([^,\s]+)/.exec(san)?.[1];
    if (uri) return uri;
  }
  return `urn:${hostname()}:${APPLICATION_NAME}`;
}

/**
 * Create the hub's own certificate in the PKI when it has none; returns its thumbprint. `subject` is
 * the one the site's config asks for (see own-certificate.ts); an existing certificate is kept.
 */
export async function ensureOwnCertificate(cm: OPCUACertificateManager, pkiDir: string, subject?: string): Promise<string> {
  const file = join(pkiDir, OWN_CERTIFICATE);
  if (!existsSync(file)) {
    // One creation per folder at a time: several sources share the hub's PKI.
    let pending = ownCertificateCreation.get(pkiDir);
    if (!pending) {
      pending = cm.createSelfSignedCertificate({
        applicationUri: applicationUriOf(pkiDir),
        dns: [hostname()],
        subject: subject ?? makeSubject(APPLICATION_NAME, hostname()),
        startDate: new Date(),
        validity: 3650,
        outputFile: file,
      });
      ownCertificateCreation.set(pkiDir, pending);
      pending.finally(() => ownCertificateCreation.delete(pkiDir)).catch(() => undefined);
    }
    await pending;
  }
  return certificateInfo(await readFile(file)).thumbprint;
}

/** Open the client PKI at `pkiDir` (created when missing). Unknown server certificates are rejected, never trusted. */
export async function openPki(pkiDir: string, subject?: string): Promise<{ cm: OPCUACertificateManager; ownThumbprint: string }> {
  const cm = new OPCUACertificateManager({ rootFolder: pkiDir, automaticallyAcceptUnknownCertificate: false, disableFileWatchers: true });
  await cm.initialize();
  return { cm, ownThumbprint: await ensureOwnCertificate(cm, pkiDir, subject) };
}

/** A promise that also settles when `signal` aborts. */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('connect was aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('connect was aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function clientOptions(o: LinkOptions, cm: OPCUACertificateManager, name: string) {
  return {
    applicationName: APPLICATION_NAME,
    applicationUri: applicationUriOf(o.pkiDir),
    clientName: `${APPLICATION_NAME}-${o.sourceId}-${name}`,
    clientCertificateManager: cm,
    connectionStrategy: NO_RETRY,
    endpointMustExist: false,
    defaultTransactionTimeout: o.requestTimeoutMs,
  };
}

/** The endpoints the server offers, asked over an unsecured discovery channel (as OPC UA intends). */
async function discoverEndpoints(o: LinkOptions, parts: LinkParts, signal: AbortSignal): Promise<EndpointDescription[]> {
  const discovery = OPCUAClient.create({ ...clientOptions(o, parts.cm!, 'discovery'), securityMode: MessageSecurityMode.None });
  parts.discovery = discovery;
  try {
    await abortable(discovery.connect(o.endpointUrl), signal);
    return await abortable(discovery.getEndpoints(), signal);
  } finally {
    parts.discovery = undefined;
    await discovery.disconnect().catch(() => undefined);
  }
}

/** The endpoint to use: the configured mode and policy, with the configured login; else the error naming what is offered. */
function chooseEndpoint(o: LinkOptions, endpoints: EndpointDescription[]): EndpointDescription {
  const endpoint = selectEndpoint(endpoints, o.mode, o.policy);
  const base = { source: o.sourceId, target: o.endpointUrl };
  if (!endpoint) throw new CausewayError('CW_SOURCE_SECURITY_UNSUPPORTED', { ...base, wanted: `${o.mode}/${o.policy}`, offered: offeredSecurity(endpoints) });
  if (!loginOffered(endpoint, o.auth)) {
    throw new CausewayError('CW_SOURCE_SECURITY_UNSUPPORTED', { ...base, wanted: `the ${o.auth.type} login on ${o.mode}/${o.policy}`, offered: offeredLogins(endpoint) });
  }
  return endpoint;
}

/** Check the server's certificate against the PKI; an unknown one lands in `rejected/` and fails the connect. */
async function checkServerCertificate(o: LinkOptions, cm: OPCUACertificateManager, endpoint: EndpointDescription): Promise<void> {
  const cert = endpoint.serverCertificate;
  if (!cert || cert.length === 0) throw new Error('the server sent no certificate with its secured endpoint');
  const status = await cm.checkCertificate(cert);
  if (status.isGood()) return;
  const info = certificateInfo(cert);
  if (status.name !== 'BadCertificateUntrusted') {
    // Trusting would not help (expired, revoked, malformed): the server needs a new certificate.
    const reason = `the server's certificate (${info.subject}, thumbprint ${info.thumbprint}) fails the check with ${status.name}`;
    throw new CausewayError('CW_SOURCE_CONNECT_FAILED', { source: o.sourceId, target: o.endpointUrl, reason });
  }
  throw new CausewayError(
    'CW_SOURCE_CERT_UNTRUSTED',
    { source: o.sourceId, target: o.endpointUrl, subject: info.subject, thumbprint: info.thumbprint },
    { detail: `${status.name}; the certificate was put in ${join(o.pkiDir, 'rejected')}` },
  );
}

/** The login identity; a user certificate is read from its files. */
async function identity(auth: AuthConfig) {
  if (auth.type !== 'certificate') return identityOf(auth);
  const [cert, key] = await Promise.all([readFile(auth.certificateFile), readFile(auth.privateKeyFile, 'utf8')]);
  return identityOf(auth, { certificate: certificateInfo(cert).der, privateKey: key });
}

/** Build a connection step by step into `parts`; throws on the first failure (the caller closes `parts`). */
export async function openLink(o: LinkOptions, parts: LinkParts, signal: AbortSignal): Promise<Link> {
  const pki = await abortable(openPki(o.pkiDir), signal);
  parts.cm = pki.cm;
  parts.ownThumbprint = pki.ownThumbprint;
  const endpoints = await discoverEndpoints(o, parts, signal);
  const endpoint = chooseEndpoint(o, endpoints);
  parts.endpoint = endpoint;
  parts.posture = postureOf(endpoints, endpoint);
  const secured = o.mode !== 'None';
  if (secured) await abortable(checkServerCertificate(o, pki.cm, endpoint), signal);
  const client = OPCUAClient.create({
    ...clientOptions(o, pki.cm, 'session'),
    securityMode: modeOf(o.mode),
    securityPolicy: policyUriOf(o.policy),
    ...(secured && endpoint.serverCertificate ? { serverCertificate: endpoint.serverCertificate } : {}),
    keepSessionAlive: true,
    keepAliveInterval: o.keepAliveIntervalMs,
    requestedSessionTimeout: o.sessionTimeoutMs,
  });
  parts.client = client;
  await abortable(client.connect(o.endpointUrl), signal);
  const login = await identity(o.auth);
  let session: ClientSession;
  try {
    session = await abortable(client.createSession(login), signal);
  } catch (e) {
    throw new LoginFailed(e, o.auth.type === 'certificate');
  }
  parts.session = session;
  return { cm: pki.cm, client, session, endpoint, ownThumbprint: pki.ownThumbprint };
}

/** Settle within `ms` whatever `p` does: closing must never hang the supervisor. */
function bounded(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    p.catch(() => undefined).finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Release a connection: session (deleting its subscriptions on the server), channel, discovery client, PKI. */
export async function closeLink(parts: LinkParts, timeoutMs: number): Promise<void> {
  const { session, client, discovery, cm } = parts;
  if (session) await bounded(session.close(true), timeoutMs);
  if (client) await bounded(client.disconnect(), timeoutMs);
  if (discovery) await bounded(discovery.disconnect(), timeoutMs);
  if (cm) await bounded(cm.dispose(), timeoutMs);
}
