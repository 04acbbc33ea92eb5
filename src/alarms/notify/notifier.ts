/**
 * Notification rules over alarm events: an alarm that is raised (becomes UNACK_ACTIVE) notifies
 * every rule that matches it by priority, area and path; one that stays active and unacknowledged
 * past its time to respond (the alarm's `timeToRespond`, else the rule's `escalation.after`) is
 * escalated once to the rule's escalation recipients. A rule does not notify about the same alarm
 * again within its quiet period, so a chattering alarm sends one mail, not hundreds. handle() and
 * tick() only decide and queue: delivery runs in the background (delivery.ts).
 */
import type { Logger } from 'pino';
import { priorityName } from '../../config/alarms.js';
import type { NotificationRuleConfig, NotificationsConfig } from '../../config/schema-alarm-notify.js';
import { isUnder } from '../../core/path.js';
import { durationMs } from '../../core/time.js';
import { safeTarget } from '../../sinks/shared/config.js';
import type { AlarmView } from '../index.js';
import { Deliveries, type ChannelStats, type DeliveryOptions, type Channel } from './delivery.js';
import { emailText, type MailSender } from './email.js';
import { raises, type AlarmEvent } from './event.js';
import { postNotification } from './webhook.js';

export const DEFAULT_QUIET_MS = 15 * 60_000;
export const DEFAULT_RETRY_FOR_MS = 3_600_000;
const WEBHOOK_TIMEOUT_MS = 10_000;

interface Rule {
  name: string;
  priorities?: ReadonlySet<string>;
  areas?: ReadonlySet<string>;
  paths?: readonly string[];
  email: readonly string[];
  webhooks: readonly string[];
  escalation?: { afterMs?: number; email: readonly string[]; webhooks: readonly string[] };
  quietMs: number;
}

function compile(r: NotificationRuleConfig, quietMs: number): Rule {
  return {
    name: r.name,
    ...(r.priorities ? { priorities: new Set(r.priorities.map((p) => priorityName(p, 'low'))) } : {}),
    ...(r.areas ? { areas: new Set(r.areas) } : {}),
    ...(r.paths ? { paths: r.paths } : {}),
    email: r.email ?? [], webhooks: r.webhooks ?? [],
    ...(r.escalation ? { escalation: { ...(r.escalation.after !== undefined ? { afterMs: durationMs(r.escalation.after, 0) } : {}), email: r.escalation.email ?? [], webhooks: r.escalation.webhooks ?? [] } } : {}),
    quietMs: durationMs(r.quietPeriod, quietMs),
  };
}

function matches(r: Rule, e: Pick<AlarmEvent, 'priority' | 'area' | 'path'>): boolean {
  if (r.priorities && !r.priorities.has(e.priority)) return false;
  if (r.areas && (e.area === undefined || !r.areas.has(e.area))) return false;
  return !r.paths || r.paths.some((p) => isUnder(e.path, p));
}

/** An alarm raised and not yet acknowledged: when, and which rules have escalated it. */
interface Pending {
  event: AlarmEvent;
  since: number;
  escalated: Set<string>;
}

export interface NotifierOptions {
  config: NotificationsConfig;
  mail?: MailSender;
  /** The alarm as it is now (state, rationalization), or undefined when it is gone. */
  lookup(id: string): AlarmView | undefined;
  logger: Logger;
  now: () => number;
  site?: string;
  /** Back-off and pending bound of the deliveries (tests make them short). */
  delivery?: Pick<DeliveryOptions, 'backoff' | 'maxPending' | 'delay'>;
}

export interface NotifierStats {
  channels: Record<Channel, ChannelStats>;
  /** Notifications not sent because the rule had notified about the alarm within its quiet period. */
  quieted: number;
  escalations: number;
  pending: number;
}

export class Notifier {
  readonly #o: NotifierOptions;
  readonly #rules: readonly Rule[];
  readonly #deliveries: Deliveries;
  /** `<rule>\n<kind>\n<alarm id>` → when it last notified. */
  readonly #last = new Map<string, number>();
  readonly #pending = new Map<string, Pending>();
  #quieted = 0;
  #escalations = 0;

  constructor(o: NotifierOptions) {
    this.#o = o;
    const quietMs = durationMs(o.config.quietPeriod, DEFAULT_QUIET_MS);
    this.#rules = o.config.rules.map((r) => compile(r, quietMs));
    this.#deliveries = new Deliveries({ logger: o.logger, now: o.now, retryForMs: durationMs(o.config.retryFor, DEFAULT_RETRY_FOR_MS), ...o.delivery });
  }

  /** Alarm events in order: notify what is raised, follow what may need escalating. Queues only. */
  handle(events: readonly AlarmEvent[]): void {
    for (const e of events) {
      if (e.state !== 'UNACK_ACTIVE') {
        this.#pending.delete(e.id);
        continue;
      }
      if (!raises(e)) continue;
      const rules = this.#rules.filter((r) => matches(r, e));
      if (rules.length === 0) continue;
      if (rules.some((r) => r.escalation)) this.#pending.set(e.id, { event: e, since: e.atMs, escalated: new Set() });
      for (const r of rules) this.#notify(r, e, 'notify', r.email, r.webhooks);
    }
  }

  /** Follow alarms that are already raised (at start, restored from the journal) for escalation; they are not notified again. */
  follow(raised: readonly AlarmView[]): void {
    for (const v of raised) {
      if (v.state !== 'UNACK_ACTIVE' || v.activeAt === undefined) continue;
      const event = { type: 'alarm', id: v.id, path: v.path, name: v.name, event: 'activate', state: v.state, from: 'NORMAL', priority: v.priority, message: v.message, at: new Date(v.activeAt).toISOString(), atMs: v.activeAt, ...(v.area ? { area: v.area } : {}), ...(v.value !== undefined ? { value: v.value } : {}), ...(v.setpoint !== undefined ? { setpoint: v.setpoint } : {}), ...(v.unit ? { unit: v.unit } : {}), rationalization: v.rationalization } satisfies AlarmEvent;
      if (this.#rules.some((r) => r.escalation && matches(r, event))) this.#pending.set(v.id, { event, since: v.activeAt, escalated: new Set() });
    }
  }

  /** Escalate alarms still active and unacknowledged past their time to respond, as of `now`. */
  tick(now: number): void {
    for (const [id, p] of this.#pending) {
      const view = this.#o.lookup(id);
      if (!view || view.state !== 'UNACK_ACTIVE') {
        this.#pending.delete(id);
        continue;
      }
      let open = false;
      for (const r of this.#rules) {
        if (!r.escalation || p.escalated.has(r.name) || !matches(r, p.event)) continue;
        const afterMs = view.rationalization.timeToRespondMs ?? r.escalation.afterMs;
        if (afterMs === undefined) continue;
        if (now - p.since < afterMs) {
          open = true;
          continue;
        }
        p.escalated.add(r.name);
        this.#escalations++;
        const event = { ...p.event, state: view.state };
        this.#notify(r, event, 'escalate', r.escalation.email, r.escalation.webhooks, afterMs);
      }
      if (!open) this.#pending.delete(id);
    }
  }

  stats(): NotifierStats {
    return { channels: this.#deliveries.stats(), quieted: this.#quieted, escalations: this.#escalations, pending: this.#deliveries.pending };
  }

  /** Resolves when nothing is being delivered (true) or after `ms` (false). */
  idle(ms: number): Promise<boolean> {
    return this.#deliveries.idle(ms);
  }

  async close(flushMs = 0): Promise<void> {
    await this.#deliveries.close(flushMs);
    this.#o.mail?.close();
  }

  #notify(r: Rule, e: AlarmEvent, kind: 'notify' | 'escalate', email: readonly string[], webhooks: readonly string[], afterMs?: number): void {
    const key = `${r.name}\n${kind}\n${e.id}`;
    const now = this.#o.now();
    const last = this.#last.get(key);
    if (last !== undefined && now - last < r.quietMs) {
      this.#quieted++;
      return;
    }
    this.#last.set(key, now);
    this.#forget(now);
    const base = { rule: r.name, kind, alarm: e.id };
    const mail = this.#o.mail;
    if (email.length > 0 && mail) {
      const text = emailText(e, { ...(afterMs !== undefined ? { escalation: { afterMs } } : {}), ...(this.#o.config.consoleUrl ? { consoleUrl: this.#o.config.consoleUrl } : {}), ...(this.#o.site ? { site: this.#o.site } : {}) });
      this.#deliveries.add({ ...base, channel: 'e-mail', target: email.join(', '), send: () => mail.send(email, text) });
    }
    if (webhooks.length === 0) return;
    const body = JSON.stringify({ ...e, notification: { rule: r.name, kind, ...(afterMs !== undefined ? { afterMs } : {}) } });
    const secret = this.#o.config.webhookSecret;
    for (const url of webhooks) {
      this.#deliveries.add({
        ...base, channel: 'webhook', target: safeTarget(url),
        send: (signal) => postNotification({ url, body, ...(secret ? { secret } : {}), timeoutMs: WEBHOOK_TIMEOUT_MS, signal, now: this.#o.now }),
      });
    }
  }

  /** Drop quiet-period marks that have run out, so the map stays as small as the alarms that notified lately. */
  #forget(now: number): void {
    if (this.#last.size < 10_000) return;
    const longest = Math.max(...this.#rules.map((r) => r.quietMs));
    for (const [k, at] of this.#last) if (now - at >= longest) this.#last.delete(k);
  }
}
