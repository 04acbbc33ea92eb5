/** The live namespace: maps raw source tags onto asset attributes, calculates, keeps last values, browses and searches. */
import type { AssetConfig, ContractConfig, SourceConfig, TemplateConfig } from '../config/schema.js';
import type { Sample } from '../core/sample.js';
import { CalcEngine, type CalcStats, type WarnSink } from './calc-engine.js';
import { ContractGate } from './contract-gate.js';
import { applyFeed } from './feeds.js';
import { lineageOf, type Lineage, type LineageContext } from './lineage.js';
import { LiveValues } from './live.js';
import { buildModel, type AttributeNode, type AssetNode, type CalcDef, type NamespaceModel } from './model.js';
import { Quarantine } from './quarantine.js';
import { search, type SearchQuery, type SearchResult } from './search.js';
import { childrenOf, type TreeNode } from './tree.js';

export type { AttributeNode, AssetNode, TreeNode, CalcDef, CalcStats, SearchQuery, SearchResult };
export type { Feed } from './feeds.js';
export type { QuarantineReport } from './quarantine.js';
export type { Lineage, LineageContext } from './lineage.js';

export interface NamespaceOptions {
  /** The configured sources: their tags' units drive unit conversion. */
  sources?: readonly SourceConfig[];
  /** Where rate-limited warnings (failing calculations, quarantined samples) go. */
  log?: WarnSink;
  /** The hub clock, for rate-limiting warnings. */
  now?: () => number;
}

export class Namespace {
  readonly #model: NamespaceModel;
  readonly live = new LiveValues();
  readonly quarantine = new Quarantine();
  readonly #calcs: CalcEngine;
  readonly #opts: NamespaceOptions;
  /** Raw tags seen that no binding maps: stored under their raw path. */
  readonly #rawTags = new Set<string>();
  /** Calculated attributes that read each path. */
  readonly #readers = new Map<string, string[]>();

  constructor(templates: readonly TemplateConfig[], assets: readonly AssetConfig[], opts: NamespaceOptions = {}) {
    this.#opts = opts;
    this.#model = buildModel(templates, assets, opts.sources ?? []);
    this.#calcs = new CalcEngine(this.#model.calcs, this.#model.attributes, this.live, { ...(opts.log ? { warn: opts.log } : {}), ...(opts.now ? { now: opts.now } : {}) });
    for (const c of this.#model.calcs.values()) {
      for (const i of c.inputs) if (i.path !== undefined && !this.#readers.get(i.path)?.includes(c.path)) this.#readers.set(i.path, [...(this.#readers.get(i.path) ?? []), c.path]);
    }
  }

  /**
   * Map a batch of raw samples onto the namespace: a bound tag becomes its attribute path(s),
   * mapped, typed, scaled and converted to the attribute's unit; an unbound tag keeps its raw path
   * so nothing is lost. Then every calculation that reads a changed attribute is evaluated.
   * Updates the live values; never throws for any value a source sends.
   */
  map(batch: readonly Sample[]): Sample[] {
    const out: Sample[] = [];
    for (const s of batch) {
      const targets = this.#model.bindings.get(s.path);
      if (!targets) {
        this.#rawTags.add(s.path);
        out.push(s);
        continue;
      }
      for (const path of targets) out.push(applyFeed(s, this.#model.feeds.get(path)!, this.#model.attributes.get(path)!));
    }
    this.live.update(out);
    if (this.#model.calcs.size === 0) return out;
    const changed = new Set<string>();
    for (const s of out) {
      this.#calcs.history.record(s);
      if (this.#readers.has(s.path)) changed.add(s.path);
    }
    if (changed.size > 0) out.push(...this.#calcs.run(changed));
    return out;
  }

  attribute(path: string): AttributeNode | undefined {
    return this.#model.attributes.get(path);
  }

  asset(path: string): AssetNode | undefined {
    return this.#model.assets.get(path);
  }

  /** The model, read-only: for lineage and contracts. */
  get model(): Readonly<NamespaceModel> {
    return this.#model;
  }

  /** The calculated attributes that read `path`. */
  readersOf(path: string): readonly string[] {
    return this.#readers.get(path) ?? [];
  }

  /** Evaluations and failures of a calculated attribute. */
  calcStats(path: string): CalcStats | undefined {
    return this.#model.calcs.has(path) ? { ...this.#calcs.statsOf(path) } : undefined;
  }

  /** The gate that keeps a sink's contract: which paths it covers, which samples pass. */
  contractGate(sink: string, contract: ContractConfig): ContractGate {
    return new ContractGate(sink, contract, this.#model, this.live, this.quarantine, { ...(this.#opts.log ? { log: this.#opts.log } : {}), now: this.#opts.now ?? Date.now });
  }

  /** Where the value of an attribute or raw tag comes from and where it goes; undefined for an unknown path. */
  lineage(path: string, ctx: Omit<LineageContext, 'calcStats' | 'readersOf'>): Lineage | undefined {
    const full: LineageContext = { ...ctx, calcStats: (p) => this.calcStats(p), readersOf: (p) => this.readersOf(p) };
    return lineageOf(this.#model, path, full, (p) => this.#rawTags.has(p) || (this.live.get(p) !== undefined && !this.#model.assets.has(p)));
  }

  /** Assets and attributes matching a template and/or text, paged. */
  search(q: SearchQuery): SearchResult {
    return search(this.#model, q);
  }

  /** Every known leaf path: modelled attributes, unbound raw tags, and anything with a live value. */
  *leaves(): IterableIterator<string> {
    const seen = new Set<string>();
    for (const it of [this.#model.attributes.keys(), this.#rawTags.values(), this.live.paths()]) {
      for (const p of it) {
        if (seen.has(p)) continue;
        seen.add(p);
        yield p;
      }
    }
  }

  /** The children of `prefix` ('' for the roots). */
  browse(prefix: string): TreeNode[] {
    return childrenOf(
      prefix,
      this.leaves(),
      (path, isLeaf) => (this.#model.assets.has(path) ? 'asset' : this.#model.attributes.has(path) ? 'attribute' : isLeaf ? 'tag' : 'folder'),
      (path) => this.#model.assets.get(path)?.template,
    );
  }

  /** True when anything is at or below `prefix`. */
  has(prefix: string): boolean {
    for (const p of this.leaves()) if (p === prefix || p.startsWith(`${prefix}/`)) return true;
    return false;
  }

  /** Remember raw paths already in the historian (from a previous run) so they can be browsed. */
  addKnownPaths(paths: Iterable<string>): void {
    for (const p of paths) if (!this.#model.attributes.has(p)) this.#rawTags.add(p);
  }
}
