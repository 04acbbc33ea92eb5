/** The contract every northbound output fulfils. See ARCHITECTURE §4. */
import type { TSchema } from 'typebox';
import type { Logger } from 'pino';
import type { Sample } from '../core/sample.js';
import type { LinkSecurityOf } from '../core/zones.js';
import type { AlarmEvent, AlarmRoute } from './shared/alarms.js';

/** What a sink may know of a path: the meaning the namespace gives it. */
export interface PathInfo {
  unit?: string;
  type?: 'number' | 'boolean' | 'string';
  description?: string;
}

export interface SinkContext {
  readonly id: string;
  readonly zone: string;
  readonly logger: Logger;
  /** The hub's data directory (local state of a sink). */
  readonly dataDir: string;
  /** Unit, type and description of a path, from the namespace (undefined for raw tags). */
  describe(path: string): PathInfo | undefined;
  now(): number;
}

/** A running output. */
export interface Sink {
  connect(signal: AbortSignal): Promise<void>;
  /** Resolve only after the destination has accepted the whole batch; throw a CausewayError otherwise. */
  send(batch: readonly Sample[]): Promise<void>;
  /** While the supervisor backs off: resolves when a retry may succeed now (e.g. the destination accepts TCP connections again). */
  retryWhen?(signal: AbortSignal): Promise<void> | undefined;
  /** Alarm events, for a sink with `alarms:` (docs/alarms.md, "Publication"); resolve only once the destination accepted them all. */
  sendAlarms?(events: readonly AlarmEvent[], route: AlarmRoute): Promise<void>;
  close(): Promise<void>;
}

/** What the config and the check know of a sink kind; no client library behind it. */
export interface SinkKindInfo {
  readonly kind: string;
  readonly description: string;
  readonly configSchema: TSchema;
  /** How its link is secured, from its (possibly invalid) config: checked against conduits with require: { tls: true }. */
  readonly linkSecurity?: LinkSecurityOf;
}

/**
 * A sink kind as the registry lists it (`<kind>/definition.ts`): its schema, light enough for
 * `causeway check`, and `load()`, which imports the sink with its client library (mqtt, nats…)
 * when the hub is about to connect a sink of this kind.
 */
export interface SinkDefinition<C = unknown> extends SinkKindInfo {
  load(): Promise<SinkConnector<C>>;
}

/** A loaded sink kind (`<kind>/index.ts`): the definition's facts and the factory of running sinks. */
export interface SinkConnector<C = unknown> extends SinkKindInfo {
  create(config: C, ctx: SinkContext): Sink;
}
