/**
 * How the hub delivers alarms to IT and people: every journaled transition becomes an alarm event
 * (alarms/notify/event.ts), published through the sinks that opt in with `alarms:` (durably, via
 * their store-and-forward buffer) and handed to the notification rules (`notifications:`). The
 * alarm listener only builds the events; buffering and notifying run right after, off the ingest
 * path, and notifications are delivered in the background. Metrics are added to the hub's registry.
 */
import type { Logger } from 'pino';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { HubConfig } from '../config/schema.js';
import { isUnder } from '../core/path.js';
import { sinkFlow } from '../core/zones.js';
import type { Alarms, JournalEntry } from '../alarms/index.js';
import { alarmEvent, type AlarmEvent } from '../alarms/notify/event.js';
import { smtpSender } from '../alarms/notify/email.js';
import { Notifier } from '../alarms/notify/notifier.js';
import { AlarmPublisher, type AlarmOutlet } from '../alarms/notify/publish.js';
import type { Namespace } from '../namespace/index.js';
import type { SpoolStore } from '../pipeline/forwarder.js';
import type { SinkSupervisor } from './supervisor.js';

/** How often escalations are looked at. */
const ESCALATION_TICK_MS = 1000;

export interface AlarmDeliveryDeps {
  config: HubConfig;
  alarms: Alarms;
  namespace: Namespace;
  sinks: ReadonlyMap<string, SinkSupervisor>;
  spool: SpoolStore | undefined;
  logger: Logger;
  now: () => number;
  metrics: Registry;
}

export interface AlarmDelivery {
  readonly publisher: AlarmPublisher | undefined;
  readonly notifier: Notifier | undefined;
  start(): void;
  /** Send what is buffered and pending for up to `flushMs`, then stop (before the sinks stop). */
  close(flushMs: number): Promise<void>;
}

function outletsOf(d: AlarmDeliveryDeps): AlarmOutlet[] {
  const zones = { sources: new Map((d.config.sources ?? []).filter((s) => s.enabled !== false).map((s) => [s.id, s.zone])), hub: d.config.site.hubZone };
  const conduits = d.config.conduits ?? [];
  return (d.config.sinks ?? []).flatMap((cfg): AlarmOutlet[] => {
    const sup = d.sinks.get(cfg.id);
    if (!cfg.alarms || !sup) return [];
    if (!sup.carriesAlarms) {
      d.logger.error({ sink: cfg.id }, `Sink ${cfg.id} (kind ${cfg.kind}) cannot carry alarm events; its alarms: is ignored.`);
      return [];
    }
    // An alarm goes where its attribute's values may go: the sink's paths, and the zones' conduits.
    const accepts = (path: string): boolean => {
      if (cfg.paths && !cfg.paths.some((p) => isUnder(path, p))) return false;
      const attr = d.namespace.attribute(path);
      const value = attr ? { attribute: true, ...(attr.boundTo ? { raw: attr.boundTo } : {}) } : { attribute: false, raw: path };
      return sinkFlow(value, zones, conduits, cfg.zone)?.allowed === true;
    };
    const route = typeof cfg.alarms === 'object' && cfg.alarms.prefix !== undefined ? { prefix: cfg.alarms.prefix } : {};
    return [{ id: cfg.id, route, accepts, send: (events) => sup.sendAlarms(events, route), onConnected: (l) => sup.onConnected(l), connected: () => sup.status().state === 'connected' }];
  });
}

function addMetrics(registry: Registry, publisher: AlarmPublisher | undefined, notifier: Notifier | undefined): void {
  const opts = { registers: [registry] };
  if (publisher) {
    new Gauge({ ...opts, name: 'causeway_alarm_events_buffered', help: "Alarm events waiting in a sink's store-and-forward buffer.", labelNames: ['sink'],
      collect() { this.reset(); for (const s of publisher.stats()) this.set({ sink: s.sink }, s.buffered); } });
    new Counter({ ...opts, name: 'causeway_alarm_events_published_total', help: 'Alarm events a sink acknowledged (since start).', labelNames: ['sink'],
      collect() { this.reset(); for (const s of publisher.stats()) if (s.delivered > 0) this.inc({ sink: s.sink }, s.delivered); } });
    new Counter({ ...opts, name: 'causeway_alarm_events_dropped_total', help: 'Alarm events a sink lost (buffer full, or refused for good).', labelNames: ['sink'],
      collect() { this.reset(); for (const s of publisher.stats()) if (s.dropped > 0) this.inc({ sink: s.sink }, s.dropped); } });
  }
  if (notifier) {
    new Counter({ ...opts, name: 'causeway_alarm_notifications_total', help: 'Alarm notifications by channel and outcome: sent, retried (a failed attempt that is tried again), rejected, given_up, dropped, quieted.', labelNames: ['channel', 'outcome'],
      collect() {
        this.reset();
        const s = notifier.stats();
        for (const [channel, c] of Object.entries(s.channels)) {
          for (const [outcome, n] of [['sent', c.sent], ['retried', c.retries], ['rejected', c.rejected], ['given_up', c.givenUp], ['dropped', c.dropped]] as const) if (n > 0) this.inc({ channel, outcome }, n);
        }
        if (s.quieted > 0) this.inc({ channel: 'any', outcome: 'quieted' }, s.quieted);
      } });
    new Counter({ ...opts, name: 'causeway_alarm_escalations_total', help: 'Alarms escalated because they stayed unacknowledged past their time to respond.',
      collect() { this.reset(); if (notifier.stats().escalations > 0) this.inc(notifier.stats().escalations); } });
    new Gauge({ ...opts, name: 'causeway_alarm_notifications_pending', help: 'Alarm notifications being delivered or waiting to be retried.',
      collect() { this.set(notifier.stats().pending); } });
  }
}

/** The delivery of alarms the config asks for, or undefined when it asks for none. */
export function openAlarmDelivery(d: AlarmDeliveryDeps): AlarmDelivery | undefined {
  const outlets = outletsOf(d);
  const publisher = outlets.length > 0 && d.spool ? new AlarmPublisher({ outlets, spool: d.spool, logger: d.logger.child({ component: 'alarm-publication' }) }) : undefined;
  const n = d.config.notifications;
  const notifier = n ? new Notifier({
    config: n, lookup: (id) => d.alarms.find(id), logger: d.logger.child({ component: 'notifications' }), now: d.now, site: d.config.site.name,
    ...(n.smtp ? { mail: smtpSender(n.smtp) } : {}),
  }) : undefined;
  if (!publisher && !notifier) return undefined;
  addMetrics(d.metrics, publisher, notifier);
  let queued: AlarmEvent[] = [];
  const flush = () => {
    const events = queued;
    queued = [];
    publisher?.publish(events);
    notifier?.handle(events);
  };
  // The listener runs inside the alarm evaluation: it builds the events and leaves the rest for right after.
  const unsubscribe = d.alarms.subscribe((entries: readonly JournalEntry[]) => {
    if (queued.length === 0) setImmediate(flush);
    for (const e of entries) queued.push(alarmEvent(e, d.alarms.find(e.id)));
  });
  let timer: NodeJS.Timeout | undefined;
  return {
    publisher, notifier,
    start() {
      publisher?.start();
      if (notifier) {
        // Alarms raised before a restart and still unacknowledged are escalated when their time comes.
        notifier.follow(d.alarms.list({ states: ['UNACK_ACTIVE'] }));
        timer = setInterval(() => notifier.tick(d.now()), ESCALATION_TICK_MS);
        timer.unref();
      }
    },
    async close(flushMs) {
      unsubscribe();
      clearInterval(timer);
      if (queued.length > 0) flush();
      await Promise.all([publisher?.close(flushMs), notifier?.close(flushMs)]);
    },
  };
}
