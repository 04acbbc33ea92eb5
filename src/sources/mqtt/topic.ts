/**
 * Topic filters with named captures: `plant/+line/+machine/telemetry` subscribes to
 * `plant/+/+/telemetry` and captures the two levels as `line` and `machine`; a trailing `#` (or
 * `#rest`) matches the remaining levels. Pure: parsing, matching, and pruning overlapping filters.
 */

export type FilterLevel =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'single'; readonly name?: string }
  | { readonly kind: 'multi'; readonly name?: string };

export interface TopicFilter {
  /** The filter as written, with capture names. */
  readonly text: string;
  /** The MQTT filter sent to the broker (`+` and `#` without names). */
  readonly mqtt: string;
  readonly levels: readonly FilterLevel[];
  /** Capture names, in order. */
  readonly captures: readonly string[];
}

const CAPTURE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The MQTT limit on a topic: 65535 bytes of UTF-8. */
const MAX_TOPIC_BYTES = 65_535;

function parseLevel(level: string, last: boolean): FilterLevel | string {
  const wild = level[0];
  if (wild === '+' || wild === '#') {
    const name = level.slice(1);
    if (name !== '' && !CAPTURE_NAME.test(name)) return `"${level}": a capture name is letters, digits and "_", not starting with a digit`;
    if (wild === '#' && !last) return `"${level}" must be the last level`;
    const kind = wild === '+' ? 'single' : 'multi';
    return name === '' ? { kind } : { kind, name };
  }
  if (level.includes('+') || level.includes('#')) return `"${level}": "+" and "#" must fill a whole level`;
  return { kind: 'literal', text: level };
}

/** Parse a filter with named captures; a string is the problem with it. */
export function parseFilter(text: string): TopicFilter | string {
  if (text.length === 0) return 'the topic filter is empty';
  if (Buffer.byteLength(text) > MAX_TOPIC_BYTES) return 'the topic filter is longer than 65535 bytes';
  if (text.includes('\u0000')) return 'the topic filter contains a NUL character';
  if (text.startsWith('$share/')) return 'shared subscriptions ($share/...) are not supported';
  const raw = text.split('/');
  const levels: FilterLevel[] = [];
  const captures: string[] = [];
  for (const [i, level] of raw.entries()) {
    const parsed = parseLevel(level, i === raw.length - 1);
    if (typeof parsed === 'string') return parsed;
    if (parsed.kind !== 'literal' && parsed.name !== undefined) {
      if (captures.includes(parsed.name)) return `the capture name "${parsed.name}" is used twice`;
      captures.push(parsed.name);
    }
    levels.push(parsed);
  }
  const mqtt = levels.map((l) => (l.kind === 'literal' ? l.text : l.kind === 'single' ? '+' : '#')).join('/');
  return { text, mqtt, levels, captures };
}

/** The captures of `topic` when it matches `filter`, or undefined. `#` matches zero or more levels. */
export function matchTopic(filter: TopicFilter, topic: string): Record<string, string> | undefined {
  const parts = topic.split('/');
  const levels = filter.levels;
  // MQTT: wildcards in the first level do not match topics starting with "$" ($SYS/...).
  if (topic.startsWith('$') && levels[0]?.kind !== 'literal') return undefined;
  const captures: Record<string, string> = {};
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    if (level.kind === 'multi') {
      if (level.name !== undefined) captures[level.name] = parts.slice(i).join('/');
      return captures;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (level.kind === 'literal') {
      if (level.text !== part) return undefined;
    } else if (level.name !== undefined) {
      captures[level.name] = part;
    }
  }
  return parts.length === levels.length ? captures : undefined;
}

/** True when every topic that `b` matches is also matched by `a` (MQTT filters, names ignored). */
export function covers(a: readonly FilterLevel[], b: readonly FilterLevel[]): boolean {
  for (let i = 0; ; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return y === undefined;
    if (x.kind === 'multi') return !(i === 0 && y?.kind === 'literal' && y.text.startsWith('$'));
    if (y === undefined || y.kind === 'multi') return false;
    if (x.kind === 'single') {
      if (i === 0 && y.kind === 'literal' && y.text.startsWith('$')) return false;
      continue;
    }
    if (y.kind !== 'literal' || y.text !== x.text) return false;
  }
}

/**
 * The filters to subscribe to: duplicates removed, and filters covered by another left out, so
 * the broker delivers a message once rather than once per overlapping subscription. The QoS of a
 * kept filter is the highest of those it covers.
 */
export function brokerFilters(filters: ReadonlyArray<{ filter: TopicFilter; qos: 0 | 1 | 2 }>): Array<{ topic: string; qos: 0 | 1 | 2 }> {
  const kept: Array<{ levels: readonly FilterLevel[]; topic: string; qos: 0 | 1 | 2 }> = [];
  for (const { filter, qos } of filters) {
    const cover = kept.find((k) => covers(k.levels, filter.levels));
    if (cover) {
      cover.qos = Math.max(cover.qos, qos) as 0 | 1 | 2;
      continue;
    }
    const covered = kept.filter((k) => covers(filter.levels, k.levels));
    const maxQos = covered.reduce<0 | 1 | 2>((q, k) => Math.max(q, k.qos) as 0 | 1 | 2, qos);
    for (const k of covered) kept.splice(kept.indexOf(k), 1);
    kept.push({ levels: filter.levels, topic: filter.mqtt, qos: maxQos });
  }
  return kept.map(({ topic, qos }) => ({ topic, qos }));
}
