/**
 * The simulated OPC UA server against the hub's own OPC UA source: SignAndEncrypt with the
 * certificates the demo exchanged (nothing auto-accepted on either side), BuildInfo, and the
 * filler's writable speed setpoint.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../sources/types.js';
import { connected, recorder, until, type Recorder } from '../../sources/opcua/__fixtures__/harness.js';
import { opcuaSource } from '../../sources/opcua/index.js';
import { listCertificates, trustCertificate } from '../../sources/opcua/pki.js';
import { demoOpcuaPoints } from '../opcua-model.js';
import { exchangeOpcuaTrust } from '../pki-exchange.js';
import { freePorts } from '../setup.js';
import { OPCUA_BUILD_INFO, OPCUA_SERVER_NAME, OPCUA_SERVER_URI, startOpcuaServer } from './opcua-server.js';
import type { RunningDevice } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'causeway-demo-opcua-'));
const hubPki = join(dir, 'hub-pki');
const serverPki = join(dir, 'server-pki');
const tags = demoOpcuaPoints().filter((p) => p.line === 1 && p.machine === 'filler').map((p) => ({ id: p.tagId, nodeId: p.nodeId }));
const SETPOINT = 'line1_filler_speed_setpoint';

describe('the simulated OPC UA server', () => {
  let device: RunningDevice;
  let url: string;
  let rec: Recorder;
  let source: Source;

  beforeAll(async () => {
    const [port] = await freePorts(1);
    await exchangeOpcuaTrust({ hubPkiDir: hubPki, serverPkiDir: serverPki, serverApplicationUri: OPCUA_SERVER_URI, serverName: OPCUA_SERVER_NAME });
    device = await startOpcuaServer({ port: port!, pkiDir: serverPki, seed: 42, epochMs: Date.now(), logger: pino({ level: 'silent' }) });
    url = device.endpoint;
    rec = recorder('packaging-opcua', tags, dir);
    source = await connected({ endpointUrl: url, pkiDir: hubPki, publishingInterval: 200 }, rec);
  }, 60_000);

  afterAll(async () => {
    await source?.close();
    await device?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the filler\'s variables over Basic256Sha256 SignAndEncrypt', async () => {
    await until(() => tags.every((t) => rec.last(t.id) !== undefined));
    expect(rec.last('line1_filler_running')?.value).toEqual(expect.any(Boolean));
    expect(rec.last(SETPOINT)?.value).toBe(600);
    expect(rec.errors).toEqual([]);
  });

  it('tells who it is', async () => {
    expect(await source.discover!()).toMatchObject({ manufacturer: OPCUA_BUILD_INFO.manufacturerName, product: OPCUA_BUILD_INFO.productName, softwareVersion: OPCUA_BUILD_INFO.softwareVersion, buildNumber: OPCUA_BUILD_INFO.buildNumber });
  });

  it('takes a written speed setpoint, and refuses one outside the speed range or a write to a measurement', async () => {
    await source.write!(SETPOINT, 720);
    await until(() => rec.last(SETPOINT)?.value === 720);
    await expect(source.write!(SETPOINT, 5000)).rejects.toMatchObject({ code: 'CW_SOURCE_WRITE_FAILED' });
    await expect(source.write!('line1_filler_speed', 100)).rejects.toMatchObject({ code: 'CW_SOURCE_WRITE_FAILED' });
    expect(rec.last(SETPOINT)?.value).toBe(720);
  });

  it('rejects a client whose certificate it was not given; such a client rejects the server too until told', async () => {
    const strangerPki = join(dir, 'stranger-pki');
    const stranger = recorder('stranger', tags, dir);
    const attempt = async () => {
      const s = opcuaSource.create({ endpointUrl: url, pkiDir: strangerPki }, stranger.ctx);
      try {
        await s.connect(new AbortController().signal);
      } finally {
        await s.close();
      }
    };
    await expect(attempt()).rejects.toMatchObject({ code: 'CW_SOURCE_CERT_UNTRUSTED' });
    // The operator trusts the server (`causeway pki trust`); the server still does not know this client.
    const [rejected] = (await listCertificates(strangerPki)).filter((c) => c.status === 'rejected');
    await trustCertificate(strangerPki, rejected!.thumbprint);
    await expect(attempt()).rejects.toMatchObject({ code: 'CW_SOURCE_CERT_REJECTED' });
  });
});
