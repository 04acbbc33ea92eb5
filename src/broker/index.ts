/**
 * The embedded MQTT broker (aedes) for machines without one: listens on one address, lets in the
 * configured users (scrypt hashes, constant-time check) and anonymous clients only when allowed,
 * lets each do only what its ACL grants (authorize.ts; deny by default), and logs connects,
 * refusals and denials without passwords.
 */
import net, { type Socket } from 'node:net';
import { Aedes, type AuthenticateError } from 'aedes';
import type { Logger } from 'pino';
import { Value } from 'typebox/value';
import { CausewayError } from '../core/errors.js';
import { aclProblems } from '../core/broker-acl.js';
import { authorize, remoteOf, type Authorizer } from './authorize.js';
import type { BrokerDenial, DenialCounts, DenialReport } from './denials.js';
import { UserStore } from './passwords.js';
import { BrokerConfigSchema, type BrokerConfig } from './schema.js';

export { BrokerConfigSchema, BrokerUserSchema, type BrokerConfig, type BrokerUserConfig } from './schema.js';
export { hashPassword, parsePasswordHash, verifyPassword } from './passwords.js';
export { aclProblems, BROKER_ROLES, type AclProblem, type AclSpec, type BrokerRole } from '../core/broker-acl.js';
export type { BrokerDenial, DenialCounts, DenialReport } from './denials.js';

export const DEFAULT_BROKER_HOST = '127.0.0.1';
export const DEFAULT_BROKER_PORT = 1883;
/** MQTT 3.1.1 CONNACK return codes. */
const BAD_USERNAME_OR_PASSWORD = 4;
const NOT_AUTHORIZED = 5;

export interface EmbeddedBrokerOptions extends Omit<BrokerConfig, 'enabled'> {
  logger: Logger;
  /**
   * Called for each refused publish or subscription worth recording (throttled per user and
   * action: the first at once, the rest of a minute as one summary): the hub audits it.
   */
  onDenied?: (denial: DenialReport) => void;
  /** Throttle window of denial reports; default 60 s. */
  denialWindowMs?: number;
}

export interface EmbeddedBroker {
  /** mqtt://host:port, with the port actually bound. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  connectedClients(): number;
  /** Refused publishes (Wills and retained messages included) and subscriptions since start. */
  denials(): DenialCounts;
  /** Disconnect every client and stop listening. */
  close(): Promise<void>;
}

function invalid(problem: string): CausewayError {
  return new CausewayError('CW_BROKER_CONFIG_INVALID', { problem });
}

function checkOptions(options: EmbeddedBrokerOptions): void {
  const { logger: _logger, onDenied: _onDenied, denialWindowMs: _window, ...config } = options;
  if (!Value.Check(BrokerConfigSchema, config)) {
    const e = [...Value.Errors(BrokerConfigSchema, config)][0];
    throw invalid(`broker${e?.instancePath.replace(/\//g, '.') ?? ''} ${e?.message ?? 'is not valid'}`);
  }
  const seen = new Set<string>();
  for (const u of config.users ?? []) {
    if ((u.password === undefined) === (u.passwordHash === undefined)) throw invalid(`user ${u.username} needs either password or passwordHash, not ${u.password === undefined ? 'neither' : 'both'}`);
    if (seen.has(u.username)) throw invalid(`user ${u.username} is listed twice`);
    seen.add(u.username);
    const problem = aclProblems(u, `user ${u.username}`)[0];
    if (problem) throw invalid(`${problem.message.replace(/\.$/, '')} (${problem.hint.replace(/\.$/, '')})`);
  }
  if (config.anonymous && !config.allowAnonymous) throw invalid('anonymous sets what anonymous clients may do, but allowAnonymous is not true');
  const anonymous = aclProblems(config.anonymous ?? {}, 'anonymous clients')[0];
  if (anonymous) throw invalid(`${anonymous.message.replace(/\.$/, '')} (${anonymous.hint.replace(/\.$/, '')})`);
}

function refusal(code: number, message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode: code }) as AuthenticateError;
}

/** Wire authentication and connection logging into an aedes instance. */
function guard(aedes: Aedes, users: UserStore, allowAnonymous: boolean, logger: Logger, authorizer: Authorizer): void {
  const names = authorizer.names;
  aedes.authenticate = (client, username, password, done) => {
    const refuse = (code: number, reason: string) => {
      logger.warn({ clientId: client.id, username, remote: remoteOf(client), reason }, `The embedded MQTT broker refused client ${client.id}: ${reason}.`);
      done(refusal(code, reason), false);
    };
    if (username === undefined || username === '') {
      if (allowAnonymous) return done(null, true);
      return refuse(NOT_AUTHORIZED, 'anonymous clients are not allowed');
    }
    users.check(username, password ?? Buffer.alloc(0)).then(
      (ok) => {
        if (!ok) return refuse(BAD_USERNAME_OR_PASSWORD, 'wrong user name or password');
        names.set(client, username);
        done(null, true);
      },
      (e: unknown) => refuse(NOT_AUTHORIZED, `the password check failed (${e instanceof Error ? e.message : String(e)})`),
    );
  };
  aedes.on('clientReady', (client) => {
    logger.info({ clientId: client.id, username: names.get(client) ?? null, remote: remoteOf(client) }, `MQTT client ${client.id} connected to the embedded broker`);
  });
  aedes.on('clientDisconnect', (client) => logger.debug({ clientId: client.id }, `MQTT client ${client.id} disconnected`));
}

function listen(server: net.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      const reason = e.code === 'EADDRINUSE' ? 'the port is already in use' : e.code === 'EACCES' ? 'permission denied (ports below 1024 need privileges)' : e.code === 'EADDRNOTAVAIL' ? 'the address is not one of this machine' : e.message;
      reject(new CausewayError('CW_BROKER_START_FAILED', { host, port, reason }, { cause: e }));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

/** Start the embedded broker; throws CW_BROKER_CONFIG_INVALID or CW_BROKER_START_FAILED. */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  checkOptions(options);
  const { logger } = options;
  const host = options.host ?? DEFAULT_BROKER_HOST;
  const allowAnonymous = options.allowAnonymous ?? false;
  const users = await UserStore.create(options.users ?? []).catch((e: unknown) => {
    throw invalid(e instanceof Error ? e.message : String(e));
  });
  if (users.size === 0 && !allowAnonymous) logger.warn('The embedded MQTT broker has no users and refuses anonymous clients, so nobody can connect; add users to the broker config.');
  const aedes = await Aedes.createBroker({});
  const authorizer = authorize(aedes, { users: options.users ?? [], anonymous: options.anonymous, logger, report: reporter(logger, options.onDenied), ...(options.denialWindowMs === undefined ? {} : { windowMs: options.denialWindowMs }) });
  guard(aedes, users, allowAnonymous, logger, authorizer);
  const sockets = new Set<Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    aedes.handle(socket);
  });
  let port: number;
  try {
    port = await listen(server, host, options.port ?? DEFAULT_BROKER_PORT);
  } catch (e) {
    await new Promise<void>((resolve) => aedes.close(() => resolve()));
    throw e;
  }
  const url = `mqtt://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ url, users: users.size, allowAnonymous }, `The embedded MQTT broker listens on ${url}`);
  let closing: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    connectedClients: () => aedes.connectedClients,
    denials: () => authorizer.counts(),
    close: () => (closing ??= shutdown(aedes, server, sockets, logger).finally(() => authorizer.flush())),
  };
}

function describeDenial(d: BrokerDenial): string {
  const who = d.username === undefined ? `anonymous client ${d.clientId}` : `user ${d.username} (client ${d.clientId})`;
  if (d.action === 'subscribe') return `The embedded MQTT broker refused ${who} a subscription to ${d.topic}: its ACL does not let it read there`;
  const what = d.will ? 'Will message' : d.retain ? 'retained publish' : 'publish';
  return `The embedded MQTT broker refused the ${what} of ${who} to ${d.topic}: its ACL does not let it write there`;
}

/** Log each reported denial, then hand it to the hub (whose audit log may fail: logged, never thrown). */
function reporter(logger: Logger, onDenied: ((d: DenialReport) => void) | undefined): (d: DenialReport) => void {
  return (d) => {
    const more = d.suppressed > 0 ? ` (and ${d.suppressed} more of the same kind since the last report)` : '';
    logger.warn({ action: d.action, username: d.username ?? null, clientId: d.clientId, address: d.address, topic: d.topic, retain: d.retain, will: d.will, suppressed: d.suppressed }, `${describeDenial(d)}${more}.`);
    try {
      onDenied?.(d);
    } catch (e) {
      logger.error({ err: e }, 'A broker denial could not be recorded in the audit log.');
    }
  };
}

async function shutdown(aedes: Aedes, server: net.Server, sockets: Set<Socket>, logger: Logger): Promise<void> {
  const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
  await new Promise<void>((resolve) => aedes.close(() => resolve()));
  for (const s of sockets) s.destroy();
  await stopped;
  logger.info('The embedded MQTT broker stopped');
}
