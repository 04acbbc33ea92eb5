/**
 * Compiles the source's subscriptions and static tags into routes: a parsed topic filter and the
 * value rules that turn a payload into samples. Every problem is collected, with where it is.
 */
import { TAG_COMMON_KEYS, type TagConfig } from '../../config/schema.js';
import { isCausewayError } from '../../core/errors.js';
import { compile, type Expression } from '../../core/expression/index.js';
import { parsePointer, type Pointer } from './pointer.js';
import { MqttTagSchema, schemaProblem, type MqttConfig, type MqttTagConfig, type SubscriptionConfig } from './schema.js';
import { parseTemplate, type TagTemplate } from './template.js';
import { parseFilter, type TopicFilter } from './topic.js';

export type Qos = 0 | 1 | 2;

/** One value of a payload: where it is and which tag it becomes. */
export interface ValueRule {
  /** Where it is configured, for messages: `subscriptions[0].values[1]`, `tag temp`. */
  readonly label: string;
  readonly tag: TagTemplate;
  readonly value?: Pointer;
  readonly timestamp?: Pointer;
  readonly quality?: Pointer;
  readonly expression?: Expression;
}

/** A topic filter and the value rules applied to each message it matches. */
export interface Route {
  readonly label: string;
  readonly filter: TopicFilter;
  readonly qos: Qos;
  readonly rules: readonly ValueRule[];
}

/** Variables every expression may read besides the topic's captures. */
export const EXPRESSION_VARIABLES = ['value', 'payload', 'topic'] as const;

interface MappingKeys {
  value?: string;
  timestamp?: string;
  quality?: string;
  expression?: string;
}

class RouteBuilder {
  readonly problems: string[] = [];

  #pointer(text: string | undefined, where: string): Pointer | undefined {
    if (text === undefined) return undefined;
    const p = parsePointer(text);
    if (typeof p === 'string') this.problems.push(`${where}: ${p}`);
    return typeof p === 'string' ? undefined : p;
  }

  #expression(text: string | undefined, captures: readonly string[], where: string): Expression | undefined {
    if (text === undefined) return undefined;
    try {
      const expr = compile(text);
      const known = [...EXPRESSION_VARIABLES, ...captures];
      const unknown = expr.variables().filter((v) => !known.includes(v));
      if (unknown.length > 0) this.problems.push(`${where}.expression reads ${unknown.join(', ')}; it may read ${known.join(', ')}`);
      return expr;
    } catch (e) {
      if (!isCausewayError(e)) throw e;
      this.problems.push(`${where}.expression: ${e.message.replace(/\.$/, '')}`);
      return undefined;
    }
  }

  rule(label: string, tag: string, keys: MappingKeys, defaults: MappingKeys, filter: TopicFilter): ValueRule | undefined {
    const template = parseTemplate(tag, filter.captures);
    if (typeof template === 'string') this.problems.push(`${label}: ${template}`);
    const rule: ValueRule = {
      label,
      tag: typeof template === 'string' ? { text: tag, parts: [] } : template,
      value: this.#pointer(keys.value, `${label}.value`),
      timestamp: this.#pointer(keys.timestamp ?? defaults.timestamp, `${label}.timestamp`),
      quality: this.#pointer(keys.quality ?? defaults.quality, `${label}.quality`),
      expression: this.#expression(keys.expression, filter.captures, label),
    };
    return typeof template === 'string' ? undefined : rule;
  }

  filter(text: string, where: string): TopicFilter | undefined {
    const f = parseFilter(text);
    if (typeof f === 'string') {
      this.problems.push(`${where}.topic: ${f}`);
      return undefined;
    }
    const reserved = f.captures.filter((c) => (EXPRESSION_VARIABLES as readonly string[]).includes(c));
    if (reserved.length > 0) this.problems.push(`${where}.topic: the capture name ${reserved.join(', ')} is reserved; choose another`);
    return f;
  }

  subscription(sub: SubscriptionConfig, i: number, defaultQos: Qos): Route | undefined {
    const where = `subscriptions[${i}]`;
    const filter = this.filter(sub.topic, where);
    if (!filter) return undefined;
    if ((sub.tag === undefined) === (sub.values === undefined)) {
      this.problems.push(`${where} needs either tag (one value) or values (several), not ${sub.tag === undefined ? 'neither' : 'both'}`);
      return undefined;
    }
    if (sub.values && (sub.value !== undefined || sub.expression !== undefined)) {
      this.problems.push(`${where}: with values, put value and expression inside each entry of values`);
    }
    const defaults = { timestamp: sub.timestamp, quality: sub.quality };
    const rules = sub.values
      ? sub.values.map((v, j) => this.rule(`${where}.values[${j}]`, v.tag, v, defaults, filter))
      : [this.rule(where, sub.tag!, sub, {}, filter)];
    return { label: where, filter, qos: sub.qos ?? defaultQos, rules: rules.filter((r) => r !== undefined) };
  }

  tag(tag: TagConfig, defaultQos: Qos): Route | undefined {
    const own = Object.fromEntries(Object.entries(tag).filter(([k]) => !TAG_COMMON_KEYS.includes(k))) as MqttTagConfig;
    const where = `tag ${tag.id}`;
    const problem = schemaProblem(MqttTagSchema, own, where);
    if (problem) {
      this.problems.push(problem);
      return undefined;
    }
    // A tag without a topic only describes (unit, scale, type) a tag that a subscription produces.
    if (own.topic === undefined) return undefined;
    const filter = this.filter(own.topic, where);
    const rule = filter && this.rule(where, tag.id, own, {}, filter);
    return filter && rule ? { label: where, filter, qos: own.qos ?? defaultQos, rules: [rule] } : undefined;
  }
}

/** The routes of a source's config and static tags, or every problem found. */
export function compileRoutes(config: MqttConfig, tags: readonly TagConfig[]): { routes: Route[]; problems: string[] } {
  const b = new RouteBuilder();
  const qos = config.qos ?? 1;
  const routes = [
    ...(config.subscriptions ?? []).map((s, i) => b.subscription(s, i, qos)),
    ...tags.map((t) => b.tag(t, qos)),
  ].filter((r): r is Route => r !== undefined);
  if (b.problems.length === 0 && routes.length === 0) b.problems.push('it has no subscriptions and no tags with a topic, so it would receive nothing');
  return { routes, problems: b.problems };
}
