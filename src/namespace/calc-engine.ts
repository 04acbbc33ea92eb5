/**
 * Evaluates calculated attributes when one of their inputs changes, in dependency order, with the
 * expression language's interpreter. An output carries the newest input timestamp and the worst
 * input quality. A failing evaluation yields a bad-quality sample and a counted, rate-limited
 * warning; nothing thrown by a calculation leaves run().
 */
import { BUILTINS, DEFAULT_LIMITS, type ExprFunction, type ExprValue } from '../core/expression/index.js';
import { evaluateNode } from '../core/expression/interpreter.js';
import { CausewayError, isCausewayError } from '../core/errors.js';
import { coerceValue, type Quality, type Sample, type Value } from '../core/sample.js';
import type { CounterRule } from '../core/counter.js';
import { parseDuration } from '../core/time.js';
import { History, NotReady } from './history.js';
import type { LiveValues } from './live.js';
import type { AttributeNode, CalcDef } from './model.js';

/** Where warnings go: a pino logger fits. */
export interface WarnSink {
  warn(fields: object, message: string): void;
}

/** Evaluations and failures of one calculated attribute. */
export interface CalcStats {
  evaluations: number;
  errors: number;
  lastError?: string;
  lastErrorAt?: number;
}

/** One warning per calculated attribute per minute; the rest are counted. */
const WARN_WINDOW_MS = 60_000;
const RANK: Record<Quality, number> = { good: 0, uncertain: 1, bad: 2 };
const DEFAULT_VALUE: Record<AttributeNode['valueType'], Value> = { number: 0, boolean: false, string: '' };

/** Calculations in an order where each comes after the calculations it reads; cycles are left out. */
export function evaluationOrder(calcs: ReadonlyMap<string, CalcDef>): CalcDef[] {
  const order: CalcDef[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (c: CalcDef): boolean => {
    const s = state.get(c.path);
    if (s) return s === 'done';
    state.set(c.path, 'visiting');
    const ok = c.inputs.every((i) => i.path === undefined || !calcs.has(i.path) || visit(calcs.get(i.path)!));
    if (!ok) return false;
    state.set(c.path, 'done');
    order.push(c);
    return true;
  };
  for (const c of calcs.values()) visit(c);
  return order;
}

export class CalcEngine {
  readonly #order: CalcDef[];
  readonly #attributes: ReadonlyMap<string, AttributeNode>;
  readonly #live: LiveValues;
  readonly history = new History();
  readonly #stats = new Map<string, CalcStats>();
  readonly #warned = new Map<string, { at: number; suppressed: number }>();
  readonly #warn: WarnSink | undefined;
  readonly #now: () => number;
  readonly #functions: Readonly<Record<string, ExprFunction>>;
  /** Each calculation's references by the name written. */
  readonly #paths = new WeakMap<CalcDef, Map<string, string | undefined>>();
  /** The calculation being evaluated and its time, for the functions. */
  #current: { calc: CalcDef; at: number } | undefined;

  constructor(calcs: ReadonlyMap<string, CalcDef>, attributes: ReadonlyMap<string, AttributeNode>, live: LiveValues, opts: { warn?: WarnSink; now?: () => number } = {}) {
    this.#order = evaluationOrder(calcs);
    this.#attributes = attributes;
    this.#live = live;
    this.#warn = opts.warn;
    this.#now = opts.now ?? Date.now;
    for (const c of calcs.values()) {
      for (const i of c.inputs) {
        if (i.path === undefined || i.use === 'value') continue;
        this.history.track(i.path, i.windowMs ?? 0, counterOf(this.#attributes.get(i.path)));
      }
    }
    this.#functions = { ...BUILTINS, ...this.#calcFunctions() };
  }

  /** Evaluate every calculation that reads one of `changed` (which grows by each output); returns the outputs. */
  run(changed: Set<string>): Sample[] {
    const out: Sample[] = [];
    for (const calc of this.#order) {
      if (!calc.inputs.some((i) => i.path !== undefined && changed.has(i.path))) continue;
      const s = this.evaluate(calc);
      if (!s) continue;
      this.#live.update([s]);
      this.history.record(s);
      changed.add(calc.path);
      out.push(s);
    }
    return out;
  }

  /** Evaluate one calculation from the current values: its sample, or undefined while an input has no value yet. */
  evaluate(calc: CalcDef): Sample | undefined {
    const current: Sample[] = [];
    for (const i of calc.inputs) {
      const s = i.path === undefined ? undefined : this.#live.get(i.path);
      if (!s) return undefined;
      current.push(s);
    }
    if (current.length === 0) return undefined;
    const ts = Math.max(...current.map((s) => s.ts));
    const quality = current.reduce<Quality>((q, s) => (RANK[s.quality] > RANK[q] ? s.quality : q), 'good');
    const stats = this.statsOf(calc.path);
    stats.evaluations++;
    try {
      return { path: calc.path, value: this.#value(calc, ts), ts, quality };
    } catch (e) {
      const cause = isCausewayError(e) ? e.cause : e;
      if (cause instanceof NotReady || e instanceof NotReady) {
        stats.evaluations--;
        return undefined;
      }
      return this.#failed(calc, ts, e, stats);
    }
  }

  /** Evaluations and failures of a calculated attribute. */
  statsOf(path: string): CalcStats {
    let s = this.#stats.get(path);
    if (!s) this.#stats.set(path, (s = { evaluations: 0, errors: 0 }));
    return s;
  }

  #value(calc: CalcDef, at: number): Value {
    let byRef = this.#paths.get(calc);
    if (!byRef) this.#paths.set(calc, (byRef = new Map(calc.inputs.map((i) => [i.ref, i.path]))));
    const lookup = (name: string): ExprValue | undefined => {
      const path = byRef.get(name);
      return path === undefined ? undefined : this.#live.get(path)?.value;
    };
    this.#current = { calc, at };
    let result: ExprValue;
    try {
      result = evaluateNode(calc.program.ast, lookup, { functions: this.#functions, maxSteps: DEFAULT_LIMITS.maxSteps, maxStringLength: DEFAULT_LIMITS.maxStringLength });
    } finally {
      this.#current = undefined;
    }
    const attr = this.#attributes.get(calc.path)!;
    const value = isScalar(result) ? coerceValue(result, attr.valueType) : undefined;
    if (value === undefined) throw new Error(`the result ${JSON.stringify(result)} is not a ${attr.valueType}`);
    return value;
  }

  #failed(calc: CalcDef, ts: number, e: unknown, stats: CalcStats): Sample {
    const problem = isCausewayError(e) ? e.message.replace(/\.$/, '') : e instanceof Error ? e.message : String(e);
    const now = this.#now();
    stats.errors++;
    stats.lastError = problem;
    stats.lastErrorAt = now;
    this.#warnOnce(calc.path, problem, now);
    const attr = this.#attributes.get(calc.path)!;
    const previous = this.#live.get(calc.path)?.value;
    return { path: calc.path, value: previous ?? DEFAULT_VALUE[attr.valueType], ts, quality: 'bad' };
  }

  #warnOnce(path: string, problem: string, now: number): void {
    const w = this.#warned.get(path);
    if (w && now - w.at < WARN_WINDOW_MS) {
      w.suppressed++;
      return;
    }
    this.#warned.set(path, { at: now, suppressed: 0 });
    if (!this.#warn) return;
    const err = new CausewayError('CW_NAMESPACE_CALC_FAILED', { path, problem });
    this.#warn.warn({ code: err.code, path, hint: err.hint, suppressed: w?.suppressed ?? 0, errors: this.statsOf(path).errors }, err.message);
  }

  /** attr(), since_change(), rate() and avg(): their first argument is the reference as written. */
  #calcFunctions(): Record<string, ExprFunction> {
    const pathOf = (ref: ExprValue | undefined): string => {
      const input = this.#current?.calc.inputs.find((i) => i.ref === ref);
      if (!input?.path) throw new NotReady(`no attribute ${String(ref)}`);
      return input.path;
    };
    const at = (): number => this.#current?.at ?? 0;
    return {
      attr: { minArgs: 1, maxArgs: 1, call: (a) => this.#live.get(pathOf(a[0]))?.value ?? null },
      since_change: { minArgs: 1, maxArgs: 1, call: (a) => this.history.sinceChange(pathOf(a[0]), at()) },
      rate: { minArgs: 1, maxArgs: 1, call: (a) => this.history.rate(pathOf(a[0])) },
      avg: { minArgs: 2, maxArgs: 2, call: (a) => this.history.avg(pathOf(a[0]), parseDuration(String(a[1])) ?? 0, at()) },
    };
  }
}

/** A counter attribute's rule for rate() (its declared one, else: a drop is a reset); undefined for others. */
function counterOf(a: { type: string; counter?: CounterRule } | undefined): CounterRule | undefined {
  return a?.type === 'counter' ? (a.counter ?? {}) : undefined;
}

function isScalar(v: ExprValue): v is number | string | boolean {
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
}
