/**
 * Sparkplug B topics: `spBv1.0/<group>/<type>/<edge-node>[/<device>]` for edge nodes and devices,
 * `spBv1.0/STATE/<host-id>` for host applications (Sparkplug 3.0). Pure; no I/O.
 */

export const NAMESPACE = 'spBv1.0';

export const NODE_TYPES = ['NBIRTH', 'NDEATH', 'NDATA', 'NCMD'] as const;
export const DEVICE_TYPES = ['DBIRTH', 'DDEATH', 'DDATA', 'DCMD'] as const;
export type NodeMessageType = (typeof NODE_TYPES)[number];
export type DeviceMessageType = (typeof DEVICE_TYPES)[number];
export type MessageType = NodeMessageType | DeviceMessageType;

/** A parsed Sparkplug topic. */
export type SparkplugTopic =
  | { kind: 'node'; group: string; type: NodeMessageType; node: string }
  | { kind: 'device'; group: string; type: DeviceMessageType; node: string; device: string }
  | { kind: 'state'; hostId: string };

/** True when `id` may be one topic level of a Sparkplug id: not empty, no "/", "+" or "#". */
export function isSparkplugId(id: string): boolean {
  return id.length > 0 && !/[/+#]/.test(id);
}

function isNodeType(t: string): t is NodeMessageType {
  return (NODE_TYPES as readonly string[]).includes(t);
}

function isDeviceType(t: string): t is DeviceMessageType {
  return (DEVICE_TYPES as readonly string[]).includes(t);
}

/** Parse a topic, or return undefined when it is not a Sparkplug B topic this host understands. */
export function parseTopic(topic: string): SparkplugTopic | undefined {
  const levels = topic.split('/');
  if (levels[0] !== NAMESPACE || levels.some((l) => l.length === 0)) return undefined;
  if (levels[1] === 'STATE') return levels.length === 3 ? { kind: 'state', hostId: levels[2]! } : undefined;
  const [, group, type, node, device] = levels;
  if (group === undefined || type === undefined || node === undefined) return undefined;
  if (levels.length === 4 && isNodeType(type)) return { kind: 'node', group, type, node };
  if (levels.length === 5 && device !== undefined && isDeviceType(type)) return { kind: 'device', group, type, node, device };
  return undefined;
}

/** The topic of a message to or from an edge node (`device` omitted) or one of its devices. */
export function messageTopic(group: string, type: MessageType, node: string, device?: string): string {
  return device === undefined ? `${NAMESPACE}/${group}/${type}/${node}` : `${NAMESPACE}/${group}/${type}/${node}/${device}`;
}

/** The Sparkplug 3.0 STATE topic of a host application. */
export function stateTopic(hostId: string): string {
  return `${NAMESPACE}/STATE/${hostId}`;
}

/** The topic filters a host subscribes to for `groups` (`['*']` for every group). */
export function subscriptionTopics(groups: readonly string[], hostId: string): string[] {
  if (groups.includes('*')) return [`${NAMESPACE}/#`];
  // With a group list the host's own STATE topic is not covered by the group filters.
  return [...new Set(groups)].map((g) => `${NAMESPACE}/${g}/#`).concat(stateTopic(hostId));
}

/** The JSON payload of a Sparkplug 3.0 STATE message. */
export function statePayload(online: boolean, timestamp: number): string {
  return JSON.stringify({ online, timestamp });
}

/** The `online` flag of a STATE payload, or undefined when it is not Sparkplug 3.0 JSON. */
export function parseStatePayload(payload: Uint8Array): { online: boolean; timestamp?: number } | undefined {
  try {
    const v = JSON.parse(Buffer.from(payload).toString('utf8')) as { online?: unknown; timestamp?: unknown };
    if (typeof v?.online !== 'boolean') return undefined;
    return typeof v.timestamp === 'number' ? { online: v.online, timestamp: v.timestamp } : { online: v.online };
  } catch {
    return undefined;
  }
}
