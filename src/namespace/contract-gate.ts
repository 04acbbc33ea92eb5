/**
 * The gate in front of a sink that requires a contract: the sink gets only attributes of assets
 * of the contract's template (or one extending it), and only samples that keep the contract; the
 * rest is quarantined with its reason — counted, kept for the API, logged at most once a minute.
 */
import type { ContractConfig } from '../config/schema.js';
import { CausewayError } from '../core/errors.js';
import type { Sample } from '../core/sample.js';
import { durationMs } from '../core/time.js';
import type { WarnSink } from './calc-engine.js';
import { checkSample, termsOf, type ContractTerms } from './contracts.js';
import type { LiveValues } from './live.js';
import type { NamespaceModel } from './model.js';
import type { Quarantine } from './quarantine.js';
import { isA, resolveTemplateAttributes } from './templates.js';

/** How old a required attribute may be when a contract does not say. */
export const DEFAULT_WINDOW_MS = 60_000;
const WARN_WINDOW_MS = 60_000;

/** The unit a value of `path` arrives in, as far as the hub knows it. */
export function deliveredUnit(model: Readonly<NamespaceModel>, path: string): string | undefined {
  const attr = model.attributes.get(path);
  if (!attr) return undefined;
  if (model.calcs.has(path)) return attr.unit;
  const feed = model.feeds.get(path);
  if (!feed) return undefined;
  return feed.conversion ? feed.conversion.to : feed.tagUnit;
}

export class ContractGate {
  readonly terms: ContractTerms;
  readonly #sink: string;
  readonly #model: Readonly<NamespaceModel>;
  readonly #live: LiveValues;
  readonly #quarantine: Quarantine;
  readonly #opts: { log?: WarnSink; now: () => number };
  /** A batch retried by the queue is checked (and counted) once. */
  readonly #checked = new WeakMap<readonly Sample[], Sample[]>();
  #warnedAt = -Infinity;
  #suppressed = 0;

  constructor(sink: string, contract: ContractConfig, model: Readonly<NamespaceModel>, live: LiveValues, quarantine: Quarantine, opts: { log?: WarnSink; now: () => number }) {
    this.#sink = sink;
    this.#model = model;
    this.#live = live;
    this.#quarantine = quarantine;
    this.#opts = opts;
    const attrs = resolveTemplateAttributes(model.templates, contract.template);
    this.terms = {
      template: contract.template,
      version: contract.version,
      windowMs: durationMs(contract.window, DEFAULT_WINDOW_MS),
      attributes: new Map(attrs.map((a) => [a.name, termsOf(a)])),
    };
    quarantine.register(sink, { template: contract.template, version: contract.version });
  }

  /** True for an attribute the contract names, of an asset whose template is the contract's or extends it. */
  covers(path: string): boolean {
    const attr = this.#model.attributes.get(path);
    return attr !== undefined && this.terms.attributes.has(attr.name) && isA(this.#model.templates, this.#model.assets.get(attr.asset)?.template, this.terms.template);
  }

  /** The samples that keep the contract; the others are quarantined. */
  filter(batch: readonly Sample[]): Sample[] {
    const done = this.#checked.get(batch);
    if (done) return done;
    const pass: Sample[] = [];
    for (const s of batch) {
      const attr = this.#model.attributes.get(s.path);
      if (!attr) continue;
      const v = checkSample(s, this.terms, {
        attribute: attr.name,
        deliveredUnit: deliveredUnit(this.#model, s.path),
        latest: (name) => this.#live.get(`${attr.asset}/${name}`),
      });
      if (!v) {
        pass.push(s);
        continue;
      }
      this.#quarantine.record(this.#sink, s, v, this.#opts.now());
      this.#warn(s, v.problem);
    }
    this.#checked.set(batch, pass);
    return pass;
  }

  #warn(s: Sample, problem: string): void {
    const now = this.#opts.now();
    if (now - this.#warnedAt < WARN_WINDOW_MS) {
      this.#suppressed++;
      return;
    }
    const err = new CausewayError('CW_NAMESPACE_CONTRACT_VIOLATION', { sink: this.#sink, path: s.path, contract: `${this.terms.template} v${this.terms.version}`, problem });
    this.#opts.log?.warn({ code: err.code, sink: this.#sink, path: s.path, value: s.value, hint: err.hint, suppressed: this.#suppressed }, err.message);
    this.#warnedAt = now;
    this.#suppressed = 0;
  }
}
