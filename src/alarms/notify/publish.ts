/**
 * Alarm events through the sinks that opt in (`alarms:` on a sink), with the sinks' store and
 * forward: each sink has its own channel `alarms:<sink id>` in the sinks' durable buffer
 * (`<data dir>/buffer.sqlite`); an event is on disk before publish() returns and is removed only
 * after the destination acknowledged it, so a broker, NATS server or receiver that is down loses
 * nothing (up to the buffer's bound), in order, across restarts. An event goes to a sink only when
 * the alarm's attribute would (the sink's paths and the zones' conduits).
 */
import type { Logger } from 'pino';
import type { Sample } from '../../core/sample.js';
import { Forwarder, type SpoolStore } from '../../pipeline/forwarder.js';
import type { AlarmRoute } from '../../sinks/shared/alarms.js';
import type { AlarmEvent } from './event.js';

/** Events an alarm channel keeps at most while its sink is down (past it the oldest go, counted). */
export const DEFAULT_ALARM_BUFFER = 100_000;

export interface AlarmOutlet {
  /** The sink's id. */
  id: string;
  route: AlarmRoute;
  /** Whether an alarm on this attribute path may go to the sink. */
  accepts(path: string): boolean;
  send(events: readonly AlarmEvent[]): Promise<void>;
  /** Called when the sink's link comes back, so the backlog drains at once. */
  onConnected(listener: () => void): unknown;
  /** Whether the sink is connected now (a stop waits for a sink that is down no longer than it must). */
  connected(): boolean;
}

export interface AlarmPublisherOptions {
  outlets: readonly AlarmOutlet[];
  spool: SpoolStore;
  logger: Logger;
  maxBuffered?: number;
}

export interface PublisherStats {
  sink: string;
  buffered: number;
  delivered: number;
  retries: number;
  dropped: number;
}

/**
 * The spool stores batches of samples as JSON and gives them back as they were: an alarm channel
 * stores events in it. The cast is the only place the two meet.
 */
const asBatch = (events: readonly AlarmEvent[]) => events as unknown as readonly Sample[];
const asEvents = (batch: readonly Sample[]) => batch as unknown as readonly AlarmEvent[];

export class AlarmPublisher {
  readonly #outlets: Array<{ outlet: AlarmOutlet; forwarder: Forwarder; dropped: number }>;
  readonly #logger: Logger;

  constructor(o: AlarmPublisherOptions) {
    this.#logger = o.logger;
    this.#outlets = o.outlets.map((outlet) => {
      const entry = { outlet, dropped: 0 } as { outlet: AlarmOutlet; forwarder: Forwarder; dropped: number };
      entry.forwarder = new Forwarder({
        name: `alarms:${outlet.id}`, spool: o.spool, maxBufferedSamples: o.maxBuffered ?? DEFAULT_ALARM_BUFFER,
        // Alarm events are few and each matters: sent as they come, in batches of at most 100.
        maxSendSamples: 100,
        send: (batch) => outlet.send(asEvents(batch)),
        onDrop: (n, reason, error) => {
          entry.dropped += n;
          this.#logger.error({ sink: outlet.id, events: n, reason, err: error }, `Sink ${outlet.id} lost ${n} alarm event${n === 1 ? '' : 's'} (${reason === 'buffer_full' ? 'its alarm buffer is full' : 'the destination refused them'}).`);
        },
      });
      outlet.onConnected(() => entry.forwarder.resume());
      return entry;
    });
  }

  /** Buffer the events for every sink they may reach; returns when they are on disk. Never throws: a buffer that cannot be written is logged. */
  publish(events: readonly AlarmEvent[]): void {
    for (const { outlet, forwarder } of this.#outlets) {
      const mine = events.filter((e) => outlet.accepts(e.path));
      if (mine.length === 0) continue;
      try {
        forwarder.enqueue(asBatch(mine));
      } catch (e) {
        this.#logger.error({ sink: outlet.id, events: mine.length, err: e }, `Alarm events for sink ${outlet.id} could not be buffered (${e instanceof Error ? e.message : String(e)}); they are not published.`);
      }
    }
  }

  start(): void {
    for (const { forwarder } of this.#outlets) forwarder.start();
  }

  /** Send what is buffered for up to `ms`, then stop; the rest stays on disk for the next start. */
  async close(ms = 0): Promise<void> {
    await Promise.all(this.#outlets.map(async ({ outlet, forwarder }) => {
      if (ms > 0 && outlet.connected()) await forwarder.flush(ms);
      await forwarder.close();
    }));
  }

  stats(): PublisherStats[] {
    return this.#outlets.map(({ outlet, forwarder, dropped }) => {
      const s = forwarder.stats();
      return { sink: outlet.id, buffered: s.buffered, delivered: s.delivered, retries: s.retries, dropped };
    });
  }
}
