/**
 * What each sink will receive under the zone rule of sinks (core/zones' sinkFlow, the function the
 * running hub applies to every value): the values its selection takes, by the zone they belong to,
 * and whether that zone may send them to the sink. `causeway check` (and `causeway start`) report a
 * sink that selects values that can never reach it, naming the conduit to add.
 */
import type { ProblemContext } from '../config/collector.js';
import type { HubConfig, SinkConfig } from '../config/schema.js';
import { isUnder } from '../core/path.js';
import { sinkFlow, type ValueOrigin } from '../core/zones.js';
import { buildModel } from '../namespace/model.js';
import { isA } from '../namespace/templates.js';

/** A value the hub may hand a sink: an attribute, or a raw tag no attribute is bound to. */
interface HubValue extends ValueOrigin {
  path: string;
  /** For a dynamic source (topic captures, Sparkplug births): any tag under its id. */
  anyUnder?: boolean;
  /** The template of the attribute's asset. */
  template?: string;
}

/** The values of one zone that a sink's selection takes. */
export interface ZoneShare {
  zone: string;
  allowed: boolean;
  /** Paths of the values (for a dynamic source, `<source-id>/…`). */
  paths: string[];
  /** The sources producing them (none for values the hub makes). */
  sources: string[];
  /** Index in the sink's `paths:` of each entry selecting values of this zone (empty: no paths, everything). */
  selectedBy: number[];
}

/** One enabled sink and what reaches it. */
export interface SinkReach {
  sink: SinkConfig;
  /** Its index in `sinks:`. */
  index: number;
  shares: ZoneShare[];
}

/** Every value the hub may hand a sink: each attribute, and each raw tag no attribute is bound to. */
function hubValues(config: HubConfig, dynamicSources: ReadonlySet<string>): HubValue[] {
  const sources = (config.sources ?? []).filter((s) => s.enabled !== false);
  const model = buildModel(config.templates ?? [], config.assets ?? [], sources);
  const values: HubValue[] = [...model.attributes.values()].map((a) => ({
    path: a.path, attribute: true, ...(a.boundTo ? { raw: a.boundTo } : {}), ...(model.assets.get(a.asset)?.template ? { template: model.assets.get(a.asset)!.template! } : {}),
  }));
  for (const s of sources) {
    // A bound tag is stored and sent under its attribute's path only.
    for (const t of s.tags) if (!model.bindings.has(`${s.id}/${t.id}`)) values.push({ path: `${s.id}/${t.id}`, attribute: false, raw: `${s.id}/${t.id}` });
    if (dynamicSources.has(s.id)) values.push({ path: s.id, attribute: false, raw: `${s.id}/`, anyUnder: true });
  }
  return values;
}

/** The `paths:` entries of a sink that take `v` (every value when it has none); empty when none does. */
function selectors(v: HubValue, sink: SinkConfig): number[] | undefined {
  if (!sink.paths) return [];
  const by = sink.paths.flatMap((p, j) => (isUnder(v.path, p) || (v.anyUnder === true && isUnder(p, v.path)) ? [j] : []));
  return by.length > 0 ? by : undefined;
}

/** What reaches each enabled sink, by zone; `dynamicSources` are the ids of sources whose kind discovers its tags. */
export function sinkReach(config: HubConfig, dynamicSources: ReadonlySet<string> = new Set()): SinkReach[] {
  const zones = { sources: new Map((config.sources ?? []).filter((s) => s.enabled !== false).map((s) => [s.id, s.zone])), hub: config.site.hubZone };
  const conduits = config.conduits ?? [];
  const values = hubValues(config, dynamicSources);
  const templates = new Map((config.templates ?? []).map((t) => [t.id, t]));
  return (config.sinks ?? []).flatMap((sink, index) => {
    if (sink.enabled === false) return [];
    const shares = new Map<string, ZoneShare>();
    for (const v of values) {
      // A sink bound to a data contract takes only attributes of assets of the contract's template.
      if (sink.contract && !(v.attribute && isA(templates, v.template, sink.contract.template))) continue;
      const by = selectors(v, sink);
      const flow = by && sinkFlow(v, zones, conduits, sink.zone);
      if (!by || !flow) continue;
      const share = shares.get(flow.from) ?? { zone: flow.from, allowed: flow.allowed, paths: [], sources: [], selectedBy: [] };
      share.paths.push(v.anyUnder ? `${v.path}/…` : v.path);
      const source = v.raw?.split('/')[0];
      if (source !== undefined && zones.sources.has(source) && !share.sources.includes(source)) share.sources.push(source);
      for (const j of by) if (!share.selectedBy.includes(j)) share.selectedBy.push(j);
      shares.set(flow.from, share);
    }
    return [{ sink, index, shares: [...shares.values()] }];
  });
}

/** The conduit that lets telemetry of `from` reach `to`, as YAML to paste under `conduits:`. */
export function conduitSnippet(from: string, to: string): string {
  return `- { from: ${from}, to: ${to}, allow: [telemetry] }`;
}

function fix(config: HubConfig, from: string, to: string): string {
  const existing = (config.conduits ?? []).find((c) => c.from === from && c.to === to);
  return existing
    ? `Add telemetry to the allow: list of the conduit from ${from} to ${to} (allow: [${[...existing.allow, 'telemetry'].join(', ')}])`
    : `Add this conduit under conduits:  ${conduitSnippet(from, to)}`;
}

function origin(share: ZoneShare): string {
  return share.sources.length > 0 ? `source${share.sources.length > 1 ? 's' : ''} ${share.sources.join(', ')} in zone ${share.zone}` : `the hub (zone ${share.zone}: calculated and unbound attributes)`;
}

function some(paths: readonly string[]): string {
  return `${paths.length} value${paths.length === 1 ? '' : 's'} (${paths.slice(0, 2).join(', ')}${paths.length > 2 ? ', …' : ''})`;
}

/**
 * Report each sink whose `paths:` select values that can never reach it (one problem per entry and
 * zone), and each sink without `paths:` that would receive nothing at all, with the conduit to add.
 */
export function checkSinkReach(config: HubConfig, ctx: ProblemContext, dynamicSources?: ReadonlySet<string>): void {
  for (const { sink, index, shares } of sinkReach(config, dynamicSources)) {
    const name = `Sink ${sink.id} (zone ${sink.zone})`;
    const rule = `a value keeps the zone of the source that produced it and reaches a sink only along a telemetry conduit straight from that zone, not through the hub's zone`;
    for (const share of shares.filter((s) => !s.allowed)) {
      for (const j of share.selectedBy) {
        const message = `${name} selects ${some(share.paths)} under "${sink.paths![j]}" from ${origin(share)}, but ${rule}: it would never receive them.`;
        ctx.report(['sinks', index, 'paths', j], 'CW_CONFIG_FLOW_DENIED', message, `${fix(config, share.zone, sink.zone)}, or take "${sink.paths![j]}" out of the sink's paths.`);
      }
    }
    if (!sink.paths && shares.length > 0 && shares.every((s) => !s.allowed)) {
      const message = `${name} would receive nothing: every value of this config comes from ${shares.map(origin).join('; ')}, and ${rule}.`;
      ctx.report(['sinks', index, 'zone'], 'CW_CONFIG_FLOW_DENIED', message, `${shares.map((s) => fix(config, s.zone, sink.zone)).join('; ')}.`);
    }
  }
}

/** For `causeway check`'s summary: what each sink receives, and the values of other zones it does not get (with the conduit that would let them). */
export function describeSinkReach(config: HubConfig, dynamicSources?: ReadonlySet<string>): string {
  const reach = sinkReach(config, dynamicSources);
  if (reach.length === 0) return '';
  const lines = ['Sinks (a value keeps its source\'s zone; it reaches a sink only along a telemetry conduit straight from that zone):'];
  for (const { sink, shares } of reach) {
    const gets = shares.filter((s) => s.allowed);
    lines.push(`  ${sink.id} (zone ${sink.zone}) receives ${gets.length > 0 ? gets.map((s) => `${s.paths.length} value${s.paths.length === 1 ? '' : 's'} of zone ${s.zone}`).join(', ') : 'nothing'}`);
    for (const s of shares.filter((x) => !x.allowed)) lines.push(`    not the ${s.paths.length} value${s.paths.length === 1 ? '' : 's'} of zone ${s.zone} (${origin(s)}): to send them, add under conduits:  ${conduitSnippet(s.zone, sink.zone)}`);
  }
  return lines.join('\n');
}
