/**
 * The embedded broker's ACLs: every topic filter well formed and safe (no Sparkplug commands but
 * for role hub, no $SYS but for role admin), sparkplug-edge users naming their group and node, the
 * unified namespace kept for the hub (an MQTT sink that publishes to the embedded broker must be
 * let write its prefix, and no other user but role hub may write there), and the hub's own
 * sources not signing in as a user the broker would refuse everything.
 */
import { aclProblems, grantsOf, type AclSpec } from '../core/broker-acl.js';
import { filterCovers, filtersOverlap } from '../core/mqtt-topics.js';
import { entries, isEnabled, isObj, str, type Obj } from './data.js';
import type { ProblemContext } from './collector.js';
import type { KeyPath } from './key-path.js';

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

function specOf(o: Obj): AclSpec {
  return { role: str(o.role) as AclSpec['role'], read: strings(o.read), write: strings(o.write), group: str(o.group), node: str(o.node) };
}

function reportAcl(ctx: ProblemContext, at: KeyPath, spec: AclSpec, who: string): void {
  for (const p of aclProblems(spec, who)) ctx.report([...at, ...p.key], 'CW_CONFIG_BROKER_ACL', p.message, p.hint);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True when an MQTT URL points at the embedded broker (its port, on loopback or its own host). */
function atBroker(url: unknown, broker: Obj): boolean {
  const text = str(url);
  if (text === undefined || !/^(mqtt|tcp):\/\//.test(text)) return false;
  try {
    const u = new URL(text);
    const port = Number(u.port || 1883);
    const host = str(broker.host) ?? '127.0.0.1';
    return port === (typeof broker.port === 'number' ? broker.port : 1883) && (u.hostname === host || LOOPBACK.has(u.hostname) || host === '0.0.0.0');
  } catch {
    return false;
  }
}

/** The MQTT sinks publishing to the embedded broker: their index, user and topic filter (`<prefix>/#`). */
function unsSinks(data: Obj, broker: Obj): Array<{ i: number; id: unknown; username: string | undefined; filter: string }> {
  return entries(data, 'sinks').flatMap(([sink, i]) => {
    const config = isObj(sink.config) ? sink.config : {};
    if (sink.kind !== 'mqtt' || !isEnabled(sink) || !atBroker(config.url, broker)) return [];
    const prefix = str(config.prefix) ?? 'uns';
    return [{ i, id: sink.id, username: str(config.username), filter: prefix === '' ? '#' : `${prefix}/#` }];
  });
}

function checkUns(data: Obj, broker: Obj, ctx: ProblemContext): void {
  const anonymous = isObj(broker.anonymous) ? specOf(broker.anonymous) : {};
  const users: Array<{ at: KeyPath; name: string | undefined; spec: AclSpec }> = [
    ...entries(broker, 'users').map(([u, j]) => ({ at: ['broker', 'users', j] as KeyPath, name: str(u.username) ?? `#${j}`, spec: specOf(u) })),
    { at: ['broker', 'anonymous'], name: undefined, spec: anonymous },
  ];
  const sinks = unsSinks(data, broker);
  const publishers = new Set(sinks.map((s) => s.username));
  for (const s of sinks) {
    const spec = users.find((u) => u.name === s.username)?.spec;
    if (spec === undefined) continue; // the broker refuses an unknown user at connect; the sink reports it
    const who = s.username === undefined ? 'anonymous clients' : `broker user ${s.username}`;
    if (!grantsOf(spec).write.some((f) => filterCovers(f, s.filter))) {
      ctx.report(['sinks', s.i, 'config', 'url'], 'CW_CONFIG_BROKER_ACL', `Sink ${ctx.show(['sinks', s.i, 'id'], s.id)} publishes to ${s.filter} on the embedded broker as ${who}, whose ACL does not let it write there.`, `Give ${who} write: ["${s.filter}"] (or role: hub).`);
    }
  }
  for (const s of sinks) {
    for (const u of users) {
      if (u.spec.role === 'hub' || publishers.has(u.name)) continue;
      const i = (u.spec.write ?? []).findIndex((f) => filtersOverlap(f, s.filter));
      if (i < 0) continue;
      ctx.report([...u.at, 'write', i], 'CW_CONFIG_BROKER_ACL', `${u.name === undefined ? 'Anonymous clients' : `Broker user ${u.name}`} may write ${JSON.stringify(u.spec.write![i])}, inside the unified namespace ${s.filter} that only the hub publishes.`, 'Narrow the filter to topics outside the namespace; readers of the namespace want role: uns-reader.');
    }
  }
}

const BROKER_SOURCES = new Set(['mqtt', 'sparkplug']);

/**
 * The hub's own sources on the embedded broker must sign in as a user that may do something: a
 * config from before ACLs would otherwise start and be refused everything. (Sinks: checkUns.)
 */
function checkHubSources(data: Obj, broker: Obj, ctx: ProblemContext): void {
  const empty = new Set(entries(broker, 'users').filter(([u]) => u.role === undefined && u.read === undefined && u.write === undefined).map(([u]) => str(u.username)));
  for (const [src, i] of entries(data, 'sources')) {
    const config = isObj(src.config) ? src.config : {};
    const user = str(config.username);
    if (!BROKER_SOURCES.has(str(src.kind) ?? '') || !isEnabled(src) || user === undefined || !empty.has(user) || !atBroker(config.url, broker)) continue;
    const hint = src.kind === 'sparkplug' ? `Give ${user} role: hub (a Sparkplug host publishes its STATE and may ask edge nodes for a rebirth).` : `Give ${user} read: filters that cover its subscriptions, or role: hub.`;
    ctx.report(['sources', i, 'config', 'username'], 'CW_CONFIG_BROKER_ACL', `Source ${ctx.show(['sources', i, 'id'], src.id)} signs in to the embedded broker as ${user}, which has no role and no read or write filters: the broker would refuse it everything (deny by default).`, hint);
  }
}

/** Report malformed and unsafe broker ACLs, and a unified namespace the hub cannot keep to itself. */
export function checkBroker(data: Obj, ctx: ProblemContext): void {
  const broker = data.broker;
  if (!isObj(broker) || broker.enabled === false) return;
  for (const [u, j] of entries(broker, 'users')) reportAcl(ctx, ['broker', 'users', j], specOf(u), `broker user ${str(u.username) ?? j}`);
  if (isObj(broker.anonymous)) {
    reportAcl(ctx, ['broker', 'anonymous'], specOf(broker.anonymous), 'anonymous clients');
    if (broker.allowAnonymous !== true) ctx.report(['broker', 'anonymous'], 'CW_CONFIG_CONFLICT', 'broker.anonymous says what anonymous clients may do, but allowAnonymous is not true, so none can connect.', 'Set allowAnonymous: true, or remove anonymous.');
  }
  checkUns(data, broker, ctx);
  checkHubSources(data, broker, ctx);
}
