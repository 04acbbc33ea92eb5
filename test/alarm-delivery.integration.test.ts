/**
 * Alarm delivery in a running hub against the real services on this machine: alarm events through
 * an MQTT sink (Mosquitto: the event stream, and the retained active-alarm topic that is cleared
 * when the alarm returns to Normal), a NATS sink (JetStream) and a webhook sink (an HTTP server
 * here) — the webhook receiver down across a restart of the hub loses nothing; and a notification
 * e-mail through a real SMTP server with STARTTLS.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { connect, type NatsConnection } from 'nats';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { describeWithService } from '../src/test-support/services.js';
import { uniqueName, until } from '../src/sinks/shared/test-kit.js';
import { apiToken } from '../src/test-support/auth.js';
import { asToken } from '../src/test-support/http.js';

const TANK = 'acme/springfield/ops/tank';
const OTHER = 'acme/springfield/other/tank';
const HI = `${TANK}/level/hi`;
const T0 = Date.parse('2026-12-07T08:00:00Z');
const PUSH = 'push-token-of-the-alarm-test-0123456789';

await describeWithService('mosquitto', 'alarm delivery through sinks and e-mail', () => {
  const prefix = uniqueName('cwtest-alarms');
  const subjectPrefix = `cwtest.${uniqueName('a')}`;
  const stream = uniqueName('CW_TEST_ALARMS');
  let dir: string;
  let hub: Hub | undefined;
  let url: string;
  let web: Server;
  let webUp = false;
  const webAlarms: Array<Record<string, unknown>> = [];
  let smtp: SMTPServer;
  const mails: Array<{ to: string[]; raw: string; secure: boolean }> = [];
  let sub: MqttClient;
  const retained = new Map<string, string>();
  const mqttEvents: Array<Record<string, unknown>> = [];
  let nc: NatsConnection;
  const natsEvents: Array<Record<string, unknown>> = [];

  function config(webPort: number, smtpPort: number): string {
    return `
site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: ops, level: 3 }]
sources:
  - { id: push, kind: http-push, zone: ops, config: { token: "${PUSH}" }, tags: [{ id: level, unit: "%" }, { id: other, unit: "%" }] }
templates:
  - id: Tank
    attributes:
      - name: level
        type: number
        unit: "%"
        alarms:
          hi: { setpoint: 80, priority: urgent, correctiveAction: Open the drain valve. }
          area: tanks
assets:
  - { path: ${TANK}, template: Tank, bindings: { level: push/level } }
  - { path: ${OTHER}, template: Tank, bindings: { level: push/other } }
sinks:
  - { id: uns, kind: mqtt, zone: ops, paths: [${TANK}], alarms: true, config: { url: "mqtt://127.0.0.1:1883", prefix: ${prefix} } }
  - { id: bus, kind: nats, zone: ops, paths: [${TANK}], alarms: true, config: { servers: "nats://127.0.0.1:4222", stream: ${stream}, subjectPrefix: ${subjectPrefix} } }
  - { id: mes, kind: webhook, zone: ops, paths: [${TANK}], alarms: true, config: { url: "http://127.0.0.1:${webPort}/in", secret: "a-secret-of-twenty-chars" } }
notifications:
  smtp: { host: 127.0.0.1, port: ${smtpPort}, tls: starttls, ca: ${join(dir, 'ca.pem')}, servername: localhost, from: causeway@plant.test }
  rules:
    - { name: tanks, priorities: [urgent], areas: [tanks], email: [shift@plant.test] }
historian: { flushInterval: 100ms }
`;
  }

  async function startHub(): Promise<void> {
    const { config: c, problems } = loadCheckedText(config((web.address() as AddressInfo).port, (smtp.server.address() as AddressInfo).port), 'alarm-delivery.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: c!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: 'alarm delivery night shift 2026' }, announce: () => {} });
    url = await hub.start();
    await until(() => hub!.services.sources().every((s) => s.state === 'connected'));
  }

  async function push(values: Record<string, number>, ts: number): Promise<void> {
    const r = await fetch(`${url}/ingest/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${PUSH}` }, body: JSON.stringify({ ts, values }) });
    expect(r.status).toBe(200);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'causeway-alarm-delivery-'));
    const { createSelfSignedCertificate, generatePrivateKey, privateKeyToPEM, CertificatePurpose } = await import('node-opcua-crypto');
    const privateKey = await generatePrivateKey(2048);
    const { privPem } = await privateKeyToPEM(privateKey);
    const { cert } = await createSelfSignedCertificate({ privateKey, subject: '/CN=mail.test', validity: 2, purpose: CertificatePurpose.ForApplication, dns: ['localhost'], applicationUri: 'urn:causeway:test:smtp' });
    writeFileSync(join(dir, 'ca.pem'), cert);
    smtp = new SMTPServer({
      key: privPem, cert, authOptional: true, logger: false,
      onData: (s, session, cb) => {
        let raw = '';
        s.on('data', (d: Buffer) => (raw += d.toString()));
        s.on('end', () => (mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, secure: session.secure }), cb()));
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    web = createServer((req, res) => {
      let raw = '';
      req.on('data', (d: Buffer) => (raw += d.toString()));
      req.on('end', () => {
        if (req.method === 'POST' && webUp) {
          const body = JSON.parse(raw) as { alarms?: Array<Record<string, unknown>> };
          webAlarms.push(...(body.alarms ?? []));
        }
        res.writeHead(req.method !== 'POST' || webUp ? 200 : 503).end();
      });
    });
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
    sub = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { reconnectPeriod: 0 });
    sub.on('message', (topic, payload) => {
      if (topic === `${prefix}/_alarms/events`) mqttEvents.push(JSON.parse(payload.toString()) as Record<string, unknown>);
      else if (topic.startsWith(`${prefix}/_alarms/active/`)) retained.set(topic.slice(`${prefix}/_alarms/active/`.length), payload.toString());
    });
    await sub.subscribeAsync(`${prefix}/_alarms/#`, { qos: 1 });
    nc = await connect({ servers: 'nats://127.0.0.1:4222', reconnect: false });
    nc.subscribe(`${subjectPrefix}._alarms.events`, { callback: (_e, m) => natsEvents.push(m.json()) });
    await startHub();
  }, 60_000);

  afterAll(async () => {
    await hub?.stop();
    await sub?.endAsync();
    const jsm = await nc?.jetstreamManager();
    await jsm?.streams.delete(stream).catch(() => undefined);
    await nc?.close();
    await new Promise<void>((r) => web?.close(() => r()));
    await new Promise<void>((r) => smtp?.close(() => r()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('publishes the event stream and the retained active alarm on MQTT, the events on NATS, and mails the shift', async () => {
    await push({ level: 90, other: 95 }, T0);
    await until(() => mqttEvents.length >= 1 && natsEvents.length >= 1 && retained.has(HI) && mails.length >= 1);
    const expected = { type: 'alarm', id: HI, path: `${TANK}/level`, name: 'hi', event: 'activate', state: 'UNACK_ACTIVE', from: 'NORMAL', priority: 'urgent', area: 'tanks', value: 90, setpoint: 80, unit: '%', at: new Date(T0).toISOString(), atMs: T0 };
    expect(mqttEvents).toEqual([expect.objectContaining(expected)]);
    expect(natsEvents).toEqual([expect.objectContaining(expected)]);
    expect(JSON.parse(retained.get(HI)!)).toMatchObject({ ...expected, rationalization: { correctiveAction: 'Open the drain valve.' } });
    // The other tank's alarm is not under the sinks' paths: not published; but it is mailed (the rule matches it).
    await until(() => mails.length >= 2);
    expect(mqttEvents.some((e) => e.id === `${OTHER}/level/hi`)).toBe(false);
    expect(mails.every((m) => m.secure && m.to[0] === 'shift@plant.test')).toBe(true);
    expect(mails.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]).sort()).toEqual([`[URGENT] ${TANK}/level high: 90 % (limit 80)`, `[URGENT] ${OTHER}/level high: 95 % (limit 80)`]);
    // Counted in the metrics: both mails sent (once the server's answer is in), the event published by each sink that is up.
    const admin = await apiToken(hub!, 'admin', 'metrics');
    const wanted = ['causeway_alarm_notifications_total{channel="e-mail",outcome="sent"} 2', 'causeway_alarm_events_published_total{sink="uns"} 1', 'causeway_alarm_events_published_total{sink="bus"} 1'];
    let metrics = '';
    while (!wanted.every((w) => metrics.includes(w))) {
      metrics = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${admin}` } })).text();
    }
    expect(metrics).toMatch(/causeway_alarm_events_buffered\{sink="mes"\} 1/);
  });

  it('keeps the operator in the event, and clears the retained topic when the alarm returns to Normal', async () => {
    const operator = await apiToken(hub!, 'operator', 'shift-op');
    const r = await asToken(operator, url)(`/api/v1/alarms/${encodeURIComponent(HI)}/ack`, 'POST', { comment: 'drain open' });
    expect(r.status).toBe(200);
    await push({ level: 50 }, T0 + 60_000);
    await until(() => mqttEvents.length >= 3 && retained.get(HI) === '');
    expect(mqttEvents.slice(1).map((e) => [e.event, e.state, e.comment])).toEqual([['ack', 'ACKED_ACTIVE', 'drain open'], ['clear', 'NORMAL', undefined]]);
    expect(mqttEvents[1]!.user).toMatch(/shift-op/); // who acknowledged, as the journal has it
    expect(mqttEvents[2]!.user).toBeUndefined();
    await until(() => natsEvents.length >= 3);
    expect(natsEvents.map((e) => e.state)).toEqual(['UNACK_ACTIVE', 'ACKED_ACTIVE', 'NORMAL']);
  });

  it('keeps alarm events for a webhook receiver that is down, across a restart of the hub, and delivers them in order', async () => {
    expect(webAlarms).toEqual([]); // the receiver has answered 503 so far
    await push({ level: 85 }, T0 + 120_000);
    await until(() => mqttEvents.length >= 4);
    await hub!.stop();
    hub = undefined;
    webUp = true;
    await startHub();
    await until(() => webAlarms.length >= 4);
    expect(webAlarms.map((e) => `${e.event} ${e.state} @${e.atMs as number - T0}`)).toEqual(['activate UNACK_ACTIVE @0', 'ack ACKED_ACTIVE @' + String(webAlarms[1]!.atMs as number - T0), 'clear NORMAL @60000', 'activate UNACK_ACTIVE @120000']);
  });
});
