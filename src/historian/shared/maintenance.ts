/**
 * The historian's background upkeep, on a timer it owns (unref'd, so it never holds the process
 * open): compaction (DuckDB), rollups and retention. Runs once at open, then every interval;
 * retention at most hourly. Tasks run one at a time; a timer run that fails is logged and tried
 * again next time, an explicit run (maintain(), retention()) rejects with the reason.
 */
import type { Logger } from 'pino';
import { CausewayError, detailOf } from '../../core/errors.js';

/** In this order: rollups summarise raw samples before retention deletes them. */
export const TASKS = ['compact', 'rollups', 'retention'] as const;
export type TaskName = (typeof TASKS)[number];

/** Each task's report, for the tasks that ran. */
export type MaintenanceReport = Partial<Record<TaskName, unknown>>;

export interface MaintenanceOptions {
  /** Period of the timer; default 10 minutes. */
  intervalMs?: number;
  /** Least time between two timer runs of retention; default 1 hour. */
  retentionEveryMs?: number;
}

export class Maintenance {
  readonly #tasks: Partial<Record<TaskName, () => Promise<unknown>>>;
  readonly #log: Logger;
  readonly #now: () => number;
  readonly #intervalMs: number;
  readonly #retentionEveryMs: number;
  #lastRetention = -Infinity;
  #timer: NodeJS.Timeout | undefined;
  #chain: Promise<unknown> = Promise.resolve();
  /** Tasks queued by soon() and not started yet, so a burst of flushes queues each once. */
  readonly #queued = new Set<TaskName>();

  constructor(tasks: Partial<Record<TaskName, () => Promise<unknown>>>, log: Logger, now: () => number, opts: MaintenanceOptions = {}) {
    this.#tasks = tasks;
    this.#log = log;
    this.#now = now;
    this.#intervalMs = opts.intervalMs ?? 600_000;
    this.#retentionEveryMs = opts.retentionEveryMs ?? 3_600_000;
  }

  /** Run everything once now, then on the timer. */
  start(): void {
    if (this.#timer !== undefined || Object.keys(this.#tasks).length === 0) return;
    this.#tick();
    this.#timer = setInterval(() => this.#tick(), this.#intervalMs);
    this.#timer.unref();
  }

  /** Stop the timer and wait for the task running now (queued ones are skipped). */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#queued.clear();
    await this.#chain.catch(() => undefined);
  }

  /** Run `names` now, after anything already running; rejects with CW_HISTORIAN_MAINTENANCE_FAILED. */
  run(names: readonly TaskName[] = TASKS): Promise<MaintenanceReport> {
    const run = this.#chain.then(() => this.#runAll(names, true));
    this.#chain = run.catch(() => undefined);
    return run;
  }

  /** Queue one task to run in the background soon (once, however often asked before it starts). */
  soon(name: TaskName): void {
    if (!this.#tasks[name] || this.#queued.has(name)) return;
    this.#queued.add(name);
    const run = this.#chain.then(() => (this.#queued.delete(name) ? this.#runAll([name], false) : {}));
    this.#chain = run.catch(() => undefined);
  }

  #tick(): void {
    const due = TASKS.filter((t) => t !== 'retention' || this.#now() - this.#lastRetention >= this.#retentionEveryMs);
    const run = this.#chain.then(() => this.#runAll(due, false));
    this.#chain = run.catch(() => undefined);
  }

  async #runAll(names: readonly TaskName[], explicit: boolean): Promise<MaintenanceReport> {
    const report: MaintenanceReport = {};
    for (const name of names) {
      const task = this.#tasks[name];
      if (!task) continue;
      if (name === 'retention') this.#lastRetention = this.#now();
      try {
        report[name] = await task();
      } catch (e) {
        const reason = detailOf(e) ?? 'unknown error';
        if (explicit) throw new CausewayError('CW_HISTORIAN_MAINTENANCE_FAILED', { task: name, reason }, { cause: e });
        this.#log.warn({ task: name, err: reason }, 'historian maintenance failed; it is tried again on the next run');
      }
    }
    return report;
  }
}
