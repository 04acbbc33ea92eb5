/**
 * The `modbus` source kind: a Modbus TCP device or gateway, polled. Tags are batched into the
 * fewest read requests per poll group; each group is polled by the runtime on its own grid.
 * Values are emitted raw (the pipeline applies the tag's scale/offset). See README.md.
 */
import { CausewayError } from '../../core/errors.js';
import type { Sample, Value } from '../../core/sample.js';
import type { DeviceInfo, Source, SourceConnector, SourceContext } from '../types.js';
import { maxPerRead, planBatches, type ReadBatch } from './batching.js';
import { readSettings, type ModbusSettings, type PollGroup } from './config.js';
import { ModbusConnection } from './connection.js';
import { identify } from './identify.js';
import { ExceptionLog, pollBatches } from './poll.js';
import { modbusDefinition } from './definition.js';
import type { ModbusConfig } from './schema.js';
import { readTags, type ModbusTag } from './tags.js';
import { writeTag } from './write.js';
import { peerReturns } from '../../protocols/reachable.js';

export type { ModbusConfig, ModbusTagConfig } from './schema.js';
export { ModbusConfigSchema, ModbusTagSchema } from './schema.js';
export type { ModbusTag } from './tags.js';

/** Problems with tags too large for one request under the configured limits. */
function sizeProblems(tags: readonly ModbusTag[], s: ModbusSettings): string[] {
  return tags
    .filter((t) => t.count > maxPerRead(t.area, { maxRegisters: s.maxRegisters, maxBits: s.maxBits }))
    .map((t) => `tag ${t.id}: it needs ${t.count} registers, more than maxRegistersPerRead (${s.maxRegisters})`);
}

/** A running Modbus TCP source; see modbusSource. */
class ModbusSource implements Source {
  readonly #ctx: SourceContext;
  readonly #settings: ModbusSettings;
  readonly #tags: ReadonlyMap<string, ModbusTag>;
  /** The read requests of each poll group, planned once. */
  readonly #plans = new Map<string, ReadBatch<ModbusTag>[]>();
  readonly #all: ReadBatch<ModbusTag>[];
  readonly #conn: ModbusConnection;
  readonly #log: ExceptionLog;
  /** Offered only when config.groups is set; otherwise the runtime polls at the source's pollInterval. */
  readonly pollGroups?: () => PollGroup[];

  constructor(config: ModbusConfig, ctx: SourceContext) {
    const invalid = (problems: string[]) => new CausewayError('CW_SOURCE_CONFIG_INVALID', { source: ctx.id, problem: problems.join('; ') });
    const { settings, problems } = readSettings(config);
    if (!settings) throw invalid(problems);
    const groups = settings.groups;
    const read = readTags(ctx.tags, { unitId: settings.unitId, groups: groups && new Set(groups.map((g) => g.id)) });
    const all = [...read.problems, ...sizeProblems(read.tags, settings)];
    if (all.length > 0) throw invalid(all);
    this.#ctx = ctx;
    this.#settings = settings;
    this.#tags = new Map(read.tags.map((t) => [t.id, t]));
    const batchOptions = { maxGap: settings.maxGap, maxRegisters: settings.maxRegisters, maxBits: settings.maxBits };
    this.#all = planBatches(read.tags, batchOptions);
    for (const g of groups ?? []) this.#plans.set(g.id, planBatches(read.tags.filter((t) => t.group === g.id), batchOptions));
    if (groups) this.pollGroups = () => groups.map((g) => ({ ...g }));
    this.#conn = new ModbusConnection({ sourceId: ctx.id, host: settings.host, port: settings.port, timeoutMs: settings.timeoutMs });
    this.#log = new ExceptionLog(ctx.logger, () => ctx.now());
  }

  connect(signal: AbortSignal): Promise<void> {
    return this.#conn.open(signal);
  }

  /** While the supervisor backs off: retry as soon as the PLC accepts TCP connections again. */
  retryWhen(signal: AbortSignal): Promise<void> {
    return peerReturns({ host: this.#settings.host, port: this.#settings.port }, signal);
  }

  /** Read the tags of one poll group (all tags without a group id). */
  poll(group?: string): Promise<Sample[]> {
    const batches = group === undefined ? this.#all : this.#plans.get(group);
    if (!batches) {
      const known = [...this.#plans.keys()].join(', ') || 'none';
      return Promise.reject(new CausewayError('CW_SOURCE_CONFIG_INVALID', { source: this.#ctx.id, problem: `there is no poll group "${group}" (configured: ${known})` }));
    }
    return pollBatches(this.#conn, batches, { sourceId: this.#ctx.id, now: () => this.#ctx.now() }, this.#log);
  }

  /** Vendor, product and firmware from Read Device Identification (function 43/14). */
  discover(): Promise<DeviceInfo> {
    return identify(this.#conn, this.#settings.unitId);
  }

  /** Write a raw value (before scale/offset) to a writable coil or holding-register tag, and read it back. */
  write(tagId: string, value: Value): Promise<void> {
    return writeTag(this.#conn, this.#ctx.id, tagId, this.#tags.get(tagId), value);
  }

  close(): Promise<void> {
    return this.#conn.close();
  }
}

/** The Modbus TCP source kind, loaded. */
export const modbusSource: SourceConnector<ModbusConfig> = {
  ...modbusDefinition,
  create(config: ModbusConfig, ctx: SourceContext): Source {
    return new ModbusSource(config, ctx);
  },
};
