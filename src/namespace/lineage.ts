/**
 * Lineage: where a value comes from and where it goes. For an attribute or raw tag: the source and
 * tag feeding it (or, for a calculation, its inputs and their tags), every transform on the way
 * (normalization, deadband, value map, binding scale, unit conversion, calculation), and every
 * consumer: the historian, each sink whose path filter, contract and zone conduit accept it (and
 * why the others do not), and the calculations that read it. Pure: built from the config and model.
 */
import type { ConduitConfig, SinkConfig, SourceConfig, TagConfig } from '../config/schema.js';
import { isUnder } from '../core/path.js';
import { flowAllowed } from '../core/zones.js';
import type { CalcStats } from './calc-engine.js';
import type { AttributeNode, NamespaceModel } from './model.js';
import { isA, resolveTemplateAttributes } from './templates.js';

export interface LineageContext {
  sources: readonly SourceConfig[];
  sinks: readonly SinkConfig[];
  conduits: readonly ConduitConfig[];
  /** The hub's zone: values the hub calculates belong to it. */
  hubZone: string;
  calcStats(path: string): CalcStats | undefined;
  readersOf(path: string): readonly string[];
}

export type Transform =
  | { stage: 'normalize'; scale: number; offset: number; type?: string; clamp?: TagConfig['clamp'] }
  | { stage: 'deadband'; absolute?: number; percent?: number; span?: number; maxInterval?: number | string }
  | { stage: 'value-map'; map: Record<string, unknown> }
  | { stage: 'scale'; scale: number; offset: number }
  | { stage: 'unit-conversion'; from: string; to: string; factor: number; offset: number }
  | { stage: 'calculation'; expression: string; inputs: Array<{ ref: string; path?: string; use: string; windowMs?: number }>; evaluations: number; errors: number; lastError?: string };

export interface SourceLink {
  id: string;
  kind?: string;
  zone?: string;
  tag: { path: string; configured: boolean; id: string; type?: string; unit?: string; description?: string; scale?: number; offset?: number; deadband?: TagConfig['deadband']; clamp?: TagConfig['clamp'] };
}

export type Consumer = { kind: 'historian' } | { kind: 'sink'; id: string; sinkKind: string; zone: string; contract?: { template: string; version: number } } | { kind: 'calculation'; path: string };

export interface Lineage {
  path: string;
  kind: 'bound' | 'calculated' | 'unbound' | 'raw';
  attribute?: AttributeNode;
  /** The zone its values belong to: the source's, or the hub's for a calculation. */
  zone?: string;
  source?: SourceLink;
  /** Every raw tag upstream, through calculations. */
  upstream: string[];
  transforms: Transform[];
  consumers: Consumer[];
  /** Sinks that do not get it, and why. */
  excluded: Array<{ sink: string; reason: string }>;
}

function sourceLink(raw: string, ctx: LineageContext): SourceLink {
  const [sourceId = '', tagId = ''] = raw.split('/');
  const src = ctx.sources.find((s) => s.id === sourceId);
  const tag = src?.tags.find((t) => t.id === tagId);
  const { id: _id, ...rest } = tag ?? { id: tagId };
  const known = ['type', 'unit', 'description', 'scale', 'offset', 'deadband', 'clamp'] as const;
  const picked = Object.fromEntries(known.filter((k) => (rest as Record<string, unknown>)[k] !== undefined).map((k) => [k, (rest as Record<string, unknown>)[k]]));
  return { id: sourceId, ...(src ? { kind: src.kind, zone: src.zone } : {}), tag: { path: raw, configured: tag !== undefined, id: tagId, ...picked } };
}

function pipelineTransforms(link: SourceLink): Transform[] {
  const t = link.tag;
  if (!t.configured) return [];
  const out: Transform[] = [{ stage: 'normalize', scale: t.scale ?? 1, offset: t.offset ?? 0, ...(t.type ? { type: t.type } : {}), ...(t.clamp ? { clamp: t.clamp } : {}) }];
  if (t.deadband) out.push({ stage: 'deadband', ...t.deadband });
  return out;
}

function bindingTransforms(model: Readonly<NamespaceModel>, path: string): Transform[] {
  const feed = model.feeds.get(path);
  if (!feed) return [];
  const out: Transform[] = [];
  if (feed.map) out.push({ stage: 'value-map', map: { ...feed.map } });
  if (feed.scale !== 1 || feed.offset !== 0) out.push({ stage: 'scale', scale: feed.scale, offset: feed.offset });
  if (feed.conversion) out.push({ stage: 'unit-conversion', ...feed.conversion });
  return out;
}

/** The raw tags upstream of `path`, through calculations, in depth-first order (cycle-safe). */
export function upstreamTags(model: Readonly<NamespaceModel>, path: string, seen = new Set<string>()): string[] {
  // A stack, not recursion: a long chain of calculations must not overflow the call stack.
  const out = new Set<string>();
  const stack = [path];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    const feed = model.feeds.get(p);
    const calc = model.calcs.get(p);
    if (feed) out.add(feed.tag);
    else if (!calc) {
      if (!model.attributes.has(p)) out.add(p);
    } else {
      // Pushed last to first, so the first input is followed first, as the calculation lists them.
      const inputs = calc.inputs.flatMap((i) => (i.path ? [i.path] : []));
      for (let i = inputs.length - 1; i >= 0; i--) stack.push(inputs[i]!);
    }
  }
  return [...out];
}

function sinkDecision(model: Readonly<NamespaceModel>, path: string, zone: string | undefined, sink: SinkConfig, ctx: LineageContext): string | undefined {
  if (sink.enabled === false) return 'the sink is disabled';
  if (sink.paths && !sink.paths.some((p) => isUnder(path, p))) return `the path is not under its paths: ${sink.paths.join(', ')}`;
  if (sink.contract) {
    const attr = model.attributes.get(path);
    const asset = attr ? model.assets.get(attr.asset) : undefined;
    const named = attr !== undefined && resolveTemplateAttributes(model.templates, sink.contract.template).some((a) => a.name === attr.name);
    if (!named || !isA(model.templates, asset?.template, sink.contract.template)) return `it is not an attribute of contract ${sink.contract.template} v${sink.contract.version}`;
  }
  if (zone === undefined) return 'its zone is not known (no configured source feeds it)';
  if (!flowAllowed(ctx.conduits, zone, sink.zone, 'telemetry')) return `no conduit allows telemetry from zone ${zone} to zone ${sink.zone}`;
  return undefined;
}

function consumersOf(model: Readonly<NamespaceModel>, lineage: Lineage, ctx: LineageContext): void {
  lineage.consumers.push({ kind: 'historian' });
  for (const sink of ctx.sinks) {
    const reason = sinkDecision(model, lineage.path, lineage.zone, sink, ctx);
    if (reason) lineage.excluded.push({ sink: sink.id, reason });
    else lineage.consumers.push({ kind: 'sink', id: sink.id, sinkKind: sink.kind, zone: sink.zone, ...(sink.contract ? { contract: { template: sink.contract.template, version: sink.contract.version } } : {}) });
  }
  for (const reader of ctx.readersOf(lineage.path)) lineage.consumers.push({ kind: 'calculation', path: reader });
}

/** The lineage of an attribute or raw tag path; undefined when the namespace knows neither. */
export function lineageOf(model: Readonly<NamespaceModel>, path: string, ctx: LineageContext, isRawTag: (path: string) => boolean): Lineage | undefined {
  const attribute = model.attributes.get(path);
  if (!attribute && !isRawTag(path)) return undefined;
  const feed = model.feeds.get(path);
  const calc = model.calcs.get(path);
  const kind: Lineage['kind'] = !attribute ? 'raw' : feed ? 'bound' : calc ? 'calculated' : 'unbound';
  const lineage: Lineage = { path, kind, ...(attribute ? { attribute } : {}), upstream: upstreamTags(model, path), transforms: [], consumers: [], excluded: [] };
  const raw = feed?.tag ?? (attribute ? undefined : path);
  if (raw !== undefined) {
    lineage.source = sourceLink(raw, ctx);
    if (lineage.source.zone) lineage.zone = lineage.source.zone;
    lineage.transforms.push(...pipelineTransforms(lineage.source), ...bindingTransforms(model, path));
  } else if (calc) {
    const stats = ctx.calcStats(path) ?? { evaluations: 0, errors: 0 };
    lineage.zone = ctx.hubZone;
    const inputs = calc.inputs.map((i) => ({ ref: i.ref, ...(i.path ? { path: i.path } : {}), use: i.use, ...(i.windowMs !== undefined ? { windowMs: i.windowMs } : {}) }));
    lineage.transforms.push({ stage: 'calculation', expression: calc.program.source, inputs, evaluations: stats.evaluations, errors: stats.errors, ...(stats.lastError ? { lastError: stats.lastError } : {}) });
  } else if (attribute) {
    // Neither bound nor calculated: the hub's applications (production's OEE, line states) write it; values the hub makes belong to its zone.
    lineage.zone = ctx.hubZone;
  }
  consumersOf(model, lineage, ctx);
  return lineage;
}
