/**
 * Authorization on the embedded broker: every publish (Wills and retained messages included),
 * every subscription and every delivery is checked against the client's ACL (acl.ts). A refused
 * subscription gets SUBACK 0x80; a refused publish closes the client's connection, as MQTT 3.1.1
 * §3.3.5 allows (there is no negative PUBACK before MQTT 5, which aedes does not speak); a refused
 * Will is dropped. Deliveries are checked again, so a message never reaches a client that may not
 * read it, whatever it subscribed to.
 */
import type { Socket } from 'node:net';
import type { Aedes, Client } from 'aedes';
import type { Logger } from 'pino';
import { TopicAcl, type AclSpec } from '../core/broker-acl.js';
import { DenialThrottle, type BrokerDenial, type DenialCounts, type DenialReport } from './denials.js';

export interface AuthorizeOptions {
  users: ReadonlyArray<AclSpec & { username: string }>;
  /** What anonymous clients may do; nothing when absent. */
  anonymous: Pick<AclSpec, 'read' | 'write'> | undefined;
  logger: Logger;
  report(d: DenialReport): void;
  windowMs?: number;
}

/** What the rest of the broker needs from authorization. */
export interface Authorizer {
  /** The user name each authenticated client signed in with (set by authenticate). */
  readonly names: WeakMap<Client, string>;
  counts(): DenialCounts;
  /** Report the denials still held back by the throttle (at shutdown). */
  flush(): void;
}

/** host:port of the client, when it came over a socket. */
export function remoteOf(client: Client): string | undefined {
  const s = client.conn as Partial<Socket>;
  return s.remoteAddress ? `${s.remoteAddress}:${s.remotePort}` : undefined;
}

function addressOf(client: Client): string | undefined {
  return (client.conn as Partial<Socket>).remoteAddress;
}

const NOTHING = new TopicAcl({ read: [], write: [], commands: false });

/** Install authorizePublish, authorizeSubscribe and authorizeForward on an aedes instance. */
export function authorize(aedes: Aedes, o: AuthorizeOptions): Authorizer {
  const names = new WeakMap<Client, string>();
  const acls = new Map(o.users.map((u) => [u.username, TopicAcl.of(u)]));
  const anonymous = o.anonymous ? TopicAcl.of(o.anonymous) : NOTHING;
  for (const [name, acl] of acls) {
    if (acl.empty) o.logger.warn({ username: name }, `Broker user ${name} has no role and no read or write filters: it can connect but neither publish nor subscribe (deny by default). Give it a role or filters (docs/broker.md).`);
  }
  const throttle = new DenialThrottle({ report: o.report, ...(o.windowMs === undefined ? {} : { windowMs: o.windowMs }) });
  const aclOf = (client: Client | null): TopicAcl => {
    if (!client) return NOTHING;
    const name = names.get(client);
    return name === undefined ? anonymous : (acls.get(name) ?? NOTHING);
  };
  const deny = (client: Client, d: Omit<BrokerDenial, 'username' | 'clientId' | 'address'>) =>
    throttle.deny({ ...d, username: names.get(client), clientId: client.id, address: addressOf(client) });

  aedes.authorizePublish = (client, packet, callback) => {
    if (aclOf(client).mayPublish(packet.topic)) return callback(null);
    const will = client !== null && (client as Client & { will?: unknown }).will === packet;
    if (client) deny(client, { action: 'publish', topic: packet.topic, retain: packet.retain === true, will });
    callback(new Error(`not authorized to publish to ${packet.topic}`));
  };
  aedes.authorizeSubscribe = (client, sub, callback) => {
    if (aclOf(client).maySubscribe(sub.topic)) return callback(null, sub);
    deny(client, { action: 'subscribe', topic: sub.topic });
    // A negated subscription: SUBACK 0x80 for this filter, the client stays connected.
    callback(null, null);
  };
  aedes.authorizeForward = (client, packet) => (aclOf(client).mayReceive(packet.topic) ? packet : null);
  return { names, counts: () => throttle.counts(), flush: () => throttle.flush() };
}
