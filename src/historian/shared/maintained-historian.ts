/**
 * The shared historian plus what runs beside its buffer: M4 cells (trends) read from the store
 * and merged with buffered rows, and the background upkeep (maintenance.ts): compaction,
 * retention and rollups. Both backends extend it.
 */
import pino from 'pino';
import { CausewayError } from '../../core/errors.js';
import { m4Spec } from '../query/m4.js';
import { rollupSpecs } from '../rollup/config.js';
import { NO_BUCKETS } from '../rollup/decode.js';
import type { RollupsConfig } from '../rollup/config.js';
import { floorTo } from '../rollup/job.js';
import type { RollupRunReport, RollupSpec } from '../rollup/job.js';
import type { Historian, M4Cell, M4Query, RollupQuery, RollupRead } from '../types.js';
import { BufferedHistorian } from './buffered-historian.js';
import { bufferedM4 } from './buffered-reads.js';
import { Maintenance } from './maintenance.js';
import type { MaintenanceOptions, MaintenanceReport, TaskName } from './maintenance.js';
import type { BufferedHistorianOptions, RollupBackendSpec } from './options.js';
import type { RetentionReport } from './store.js';
import { planRetention, retentionPolicy } from '../retention/plan.js';
import type { RetentionPolicy, RetentionRule } from '../retention/plan.js';

export interface MaintainedHistorianOptions extends BufferedHistorianOptions {
  /** How long raw samples are kept, per path pattern; the first rule that matches wins. None: for ever. */
  retention?: readonly RetentionRule[];
  /** Rollups to keep (default: 1m and 1h, for ever; `{}`: none). */
  rollups?: RollupsConfig;
  /** Timer of the background upkeep. */
  maintenance?: MaintenanceOptions;
}

export class MaintainedHistorian extends BufferedHistorian implements Historian {
  readonly #maintenance: Maintenance;
  readonly #log;
  readonly #rollups: readonly RollupSpec[];

  constructor(spec: RollupBackendSpec, opts: MaintainedHistorianOptions) {
    const { policy, rollups } = checkedUpkeep(spec.target, opts);
    super({ ...spec, openStore: () => spec.openStore(rollups) }, opts);
    this.#rollups = rollups;
    const now = opts.now ?? Date.now;
    this.#log = (opts.logger ?? pino({ level: 'silent' })).child({ component: 'historian', backend: spec.backend });
    this.#maintenance = new Maintenance({
      compact: async () => {
        const report = await this.store?.compact?.(now());
        if (report && report.rows > 0) this.#log.info(report, 'historian compacted closed days into sorted storage');
        return report;
      },
      ...(policy ? { retention: () => this.#retain(policy, now()) } : {}),
      ...(rollups.length > 0 ? { rollups: () => this.#rollup(now()) } : {}),
    }, this.#log, now, opts.maintenance);
  }

  /** The sizes of the rollups kept, in ms. */
  rollupSizes(): readonly number[] {
    return this.#rollups.map((r) => r.ms);
  }

  /**
   * Rollup buckets from the store, up to the first bucket that a buffered sample of these paths
   * (not yet in the rollup) falls in: from there the query layer reads raw samples, buffer included.
   */
  async readRollup(q: RollupQuery): Promise<RollupRead> {
    const ids = this.tagIdsOf(q.paths);
    if (ids.length === 0 || !this.#rollups.some((r) => r.ms === q.size)) return { coveredFrom: -Infinity, until: q.from, buckets: NO_BUCKETS, prior: [], next: [] };
    const { db, buffered } = await this.snapshotRead((s) => s.readRollup(ids, q.size, q.from, q.to, q.fields));
    const wanted = new Set(ids);
    let until = db.until;
    for (const { rows, n } of buffered) {
      for (let i = 0; i < n; i++) if (rows[i]!.ts < until && wanted.has(rows[i]!.tagId)) until = Math.max(q.from, floorTo(rows[i]!.ts, q.size));
    }
    // The next sample after the range may be a buffered one before the rollup's: raw samples decide then.
    return until === db.until ? db : { ...db, until, buckets: db.buckets.before(until), next: db.next.filter((s) => s.ts < until) };
  }

  async #rollup(now: number): Promise<RollupRunReport | undefined> {
    const report = await this.store?.rollup(now);
    if (report && Object.values(report).some((r) => r.written + r.rewritten + r.expired > 0)) this.#log.info(report, 'historian rollups brought up to date');
    return report;
  }

  override async open(): Promise<void> {
    await super.open();
    if (!this.readOnly) this.#maintenance.start();
  }

  override async close(): Promise<void> {
    await this.#maintenance.stop();
    try {
      await super.close();
    } catch (e) {
      if (this.store !== undefined && !this.readOnly) this.#maintenance.start(); // still open: keep up the upkeep
      throw e;
    }
  }

  /** Run the upkeep now (all tasks, or those named) and report what each did. */
  async maintain(tasks?: readonly TaskName[]): Promise<MaintenanceReport> {
    if (this.store === undefined) throw new CausewayError('CW_HISTORIAN_QUERY_FAILED', { reason: 'the historian is not open' });
    if (this.readOnly) throw new CausewayError('CW_HISTORIAN_MAINTENANCE_FAILED', { task: (tasks ?? ['upkeep']).join(', '), reason: 'the historian is open read-only' });
    return this.#maintenance.run(tasks);
  }

  /** Apply the retention rules now: delete raw samples older than their path's rule. */
  async retention(): Promise<RetentionReport> {
    const report = await this.maintain(['retention']);
    return (report.retention as RetentionReport | undefined) ?? { deleted: 0 };
  }

  async #retain(policy: RetentionPolicy, now: number): Promise<RetentionReport | undefined> {
    const store = this.store;
    if (store === undefined) return undefined;
    const plan = planRetention(policy, await this.tags(), now);
    const report = await store.applyRetention(plan);
    const rules = plan.groups.map((g) => ({ paths: g.paths, tags: g.tagIds.length, before: new Date(g.cutoff).toISOString() }));
    if (report.deleted > 0 || (report.droppedPartitions?.length ?? 0) > 0) this.#log.info({ ...report, rules }, 'historian retention deleted expired samples');
    return report;
  }

  protected override afterFlush(): void {
    if (this.store?.wantsCompaction?.()) this.#maintenance.soon('compact');
  }

  /** M4 cells from the store's SQL plus those of buffered rows the store does not hold yet. */
  async m4(q: M4Query): Promise<M4Cell[]> {
    const spec = m4Spec(q);
    if (typeof spec === 'string') throw new CausewayError('CW_HISTORIAN_QUERY_INVALID', { problem: spec });
    const ids = this.tagIdsOf(q.paths);
    if (ids.length === 0) return [];
    const { db, buffered } = await this.snapshotRead((s) => s.readM4(ids, spec));
    return db.concat(bufferedM4(buffered, new Set(ids), spec));
  }
}

/** The retention policy and rollups of the options; throws CW_HISTORIAN_OPEN_FAILED naming a bad rule. */
function checkedUpkeep(target: string, opts: MaintainedHistorianOptions): { policy: RetentionPolicy | undefined; rollups: RollupSpec[] } {
  try {
    return {
      policy: opts.retention && opts.retention.length > 0 ? retentionPolicy(opts.retention) : undefined,
      rollups: rollupSpecs(opts.rollups),
    };
  } catch (e) {
    throw new CausewayError('CW_HISTORIAN_OPEN_FAILED', { target, reason: (e as Error).message });
  }
}
