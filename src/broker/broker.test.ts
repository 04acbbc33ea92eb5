import { connectAsync, ErrorWithReasonCode, ErrorWithSubackPacket, type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { isCausewayError } from '../core/errors.js';
import { freePort } from '../test-support/services.js';
import { hashPassword, parsePasswordHash, startEmbeddedBroker, verifyPassword, type EmbeddedBroker, type EmbeddedBrokerOptions } from './index.js';

const SECRET = 'S3cret-pass!';
const open: Array<EmbeddedBroker | MqttClient> = [];

afterEach(async () => {
  for (const x of open.splice(0)) await ('endAsync' in x ? x.endAsync(true) : x.close());
});

function spyLogger(): { logger: Logger; lines: unknown[][] } {
  const lines: unknown[][] = [];
  const at = (level: string) => (...args: unknown[]) => void lines.push([level, ...args]);
  return { logger: { warn: at('warn'), info: at('info'), debug: at('debug'), error: at('error') } as unknown as Logger, lines };
}

async function start(options: Partial<EmbeddedBrokerOptions> = {}): Promise<{ broker: EmbeddedBroker; lines: unknown[][] }> {
  const { logger, lines } = spyLogger();
  const broker = await startEmbeddedBroker({ port: await freePort(), users: [{ username: 'hub', password: SECRET, role: 'hub' }], logger, ...options });
  open.push(broker);
  return { broker, lines };
}

/** The SUBACK return codes of a subscription: the granted QoS, or 128 where the broker refused it. */
async function granted(c: MqttClient, topics: string[]): Promise<number[]> {
  try {
    return (await c.subscribeAsync(topics, { qos: 1 })).map((g) => g.qos);
  } catch (e) {
    if (e instanceof ErrorWithSubackPacket && 'granted' in e.packet) return e.packet.granted as number[];
    throw e;
  }
}

/** The CONNACK return code of a connection attempt: 0 when accepted. */
async function connackCode(url: string, username?: string, password?: string): Promise<number> {
  try {
    const c = await connectAsync(url, { reconnectPeriod: 0, connectTimeout: 5000, ...(username ? { username } : {}), ...(password ? { password } : {}) });
    open.push(c);
    return 0;
  } catch (e) {
    if (e instanceof ErrorWithReasonCode) return e.code;
    throw e;
  }
}

describe('broker passwords', () => {
  it('hashes with scrypt and a random salt, and verifies only the right password', async () => {
    const a = await hashPassword(SECRET);
    const b = await hashPassword(SECRET);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(SECRET);
    const parsed = parsePasswordHash(a);
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(await verifyPassword(SECRET, parsed)).toBe(true);
    expect(await verifyPassword('S3cret-pass?', parsed)).toBe(false);
    expect(await verifyPassword('', parsed)).toBe(false);
  });

  it.each(['plain', 'scrypt$3$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==', 'scrypt$16384$8$1$AA==$AAAAAAAAAAAAAAAAAAAAAA=='])('refuses the hash %j', (text) => {
    expect(typeof parsePasswordHash(text)).toBe('string');
  });
});

describe('embedded broker', () => {
  it('lets a configured user in, and refuses a wrong password and anonymous clients', async () => {
    const { broker, lines } = await start();
    expect(broker.url).toBe(`mqtt://127.0.0.1:${broker.port}`);
    expect(await connackCode(broker.url, 'hub', SECRET)).toBe(0);
    expect(await connackCode(broker.url, 'hub', 'wrong')).toBe(4);
    expect(await connackCode(broker.url, 'nobody', SECRET)).toBe(4);
    expect(await connackCode(broker.url)).toBe(5);
    const text = JSON.stringify(lines);
    expect(text).toContain('refused client');
    expect(text).toContain('wrong user name or password');
    expect(text).toContain('anonymous clients are not allowed');
    expect(text).toMatch(/connected to the embedded broker/);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('wrong"');
  });

  it('accepts a stored passwordHash, and anonymous clients when allowed', async () => {
    const { broker } = await start({ users: [{ username: 'edge', passwordHash: await hashPassword('pw') }], allowAnonymous: true });
    expect(await connackCode(broker.url, 'edge', 'pw')).toBe(0);
    expect(await connackCode(broker.url)).toBe(0);
    expect(await connackCode(broker.url, 'edge', 'nope')).toBe(4);
  });

  it('carries messages between clients', async () => {
    const { broker } = await start();
    const sub = await connectAsync(broker.url, { reconnectPeriod: 0, username: 'hub', password: SECRET });
    const pub = await connectAsync(broker.url, { reconnectPeriod: 0, username: 'hub', password: SECRET });
    open.push(sub, pub);
    await sub.subscribeAsync('a/+', { qos: 1 });
    const got = new Promise<string>((resolve) => sub.on('message', (_t, p) => resolve(p.toString())));
    await pub.publishAsync('a/b', 'hello', { qos: 1 });
    expect(await got).toBe('hello');
    expect(broker.connectedClients()).toBe(2);
  });

  it('denies by default: a user without role or filters connects but may neither subscribe nor publish, and is named at start', async () => {
    const { broker, lines } = await start({ users: [{ username: 'hub', password: SECRET, role: 'hub' }, { username: 'legacy', password: SECRET }] });
    expect(JSON.stringify(lines)).toContain('Broker user legacy has no role and no read or write filters');
    const legacy = await connectAsync(broker.url, { reconnectPeriod: 0, username: 'legacy', password: SECRET });
    open.push(legacy);
    expect(await granted(legacy, ['a/#'])).toEqual([128]);
    const closed = new Promise<string>((resolve) => legacy.once('close', () => resolve('closed')));
    legacy.publish('a/b', 'x', { qos: 1 });
    expect(await closed).toBe('closed');
    expect(broker.denials()).toEqual({ publish: 1, subscribe: 1 });
  });

  it('gives anonymous clients what broker.anonymous allows, and nothing without it', async () => {
    const { broker } = await start({ allowAnonymous: true, anonymous: { read: ['public/#'] } });
    const anon = await connectAsync(broker.url, { reconnectPeriod: 0 });
    open.push(anon);
    expect(await granted(anon, ['public/#', 'private/#'])).toEqual([1, 128]);
  });

  it('refuses a config it cannot honour', async () => {
    const { logger } = spyLogger();
    const cases: Array<[Partial<EmbeddedBrokerOptions>, RegExp]> = [
      [{ users: [{ username: 'a', password: 'x', passwordHash: 'scrypt$x' }] }, /needs either password or passwordHash, not both/],
      [{ users: [{ username: 'a' }] }, /not neither/],
      [{ users: [{ username: 'a', password: 'x' }, { username: 'a', password: 'y' }] }, /listed twice/],
      [{ users: [{ username: 'a', passwordHash: 'scrypt$1$1$1$x$y' }] }, /passwordHash/],
      [{ port: 70000 }, /broker\.port/],
      [{ users: [{ username: 'a', password: 'x', role: 'root' as never }] }, /broker\.users\.0\.role/],
      [{ users: [{ username: 'a', password: 'x', read: ['uns/#/x'] }] }, /The read filter "uns\/#\/x" of user a uses # other than as the whole last level/],
      [{ users: [{ username: 'm', password: 'x', write: ['#'] }] }, /user m would let it send Sparkplug commands \(NCMD, DCMD\), which only the hub may send \(Narrow the filter/],
      [{ users: [{ username: 'a', password: 'x', read: ['$SYS/#'] }] }, /\$SYS and other \$ topics are for role admin only/],
      [{ users: [{ username: 'e', password: 'x', role: 'sparkplug-edge', group: 'G' }] }, /user e has role sparkplug-edge but no node/],
      [{ anonymous: { read: ['uns/#'] } }, /anonymous sets what anonymous clients may do, but allowAnonymous is not true/],
      [{ allowAnonymous: true, anonymous: { write: ['spBv1.0/+/+/N'] } }, /anonymous clients would let it send Sparkplug commands/],
    ];
    for (const [options, problem] of cases) {
      const e = await startEmbeddedBroker({ logger, port: 0, ...options }).then(() => undefined, (err: unknown) => err);
      expect(isCausewayError(e, 'CW_BROKER_CONFIG_INVALID'), String(e)).toBe(true);
      expect((e as Error).message).toMatch(problem);
    }
  });

  it('reports a port in use, and frees its port on close', async () => {
    const { broker } = await start();
    const { logger } = spyLogger();
    const e = await startEmbeddedBroker({ logger, port: broker.port, allowAnonymous: true }).then(() => undefined, (err: unknown) => err);
    expect(isCausewayError(e, 'CW_BROKER_START_FAILED')).toBe(true);
    expect((e as Error).message).toBe(`The embedded MQTT broker cannot listen on 127.0.0.1:${broker.port}: the port is already in use.`);
    await broker.close();
    const again = await startEmbeddedBroker({ logger, port: broker.port, allowAnonymous: true });
    open.push(again);
    expect(again.port).toBe(broker.port);
  });
});
