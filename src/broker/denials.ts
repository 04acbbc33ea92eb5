/**
 * Refused publishes and subscriptions: every one is counted; the first per user and action in
 * each window is reported at once (to the log and the audit trail), the rest of that window are
 * reported as one summary when it ends. A client that floods denied publishes costs a few audit
 * records a minute, not one per message. Keys are bounded: users are configured, anonymous is one.
 */

export type DenialAction = 'publish' | 'subscribe';

/** One refused publish (a Will or a retained message included) or subscription. */
export interface BrokerDenial {
  action: DenialAction;
  /** The broker user; undefined for an anonymous client. */
  username: string | undefined;
  clientId: string;
  /** The client's network address (its socket's). */
  address?: string | undefined;
  /** The topic published to, or the filter subscribed to. */
  topic: string;
  retain?: boolean;
  /** The message was the client's Will, published when it went away. */
  will?: boolean;
}

/** What is reported: a denial, with how many more of the same user and action were refused since the last report. */
export interface DenialReport extends BrokerDenial {
  /** Denials of the same user and action in this window not reported one by one (a summary when > 0). */
  suppressed: number;
}

export interface DenialCounts {
  publish: number;
  subscribe: number;
}

export interface DenialThrottleOptions {
  /** One report per user and action per window; default 60 s. */
  windowMs?: number;
  now?: () => number;
  report(r: DenialReport): void;
}

interface Window {
  until: number;
  suppressed: number;
  last: BrokerDenial | undefined;
  timer: NodeJS.Timeout | undefined;
}

export const DEFAULT_DENIAL_WINDOW_MS = 60_000;

/** Counts every denial and reports them, throttled per user and action. */
export class DenialThrottle {
  readonly #opts: Required<Omit<DenialThrottleOptions, 'report'>> & Pick<DenialThrottleOptions, 'report'>;
  readonly #windows = new Map<string, Window>();
  readonly #counts: DenialCounts = { publish: 0, subscribe: 0 };

  constructor(opts: DenialThrottleOptions) {
    this.#opts = { windowMs: opts.windowMs ?? DEFAULT_DENIAL_WINDOW_MS, now: opts.now ?? Date.now, report: opts.report };
  }

  /** Every denial since start, by action. */
  counts(): DenialCounts {
    return { ...this.#counts };
  }

  /** Count a denial; report it now, or fold it into the window's summary. */
  deny(d: BrokerDenial): void {
    this.#counts[d.action]++;
    const key = `${d.action}\u0000${d.username ?? ''}`;
    const now = this.#opts.now();
    const w = this.#windows.get(key);
    if (w && now < w.until) {
      w.suppressed++;
      w.last = d;
      w.timer ??= this.#schedule(key, w, now);
      return;
    }
    if (w) this.#summarize(key, w);
    this.#windows.set(key, { until: now + this.#opts.windowMs, suppressed: 0, last: undefined, timer: undefined });
    this.#send({ ...d, suppressed: 0 });
  }

  /** Report what is pending and stop the timers (at shutdown). */
  flush(): void {
    for (const [key, w] of this.#windows) this.#summarize(key, w);
    this.#windows.clear();
  }

  #schedule(key: string, w: Window, now: number): NodeJS.Timeout {
    const t = setTimeout(() => this.#summarize(key, w), Math.max(0, w.until - now));
    t.unref();
    return t;
  }

  /** Report the window's suppressed denials as one record (the last one, with the count). */
  #summarize(key: string, w: Window): void {
    if (w.timer) clearTimeout(w.timer);
    w.timer = undefined;
    if (w.suppressed > 0 && w.last) this.#send({ ...w.last, suppressed: w.suppressed });
    w.suppressed = 0;
    w.last = undefined;
    if (this.#windows.get(key) === w && this.#opts.now() >= w.until) this.#windows.delete(key);
  }

  #send(r: DenialReport): void {
    try {
      this.#opts.report(r);
    } catch {
      // A failing reporter (the audit log's disk) must not stop the broker from refusing.
    }
  }
}
