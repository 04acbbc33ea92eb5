/**
 * Who may do what on the embedded broker: each user's read (subscribe) and write (publish) topic
 * filters, from its role and its own lists. Deny by default — a user with neither gets nothing.
 * Two rules no list can widen: Sparkplug commands (NCMD, DCMD) are published only by role `hub`,
 * and `$SYS` is read only by role `admin`. Pure; no I/O.
 */
import { filterCovers, filterProblem, filtersOverlap, topicMatches } from './mqtt-topics.js';

/** The role shorthands of a broker user. */
export const BROKER_ROLES = ['hub', 'admin', 'uns-reader', 'sparkplug-edge'] as const;
export type BrokerRole = (typeof BROKER_ROLES)[number];

/** The UNS topic prefix the `uns-reader` role reads (the MQTT sink's default prefix). */
export const UNS_PREFIX = 'uns';
/** Sparkplug B commands to edge nodes and their devices: only role hub sends them. */
export const SPARKPLUG_COMMAND_FILTERS = ['spBv1.0/+/NCMD/#', 'spBv1.0/+/DCMD/#'] as const;
const SYS_FILTER = '$SYS/#';

/** The ACL part of a broker user (or of anonymous clients) as configured. */
export interface AclSpec {
  role?: BrokerRole | undefined;
  read?: readonly string[] | undefined;
  write?: readonly string[] | undefined;
  /** role sparkplug-edge: the edge node's Sparkplug group id and node id. */
  group?: string | undefined;
  node?: string | undefined;
}

/** What a user may do, with the role expanded. */
export interface Grants {
  read: readonly string[];
  write: readonly string[];
  /** May publish Sparkplug NCMD/DCMD (role hub only). */
  commands: boolean;
}

/** One thing wrong with an ACL: the key it is at (`read`, `write`, `role`, `group`, `node`; a list index) and why. */
export interface AclProblem {
  key: readonly ['read' | 'write', number] | readonly ['role' | 'group' | 'node'];
  message: string;
  hint: string;
}

/** The filters of a sparkplug-edge role: its own births, data and deaths out; its commands and host STATE in. */
function edgeGrants(group: string, node: string): { read: string[]; write: string[] } {
  const base = 'spBv1.0/' + group;
  return {
    write: [...['NBIRTH', 'NDATA', 'NDEATH'].map((t) => `${base}/${t}/${node}`), ...['DBIRTH', 'DDATA', 'DDEATH'].map((t) => `${base}/${t}/${node}/+`)],
    read: [`${base}/NCMD/${node}`, `${base}/DCMD/${node}/+`, 'spBv1.0/STATE/+'],
  };
}

function roleGrants(spec: AclSpec): { read: string[]; write: string[] } {
  switch (spec.role) {
    case 'hub': return { read: ['#'], write: ['#'] };
    case 'admin': return { read: ['#', SYS_FILTER], write: [] };
    case 'uns-reader': return { read: [`${UNS_PREFIX}/#`], write: [] };
    case 'sparkplug-edge': return spec.group && spec.node ? edgeGrants(spec.group, spec.node) : { read: [], write: [] };
    default: return { read: [], write: [] };
  }
}

/** The grants of a user: its role's filters plus its own lists. */
export function grantsOf(spec: AclSpec): Grants {
  const role = roleGrants(spec);
  return { read: [...role.read, ...(spec.read ?? [])], write: [...role.write, ...(spec.write ?? [])], commands: spec.role === 'hub' };
}

/** True when the topic is a Sparkplug NCMD or DCMD. */
export function isSparkplugCommand(topic: string): boolean {
  return SPARKPLUG_COMMAND_FILTERS.some((f) => topicMatches(f, topic));
}

const singleLevel = (id: string): boolean => id !== '' && !/[/+#]/.test(id) && !id.includes('\u0000');

function filterProblems(spec: AclSpec, who: string): AclProblem[] {
  const out: AclProblem[] = [];
  const lists = [['read', spec.read ?? []], ['write', spec.write ?? []]] as const;
  for (const [key, list] of lists) {
    list.forEach((filter, i) => {
      const at = [key, i] as const;
      const bad = filterProblem(filter);
      if (bad !== undefined) return void out.push({ key: at, message: `The ${key} filter ${JSON.stringify(filter)} of ${who} ${bad}.`, hint: 'Write an MQTT topic filter: levels separated by /, + for one whole level, # only as the last level.' });
      if (key === 'write' && filter.startsWith('$')) return void out.push({ key: at, message: `${who} may not write ${JSON.stringify(filter)}: topics starting with $ belong to the broker.`, hint: 'Remove the filter.' });
      if (key === 'read' && filter.startsWith('$') && !(filter.startsWith('$SYS') && spec.role === 'admin')) {
        return void out.push({ key: at, message: `${who} may not read ${JSON.stringify(filter)}: $SYS and other $ topics are for role admin only.`, hint: 'Remove the filter, or give the user role: admin (which reads $SYS/# already).' });
      }
      if (key === 'write' && spec.role !== 'hub' && SPARKPLUG_COMMAND_FILTERS.some((c) => filtersOverlap(filter, c))) {
        out.push({ key: at, message: `The write filter ${JSON.stringify(filter)} of ${who} would let it send Sparkplug commands (NCMD, DCMD), which only the hub may send.`, hint: 'Narrow the filter (an edge node: role sparkplug-edge with its group and node; a machine: its own topics, e.g. plant/line1/#).' });
      }
    });
  }
  return out;
}

/** Every problem of one ACL; `who` names the user in messages ("broker user edge1"). */
export function aclProblems(spec: AclSpec, who: string): AclProblem[] {
  const out = filterProblems(spec, who);
  const edge = spec.role === 'sparkplug-edge';
  for (const key of ['group', 'node'] as const) {
    const id = spec[key];
    if (edge && id === undefined) out.push({ key: [key], message: `${who} has role sparkplug-edge but no ${key}.`, hint: `Name the edge node's Sparkplug ${key} id: ${key}: <id>, as in its spBv1.0/<group>/NBIRTH/<node> topic.` });
    if (!edge && id !== undefined) out.push({ key: [key], message: `${who} sets ${key}, which only role sparkplug-edge uses.`, hint: `Remove ${key}, or set role: sparkplug-edge.` });
    if (edge && id !== undefined && !singleLevel(id)) out.push({ key: [key], message: `The Sparkplug ${key} id ${JSON.stringify(id)} of ${who} is not a single topic level.`, hint: 'Use the id without /, + or #.' });
  }
  return out;
}

/** A compiled ACL: the answers the broker asks for every publish, subscribe and delivery. */
export class TopicAcl {
  readonly #grants: Grants;

  constructor(grants: Grants) {
    this.#grants = grants;
  }

  /** An ACL from a spec (which must have no problems). */
  static of(spec: AclSpec): TopicAcl {
    return new TopicAcl(grantsOf(spec));
  }

  /** True when the ACL grants nothing at all. */
  get empty(): boolean {
    return this.#grants.read.length === 0 && this.#grants.write.length === 0;
  }

  /** May publish (or leave as a Will, or retain) a message on this topic. */
  mayPublish(topic: string): boolean {
    if (topic.startsWith('$')) return false;
    if (isSparkplugCommand(topic) && !this.#grants.commands) return false;
    return this.#grants.write.some((f) => topicMatches(f, topic));
  }

  /** May subscribe to this filter: some read filter covers every topic it can match. */
  maySubscribe(filter: string): boolean {
    return this.#grants.read.some((f) => filterCovers(f, filter));
  }

  /** May receive a message on this topic (checked again at delivery, retained messages included). */
  mayReceive(topic: string): boolean {
    return this.#grants.read.some((f) => topicMatches(f, topic));
  }
}
