/**
 * The `nats` sink kind: every sample becomes one JetStream message on
 * `<subjectPrefix>.<path with "/" as ".">`, with the message id `<path>:<ts>` so that a batch sent
 * again after a retry is stored once. send() resolves once every PubAck is back.
 */
import type { JetStreamClient, NatsConnection } from 'nats';
import { CausewayError } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import { durationMs } from '../../core/time.js';
import { checkConfig } from '../shared/config.js';
import { forEachBounded } from '../shared/window.js';
import type { Sink, SinkConnector, SinkContext } from '../types.js';
import { openNats, reasonOf, type NatsLinkOptions } from './connection.js';
import { natsSinkDefinition } from './definition.js';
import { msgIdFor, payloadFor, streamSubject, subjectFor } from './payload.js';
import {
  DEFAULT_DUPLICATE_WINDOW_MS, DEFAULT_MAX_IN_FLIGHT, DEFAULT_SERVERS, DEFAULT_STREAM, DEFAULT_SUBJECT_PREFIX, NatsSinkConfigSchema, type NatsSinkConfig,
} from './schema.js';
import { ensureStream, type WantedStream } from './stream.js';
import { peerOfUrl, peerReturns } from '../../protocols/reachable.js';
import { alarmMsgId, type AlarmEvent, type AlarmRoute } from '../shared/alarms.js';

export { NatsSinkConfigSchema, type NatsSinkConfig } from './schema.js';
export { msgIdFor, payloadFor, streamSubject, subjectFor } from './payload.js';
export { streamProblem, subjectCovers } from './stream.js';

interface Session {
  nc: NatsConnection;
  js: JetStreamClient;
  lost?: CausewayError;
}

/** A running JetStream output; see natsSink. */
class NatsSink implements Sink {
  readonly #ctx: SinkContext;
  readonly #link: NatsLinkOptions;
  readonly #stream: WantedStream;
  readonly #prefix: string;
  readonly #maxInFlight: number;
  readonly #encoder = new TextEncoder();
  #session: Session | undefined;

  constructor(config: NatsSinkConfig, ctx: SinkContext) {
    checkConfig(NatsSinkConfigSchema, config, ctx.id);
    this.#ctx = ctx;
    const servers = config.servers ?? DEFAULT_SERVERS;
    this.#link = {
      sinkId: ctx.id, servers: Array.isArray(servers) ? servers : [servers],
      ...(config.user === undefined ? {} : { user: config.user }),
      ...(config.pass === undefined ? {} : { pass: config.pass }),
      ...(config.token === undefined ? {} : { token: config.token }),
    };
    this.#prefix = config.subjectPrefix ?? DEFAULT_SUBJECT_PREFIX;
    this.#stream = {
      sink: ctx.id, name: config.stream ?? DEFAULT_STREAM, subject: streamSubject(this.#prefix),
      maxAgeMs: durationMs(config.maxAge, 0), replicas: config.replicas ?? 1,
      duplicateWindowMs: durationMs(config.duplicateWindow, DEFAULT_DUPLICATE_WINDOW_MS),
    };
    this.#maxInFlight = config.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  }

  /** While the supervisor backs off: retry as soon as any server of the cluster accepts TCP connections again. */
  retryWhen(signal: AbortSignal): Promise<void> | undefined {
    const peers = this.#link.servers.flatMap((s) => peerOfUrl(s.includes('://') ? s : `nats://${s}`, { nats: 4222, tls: 4222 }) ?? []);
    return peers.length > 0 ? Promise.race(peers.map((p) => peerReturns(p, signal))) : undefined;
  }

  async connect(signal: AbortSignal): Promise<void> {
    await this.close();
    const { nc, jsm } = await openNats(this.#link, signal);
    try {
      await ensureStream(jsm, this.#stream, this.#ctx.logger);
    } catch (e) {
      await nc.close().catch(() => undefined);
      if (e instanceof CausewayError) throw e;
      throw new CausewayError('CW_SINK_CONNECT_FAILED', { sink: this.#ctx.id, target: `stream ${this.#stream.name}`, reason: reasonOf(e) }, { cause: e });
    }
    const session: Session = { nc, js: nc.jetstream() };
    void nc.closed().then((err) => {
      const reason = err ? reasonOf(err) : 'the connection to the server closed';
      session.lost ??= this.#sendFailed(reason, err ?? undefined);
    });
    this.#session = session;
  }

  async send(batch: readonly Sample[]): Promise<void> {
    const session = this.#session;
    if (!session) throw this.#sendFailed('the sink is not connected to NATS');
    if (session.lost) throw session.lost;
    const stream = this.#stream.name;
    await forEachBounded(batch, this.#maxInFlight, async (s) => {
      const data = this.#encoder.encode(payloadFor(s, this.#ctx.describe(s.path)));
      try {
        await session.js.publish(subjectFor(this.#prefix, s.path), data, { msgID: msgIdFor(s), expect: { streamName: stream } });
      } catch (e) {
        throw session.lost ?? this.#sendFailed(reasonOf(e), e);
      }
    });
  }

  /** Alarm events on <base>.events in the sink's stream (default base <subjectPrefix>._alarms), deduplicated by event. */
  async sendAlarms(events: readonly AlarmEvent[], route: AlarmRoute): Promise<void> {
    const session = this.#session;
    if (!session) throw this.#sendFailed('the sink is not connected to NATS');
    if (session.lost) throw session.lost;
    const subject = `${route.prefix ?? `${this.#prefix}._alarms`}.events`;
    const stream = this.#stream.name;
    // One after the other: a consumer reads the transitions in the order they happened.
    for (const e of events) {
      try {
        await session.js.publish(subject, this.#encoder.encode(JSON.stringify(e)), { msgID: alarmMsgId(e), expect: { streamName: stream } });
      } catch (err) {
        throw session.lost ?? this.#sendFailed(reasonOf(err), err);
      }
    }
  }

  async close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    if (!session) return;
    session.lost ??= this.#sendFailed('the sink was closed');
    await session.nc.close().catch(() => undefined);
  }

  #sendFailed(reason: string, cause?: unknown): CausewayError {
    return new CausewayError('CW_SINK_SEND_FAILED', { sink: this.#ctx.id, reason }, cause === undefined ? {} : { cause });
  }
}

/** The NATS JetStream sink kind, loaded. */
export const natsSink: SinkConnector<NatsSinkConfig> = { ...natsSinkDefinition, create: (config, ctx) => new NatsSink(config, ctx) };
