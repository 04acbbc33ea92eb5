/**
 * Notifications against a real SMTP server (smtp-server, STARTTLS with a certificate made here,
 * login required) and a real HTTP receiver: the alarms application raises alarms, its listener
 * turns transitions into events, the notifier mails and posts them. Escalation and quiet periods
 * run on the notifier's injected clock and tick(now); nothing waits for real minutes.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationsConfig } from '../../config/schema-alarm-notify.js';
import type { AttributeNode } from '../../namespace/index.js';
import { alarmsOfAttribute } from '../definitions.js';
import { Alarms } from '../index.js';
import { smtpSender } from './email.js';
import { alarmEvent } from './event.js';
import { Notifier } from './notifier.js';
import { signature } from '../../sinks/webhook/request.js';

interface Mail { from: string; to: string[]; subject: string; body: string; secure: boolean; user: string | undefined }

/** Decode a message as nodemailer writes it: unfolded headers, a quoted-printable or plain text body. */
function parse(raw: string): { subject: string; body: string } {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers = head.replace(/\r\n[ \t]+/g, ' ');
  const subject = /^Subject: (.*)$/im.exec(headers)?.[1] ?? '';
  let body = rest.join('\r\n\r\n');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
    body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  return { subject, body: body.replace(/\r\n/g, '\n') };
}

class MailServer {
  readonly mails: Mail[] = [];
  #server: SMTPServer | undefined;
  #waiters: Array<{ n: number; resolve: () => void }> = [];
  port = 0;
  constructor(readonly tls: { key: string; cert: string }) {}

  async start(port = 0): Promise<void> {
    this.#server = new SMTPServer({
      key: this.tls.key, cert: this.tls.cert, secure: false, hideSTARTTLS: false, authMethods: ['PLAIN', 'LOGIN'],
      onAuth: (auth, _s, cb) => (auth.username === 'alarms' && auth.password === 'not-in-the-log' ? cb(null, { user: auth.username }) : cb(new Error('Invalid username or password'))),
      onData: (stream, session, cb) => {
        const parts: Buffer[] = [];
        stream.on('data', (d: Buffer) => parts.push(d));
        stream.on('end', () => {
          const { subject, body } = parse(Buffer.concat(parts).toString('utf8'));
          this.mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), subject, body, secure: session.secure, user: session.user as string | undefined });
          for (const w of this.#waiters.filter((x) => this.mails.length >= x.n)) w.resolve();
          cb();
        });
      },
      logger: false,
    });
    await new Promise<void>((resolve) => this.#server!.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.#server.server.address() as AddressInfo).port;
  }

  /** Resolves once `n` mails have arrived in all. */
  received(n: number): Promise<void> {
    return this.mails.length >= n ? Promise.resolve() : new Promise((resolve) => this.#waiters.push({ n, resolve }));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }
}

const node = (asset: string, name: string): AttributeNode => ({ path: `${asset}/${name}`, asset, name, type: 'number', valueType: 'number', writable: false, interpolation: 'linear', unit: 'bar' });
const DEFS = [
  ...alarmsOfAttribute(node('acme/spr/utilities/compressor', 'pressure'), [{
    hihi: { setpoint: 9.8, priority: 'urgent', correctiveAction: 'Unload the compressor; check the discharge valve.' },
    hi: 9, area: 'utilities', timeToRespond: '10m', cause: 'Demand above capacity.', consequence: 'The safety valve lifts at 10 bar.',
  }], () => true),
  ...alarmsOfAttribute(node('acme/spr/packaging/filler', 'level'), [{ lo: { setpoint: 10, priority: 'urgent' }, area: 'packaging' }], () => true),
];
const sample = (path: string, ts: number, value: number) => [{ path, value, ts, quality: 'good' as const }];
const PRESSURE = 'acme/spr/utilities/compressor/pressure';
const LEVEL = 'acme/spr/packaging/filler/level';

let tls: { key: string; cert: string };
let dir: string;
beforeAll(async () => {
  const { createSelfSignedCertificate, generatePrivateKey, privateKeyToPEM, CertificatePurpose } = await import('node-opcua-crypto');
  const privateKey = await generatePrivateKey(2048);
  const { privPem } = await privateKeyToPEM(privateKey);
  const { cert } = await createSelfSignedCertificate({ privateKey, subject: '/CN=mail.test', validity: 2, purpose: CertificatePurpose.ForApplication, dns: ['localhost'], ip: ['127.0.0.1'], applicationUri: 'urn:causeway:test:smtp' });
  tls = { key: privPem, cert };
  dir = mkdtempSync(join(tmpdir(), 'causeway-notify-'));
  writeFileSync(join(dir, 'ca.pem'), cert);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Alarms, a notifier on a clock the test moves, and the listener between them as the hub wires it. */
async function setup(config: Omit<NotificationsConfig, 'smtp'>, server: MailServer, extra: { tlsMode?: 'starttls' | 'none' } = {}) {
  const clock = { now: 1_000_000 };
  const logs: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const alarms = new Alarms({ defs: DEFS, dir: ':memory:' });
  const smtp = { host: '127.0.0.1', port: server.port, tls: extra.tlsMode ?? 'starttls', ca: join(dir, 'ca.pem'), servername: 'localhost', user: 'alarms', password: 'not-in-the-log', from: 'causeway@plant.test', timeout: '5s' } as const;
  const notifier = new Notifier({
    config: { ...config, smtp }, mail: smtpSender(smtp), lookup: (id) => alarms.find(id), logger, now: () => clock.now, site: 'Springfield',
    delivery: { backoff: { initialMs: 50, maxMs: 200 } },
  });
  alarms.subscribe((entries) => notifier.handle(entries.map((e) => alarmEvent(e, alarms.find(e.id)))));
  cleanups.push(async () => {
    await notifier.close();
    alarms.close();
  });
  return { alarms, notifier, clock, logs };
}

describe('alarm notifications by e-mail', () => {
  it('mails a matching alarm over STARTTLS with its message, priority and corrective action; a non-matching one sends nothing', async () => {
    const server = new MailServer(tls);
    await server.start();
    cleanups.push(() => server.stop());
    const { alarms, notifier, logs } = await setup({ rules: [{ name: 'utilities-urgent', priorities: ['urgent', 2], areas: ['utilities'], email: ['shift@plant.test', 'maint@plant.test'] }] }, server);
    alarms.evaluate(sample(LEVEL, 1000, 5)); // urgent, but area packaging: no rule
    alarms.evaluate(sample(PRESSURE, 1000, 9.5)); // hi: medium priority: no rule
    alarms.evaluate(sample(PRESSURE, 2000, 10.1)); // hihi: urgent, utilities
    await server.received(1);
    expect(await notifier.idle(10_000)).toBe(true);
    expect(server.mails).toHaveLength(1);
    const [mail] = server.mails;
    expect(mail).toMatchObject({ from: 'causeway@plant.test', to: ['shift@plant.test', 'maint@plant.test'], secure: true, user: 'alarms' });
    expect(mail!.subject).toBe('[URGENT] acme/spr/utilities/compressor/pressure high-high: 10.1 bar (limit 9.8)');
    expect(mail!.body).toContain('A urgent alarm was raised at Springfield.');
    expect(mail!.body).toContain('Alarm:      acme/spr/utilities/compressor/pressure/hihi');
    expect(mail!.body).toContain('Corrective action: Unload the compressor; check the discharge valve.');
    expect(mail!.body).toContain('Consequence: The safety valve lifts at 10 bar.');
    expect(mail!.body).toContain('Respond within: 10 min');
    expect(notifier.stats().channels['e-mail']).toMatchObject({ sent: 1, retries: 0, rejected: 0 });
    expect(JSON.stringify(logs)).not.toContain('not-in-the-log');
  });

  it('escalates an alarm left unacknowledged past its time to respond, once; an acknowledged one is not escalated', async () => {
    const server = new MailServer(tls);
    await server.start();
    cleanups.push(() => server.stop());
    const { alarms, notifier, clock } = await setup({
      rules: [
        { name: 'utilities', areas: ['utilities'], email: ['shift@plant.test'], escalation: { email: ['manager@plant.test'] } },
        { name: 'packaging', areas: ['packaging'], email: ['pack@plant.test'], escalation: { after: '5m', email: ['manager@plant.test'] } },
      ],
    }, server);
    alarms.evaluate(sample(PRESSURE, clock.now, 9.5)); // timeToRespond 10m (the alarm's own)
    alarms.evaluate(sample(LEVEL, clock.now, 5)); // no timeToRespond: the rule's 5m
    await server.received(2);
    alarms.ack(`${LEVEL}/lo`, 'op', clock.now + 60_000, 'refilling');
    notifier.tick(clock.now + 9 * 60_000);
    expect(await notifier.idle(10_000)).toBe(true);
    expect(server.mails).toHaveLength(2);
    notifier.tick(clock.now + 10 * 60_000);
    notifier.tick(clock.now + 11 * 60_000);
    await server.received(3);
    expect(await notifier.idle(10_000)).toBe(true);
    expect(server.mails).toHaveLength(3);
    expect(server.mails[2]!.to).toEqual(['manager@plant.test']);
    expect(server.mails[2]!.subject).toBe('[ESCALATION MEDIUM] acme/spr/utilities/compressor/pressure high: 9.5 bar (limit 9)');
    expect(server.mails[2]!.body).toContain('has been active and unacknowledged for 10 min, past its time to respond.');
    expect(notifier.stats().escalations).toBe(1);
  });

  it('escalates an alarm raised before a restart when its time comes, without notifying it again', async () => {
    const server = new MailServer(tls);
    await server.start();
    cleanups.push(() => server.stop());
    // The alarm was raised before the restart: the new notifier never sees its event, only the restored status.
    const clock = { now: 1_000_000 };
    const restored = new Alarms({ defs: DEFS, dir: ':memory:' });
    restored.evaluate(sample(PRESSURE, clock.now - 8 * 60_000, 9.5));
    const smtp = { host: '127.0.0.1', port: server.port, ca: join(dir, 'ca.pem'), servername: 'localhost', user: 'alarms', password: 'not-in-the-log', from: 'causeway@plant.test' };
    const notifier = new Notifier({
      config: { smtp, rules: [{ name: 'utilities', areas: ['utilities'], email: ['shift@plant.test'], escalation: { email: ['manager@plant.test'] } }] },
      mail: smtpSender(smtp), lookup: (id) => restored.find(id), logger: pino({ level: 'silent' }), now: () => clock.now,
    });
    cleanups.push(async () => {
      await notifier.close();
      restored.close();
    });
    notifier.follow(restored.list({ states: ['UNACK_ACTIVE'] }));
    notifier.tick(clock.now + 60_000);
    expect(await notifier.idle(10_000)).toBe(true);
    expect(server.mails).toHaveLength(0);
    notifier.tick(clock.now + 2 * 60_000);
    await server.received(1);
    expect(await notifier.idle(10_000)).toBe(true);
    expect(server.mails.map((m) => [m.to[0], m.subject])).toEqual([['manager@plant.test', '[ESCALATION MEDIUM] acme/spr/utilities/compressor/pressure high: 9.5 bar (limit 9)']]);
  });

  it('does not mail the same chattering alarm again within the quiet period, and does after it', async () => {
    const server = new MailServer(tls);
    await server.start();
    cleanups.push(() => server.stop());
    const { alarms, notifier, clock } = await setup({ quietPeriod: '15m', rules: [{ name: 'all', email: ['shift@plant.test'] }] }, server);
    let t = clock.now;
    for (let i = 0; i < 5; i++) {
      alarms.evaluate(sample(LEVEL, (t += 1000), 5));
      alarms.ack(`${LEVEL}/lo`, 'op', (t += 1000));
      alarms.evaluate(sample(LEVEL, (t += 1000), 50));
      clock.now += 60_000;
    }
    await server.received(1);
    expect(await notifier.idle(10_000)).toBe(true);
    expect(server.mails).toHaveLength(1);
    expect(notifier.stats().quieted).toBe(4);
    clock.now += 15 * 60_000;
    alarms.evaluate(sample(LEVEL, (t += 1000), 5));
    await server.received(2);
    expect(server.mails).toHaveLength(2);
  });

  it('retries while the mail server is down and delivers once it is back', async () => {
    const server = new MailServer(tls);
    await server.start();
    const port = server.port;
    await server.stop();
    const { alarms, notifier, logs } = await setup({ rules: [{ name: 'all', priorities: ['urgent'], email: ['shift@plant.test'] }] }, server);
    alarms.evaluate(sample(LEVEL, 1000, 5));
    // Wait for two failed attempts, as the log and the counters show them.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => notifier.stats().channels['e-mail'].retries >= 2 && (clearInterval(check), resolve()), 20);
    });
    expect(logs.some((l) => l.code === 'CW_NOTIFY_SEND_FAILED' && l.level === 40)).toBe(true);
    const again = new MailServer(tls);
    await again.start(port);
    cleanups.push(() => again.stop());
    await again.received(1);
    expect(await notifier.idle(10_000)).toBe(true);
    expect(again.mails[0]!.subject).toBe('[URGENT] acme/spr/packaging/filler/level low: 5 bar (limit 10)');
    expect(notifier.stats().channels['e-mail'].sent).toBe(1);
    expect(notifier.stats().channels['e-mail'].retries).toBeGreaterThanOrEqual(2);
  });

  it('refuses to send without TLS when the server offers none and tls is starttls (nothing crosses in plain text)', async () => {
    const server = new MailServer(tls);
    await server.start();
    cleanups.push(() => server.stop());
    const plain = new SMTPServer({ disabledCommands: ['STARTTLS'], authOptional: true, onData: (s, _x, cb) => (s.resume(), s.on('end', () => cb())), logger: false });
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => plain.close(() => r())));
    const fake = { port: (plain.server.address() as AddressInfo).port } as MailServer;
    const { alarms, notifier, logs } = await setup({ retryFor: 0, rules: [{ name: 'all', email: ['shift@plant.test'] }] }, fake);
    alarms.evaluate(sample(LEVEL, 1000, 5));
    expect(await notifier.idle(10_000)).toBe(true);
    expect(notifier.stats().channels['e-mail'].sent).toBe(0);
    const failure = logs.find((l) => l.code === 'CW_NOTIFY_GAVE_UP' || l.code === 'CW_NOTIFY_REJECTED');
    expect(String(failure?.msg)).toMatch(/TLS could not be established/);
  });
});

describe('alarm notifications by webhook', () => {
  let http: Server;
  const posts: Array<{ body: Record<string, unknown>; headers: Record<string, string | string[] | undefined>; raw: string }> = [];
  let status = 503;
  beforeAll(async () => {
    http = createServer((req, res) => {
      let raw = '';
      req.on('data', (d: Buffer) => (raw += d.toString()));
      req.on('end', () => {
        if (status === 200) posts.push({ body: JSON.parse(raw) as Record<string, unknown>, headers: req.headers, raw });
        res.writeHead(status).end(status === 200 ? 'ok' : 'busy');
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  });
  afterAll(() => new Promise<void>((r) => http.close(() => r())));

  it('posts the signed alarm event, retrying while the receiver answers 503', async () => {
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/alarms`;
    const server = new MailServer(tls);
    const secret = 'a-webhook-secret-of-length';
    const { alarms, notifier } = await setup({ webhookSecret: secret, rules: [{ name: 'hook', paths: ['acme/spr/utilities'], webhooks: [url] }] }, server);
    alarms.evaluate(sample(LEVEL, 1000, 5)); // not under the rule's path
    alarms.evaluate(sample(PRESSURE, 2000, 9.5));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => notifier.stats().channels.webhook.retries >= 1 && (clearInterval(check), resolve()), 20);
    });
    status = 200;
    expect(await notifier.idle(10_000)).toBe(true);
    expect(posts).toHaveLength(1);
    const { body, headers, raw } = posts[0]!;
    expect(body).toMatchObject({ type: 'alarm', id: `${PRESSURE}/hi`, event: 'activate', state: 'UNACK_ACTIVE', priority: 'medium', area: 'utilities', value: 9.5, setpoint: 9, at: new Date(2000).toISOString(), notification: { rule: 'hook', kind: 'notify' } });
    expect(headers['x-causeway-signature']).toBe(signature(secret, Number(headers['x-causeway-timestamp']), raw));
  });
});
