/**
 * Security against a real node-opcua server: the unsecured-link warning, user name and X.509 logins,
 * an unknown server certificate rejected then trusted through the PKI folders, the hub's own
 * certificate refused by the server, and a policy the server does not offer.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPCUACertificateManager, ServiceFault, StatusCodes } from 'node-opcua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TagConfig } from '../../config/schema.js';
import { isCausewayError, type CausewayError } from '../../core/errors.js';
import { freePort } from '../../test-support/services.js';
import { opcuaSource, type OpcuaConfig } from './index.js';
import { SourceSupervisor } from '../../runtime/supervisor.js';
import { connected, hubCertificate, memoryLogger, recorder, trustServer, until } from './__fixtures__/harness.js';
import { startTestServer, type TestServer } from './__fixtures__/server.mjs';
import { certificateInfo, listCertificates, trustCertificate } from './pki.js';

const TAGS = [{ id: 'counter', nodeId: 'ns=1;s=Line1.Counter' }] as unknown as TagConfig[];
let root: string;
let server: TestServer;
/** A data directory whose PKI and the server's trust each other. */
let trustedDataDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'causeway-opcua-sec-'));
  trustedDataDir = join(root, 'trusted-hub');
  server = await startTestServer({ port: await freePort(), pkiDir: join(root, 'server-pki'), trust: [await hubCertificate(join(trustedDataDir, 'pki/opcua'))] });
  await trustServer(join(trustedDataDir, 'pki/opcua'), server.certificate);
});

afterAll(async () => {
  await server?.stop();
  await rm(root, { recursive: true, force: true });
});

/** Connect a fresh source; the error it fails with, or undefined after closing it again. */
async function tryConnect(config: Partial<OpcuaConfig>, dataDir = trustedDataDir) {
  const rec = recorder('plc1', TAGS, dataDir);
  const source = opcuaSource.create({ endpointUrl: server.url, ...config }, rec.ctx);
  try {
    await source.connect(new AbortController().signal);
    return { rec, error: undefined };
  } catch (e) {
    return { rec, error: e as CausewayError };
  } finally {
    await source.close();
  }
}

describe('OPC UA security against a real server', () => {
  it('warns that securityMode None sends data unencrypted and unauthenticated, and still reads', async () => {
    const rec = recorder('plc1', TAGS, trustedDataDir);
    const source = await connected({ endpointUrl: server.url, securityMode: 'None', publishingInterval: 100 }, rec);
    try {
      const warning = rec.logs.find((l) => l.level === 40 && l.msg.includes('securityMode None'));
      expect(warning?.msg).toContain('sends data unencrypted and unauthenticated');
      await until(() => rec.last('counter') !== undefined);
    } finally {
      await source.close();
    }
    const secured = await tryConnect({});
    expect(secured.error).toBeUndefined();
    expect(secured.rec.logs.some((l) => l.msg.includes('unencrypted'))).toBe(false);
  });

  it('logs in with a user name and password, and names a refused login without the password', async () => {
    expect((await tryConnect({ auth: { type: 'username', username: 'operator', password: 'secret' } })).error).toBeUndefined();
    const refused = await tryConnect({ auth: { type: 'username', username: 'operator', password: 'wrong-Pa55word' } });
    expect(isCausewayError(refused.error, 'CW_SOURCE_AUTH_FAILED')).toBe(true);
    expect(refused.error!.message).toBe(`The server at ${server.url} refused the login of source plc1 as user "operator" (BadUserAccessDenied).`);
    expect(refused.error!.retryable).toBe(false);
    const everything = JSON.stringify([refused.error!.toJSON(), refused.rec.logs]);
    expect(everything).not.toContain('wrong-Pa55word');
  });

  it('logs in with an X.509 user certificate the server trusts', async () => {
    const maker = new OPCUACertificateManager({ rootFolder: join(root, 'user-pki'), automaticallyAcceptUnknownCertificate: false, disableFileWatchers: true });
    await maker.initialize();
    const certificateFile = join(root, 'user.pem');
    await maker.createSelfSignedCertificate({ applicationUri: 'urn:test:user:maria', dns: [], subject: '/CN=maria/O=Acme', startDate: new Date(), validity: 30, outputFile: certificateFile });
    await maker.dispose();
    const auth = { type: 'certificate' as const, certificateFile, privateKeyFile: join(root, 'user-pki/own/private/private_key.pem') };
    const untrusted = await tryConnect({ auth });
    expect(isCausewayError(untrusted.error, 'CW_SOURCE_AUTH_FAILED')).toBe(true);
    await server.trustUser(certificateInfo(await readFile(certificateFile)).der);
    expect((await tryConnect({ auth })).error).toBeUndefined();
  });

  it('rejects an unknown server certificate, lists it, and connects once it is trusted', async () => {
    const dataDir = join(root, 'new-hub');
    const pkiDir = join(dataDir, 'pki/opcua');
    await server.trust(await hubCertificate(pkiDir));
    const first = await tryConnect({}, dataDir);
    expect(isCausewayError(first.error, 'CW_SOURCE_CERT_UNTRUSTED')).toBe(true);
    const thumbprint = certificateInfo(server.certificate).thumbprint;
    expect(first.error!.message).toContain(thumbprint);
    expect(first.error!.hint).toContain(`\`causeway pki list\` then \`causeway pki trust ${thumbprint}\``);
    const listed = (await listCertificates(pkiDir)).find((c) => c.thumbprint === thumbprint);
    expect(listed).toMatchObject({ status: 'rejected' });
    // Still rejected on the next try: never trusted on its own.
    expect(isCausewayError((await tryConnect({}, dataDir)).error, 'CW_SOURCE_CERT_UNTRUSTED')).toBe(true);
    await trustCertificate(pkiDir, thumbprint.slice(0, 10));
    expect((await tryConnect({}, dataDir)).error).toBeUndefined();
  });

  it('retries a supervised source at once when its server certificate is trusted from the shell, not after its backoff', async () => {
    const dataDir = join(root, 'shell-hub');
    const pkiDir = join(dataDir, 'pki/opcua');
    await server.trust(await hubCertificate(pkiDir));
    const rec = recorder('plc1', TAGS, dataDir);
    const ref: { sup?: SourceSupervisor } = {};
    const source = opcuaSource.create({ endpointUrl: server.url }, { ...rec.ctx, reportError: (e: unknown) => ref.sup?.reportError(e) });
    // A ten-minute backoff: only the trust decision can bring the next attempt forward.
    const sup = (ref.sup = new SourceSupervisor({
      id: 'plc1', kind: 'opcua', zone: 'cell', role: 'source', logger: memoryLogger(rec.logs), source, pollIntervalMs: 1000,
      policy: { initialMs: 600_000, maxMs: 600_000, factor: 2, jitter: 0 }, onBatch: async () => {},
    }));
    sup.start();
    try {
      await until(() => sup.status().lastError?.code === 'CW_SOURCE_CERT_UNTRUSTED');
      expect(sup.status()).toMatchObject({ state: 'backoff', attempts: 1 });
      // What `causeway pki trust` does: move the certificate to trusted/certs.
      await trustCertificate(pkiDir, certificateInfo(server.certificate).thumbprint);
      await until(() => sup.status().state === 'connected');
      expect(sup.status().nextRetryAt).toBeUndefined();
    } finally {
      await sup.stop();
    }
  });

  it('gives two sources that start together on a new PKI one identity', async () => {
    const dataDir = join(root, 'twin-hub');
    const [a, b] = await Promise.all([tryConnect({}, dataDir), tryConnect({}, dataDir)]);
    expect([a.error?.code, b.error?.code]).toEqual(['CW_SOURCE_CERT_UNTRUSTED', 'CW_SOURCE_CERT_UNTRUSTED']);
    const listed = await listCertificates(join(dataDir, 'pki/opcua'));
    expect(listed.filter((c) => c.status === 'own')).toHaveLength(1);
  });

  it('says so when the server does not trust the hub\'s certificate', async () => {
    const dataDir = join(root, 'stranger-hub');
    const pkiDir = join(dataDir, 'pki/opcua');
    await trustServer(pkiDir, server.certificate);
    const { error } = await tryConnect({}, dataDir);
    expect(isCausewayError(error, 'CW_SOURCE_CERT_REJECTED')).toBe(true);
    const own = (await listCertificates(pkiDir)).find((c) => c.status === 'own')!;
    expect(error!.hint).toContain(own.thumbprint);
    expect(existsSync(join(root, 'server-pki/rejected'))).toBe(true);
    expect((await readdir(join(root, 'server-pki/rejected'))).some((f) => f.includes(own.thumbprint))).toBe(true);
  });

  it('says the server refused the hub\'s certificate, not a login, when CreateSession answers BadCertificateUntrusted', async () => {
    // Many servers (PLC firmware, gateways) accept an unsecured channel but check the client's
    // application certificate in CreateSession. This node-opcua server does that: it checks the
    // certificate the session request carries against its own trust list, which lacks the hub's.
    const strict = await startTestServer({ port: await freePort(), pkiDir: join(root, 'strict-server-pki'), trust: [] });
    try {
      const srv = strict.server as unknown as Record<string, unknown> & { serverCertificateManager: OPCUACertificateManager };
      const createSession = (srv._on_CreateSessionRequest as (m: unknown, c: unknown) => Promise<void>).bind(srv);
      srv._on_CreateSessionRequest = async (message: { request: { clientCertificate: Buffer } }, channel: { send_response(kind: string, r: unknown, m: unknown): void }) => {
        const status = await srv.serverCertificateManager.checkCertificate(message.request.clientCertificate);
        if (status === StatusCodes.Good) return createSession(message, channel);
        channel.send_response('MSG', new ServiceFault({ responseHeader: { serviceResult: StatusCodes.BadCertificateUntrusted } }), message);
      };
      const dataDir = join(root, 'unknown-to-strict-hub');
      const rec = recorder('plc1', TAGS, dataDir);
      const source = opcuaSource.create({ endpointUrl: strict.url, securityMode: 'None', securityPolicy: 'None' }, rec.ctx);
      const error = await source.connect(new AbortController().signal).then(() => undefined, (e: unknown) => e as CausewayError);
      await source.close();
      expect(error?.code).toBe('CW_SOURCE_CERT_REJECTED');
      const own = (await listCertificates(join(dataDir, 'pki/opcua'))).find((c) => c.status === 'own')!;
      expect(error!.hint).toContain(own.thumbprint);
      expect(error!.detail).toBe('BadCertificateUntrusted');
      expect(error!.message).not.toMatch(/login/);
    } finally {
      await strict.stop();
    }
  });

  it('names what the server offers when the wanted policy or login is not among it', async () => {
    const policy = await tryConnect({ securityPolicy: 'Aes256_Sha256_RsaPss' });
    expect(isCausewayError(policy.error, 'CW_SOURCE_SECURITY_UNSUPPORTED')).toBe(true);
    expect(policy.error!.message).toContain('does not offer SignAndEncrypt/Aes256_Sha256_RsaPss');
    expect(policy.error!.message).toContain('SignAndEncrypt/Basic256Sha256');
    const unreachable = await tryConnect({ endpointUrl: `opc.tcp://localhost:${await freePort()}` });
    expect(isCausewayError(unreachable.error, 'CW_SOURCE_CONNECT_FAILED')).toBe(true);
    expect(unreachable.error!.retryable).toBe(true);
  });
});
