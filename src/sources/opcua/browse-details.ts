/**
 * What browsing shows of a variable besides its name: its data type, its value now and what this
 * session may do with it. One Read per chunk of variables (Value, DataType, AccessLevel,
 * UserAccessLevel), and one more for the names of data types that are not built-in (cached).
 * A read that fails leaves the nodes as they are: browsing still works on a server that refuses it.
 */
import { AttributeIds, DataType, NodeId, NodeIdType, type ClientSession, type DataValue, type ReadValueIdOptions } from 'node-opcua';
import type { BrowseNode } from '../types.js';
import { valueOf } from './codec.js';

/** Variables per Read request (four attributes each): below the operation limits servers commonly set. */
export const VARIABLES_PER_READ = 100;
const ATTRIBUTES = [AttributeIds.Value, AttributeIds.DataType, AttributeIds.AccessLevel, AttributeIds.UserAccessLevel] as const;
const CURRENT_READ = 0x01;
const CURRENT_WRITE = 0x02;

/** read, write, read/write or none, from the bits of AccessLevel and UserAccessLevel (both must allow). */
export function accessOf(accessLevel: number | undefined, userAccessLevel: number | undefined): NonNullable<BrowseNode['access']> {
  const bits = (accessLevel ?? 0) & (userAccessLevel ?? accessLevel ?? 0);
  const read = (bits & CURRENT_READ) !== 0;
  const write = (bits & CURRENT_WRITE) !== 0;
  return read && write ? 'read/write' : read ? 'read' : write ? 'write' : 'none';
}

/** The name of a built-in data type (ns=0, ids 1-25), or undefined for any other. */
export function builtInTypeName(id: NodeId): string | undefined {
  if (id.namespace !== 0 || id.identifierType !== NodeIdType.NUMERIC) return undefined;
  const n = id.value as number;
  return n >= 1 && n <= 25 ? DataType[n] : undefined;
}

function numberOf(dv: DataValue | undefined): number | undefined {
  return dv?.statusCode.isGood() && typeof dv.value?.value === 'number' ? dv.value.value : undefined;
}

/** Reads data types, values and access levels; keeps the names of data types it looked up. */
export class VariableDetails {
  readonly #session: ClientSession;
  readonly #typeNames = new Map<string, string>();

  constructor(session: ClientSession) {
    this.#session = session;
  }

  /** The nodes, with data type, value and access filled in for the variables among them. */
  async fill(nodes: BrowseNode[]): Promise<BrowseNode[]> {
    const variables = nodes.filter((n) => n.type === 'Variable');
    const out = new Map<string, BrowseNode>();
    for (let i = 0; i < variables.length; i += VARIABLES_PER_READ) {
      const chunk = variables.slice(i, i + VARIABLES_PER_READ);
      const read: ReadValueIdOptions[] = chunk.flatMap((n) => ATTRIBUTES.map((attributeId) => ({ nodeId: n.address, attributeId })));
      const values = await this.#session.read(read).catch(() => undefined);
      if (!values) return nodes;
      const types = chunk.map((_, k) => values[k * ATTRIBUTES.length + 1]?.value?.value as NodeId | undefined);
      await this.#learnTypeNames(types);
      chunk.forEach((n, k) => out.set(n.address, this.#detail(n, values.slice(k * ATTRIBUTES.length, (k + 1) * ATTRIBUTES.length), types[k])));
    }
    return nodes.map((n) => out.get(n.address) ?? n);
  }

  #detail(n: BrowseNode, [value, , access, userAccess]: DataValue[], type: NodeId | undefined): BrowseNode {
    const d: BrowseNode = { ...n };
    const typeName = type instanceof NodeId ? (builtInTypeName(type) ?? this.#typeNames.get(type.toString())) : undefined;
    if (typeName) d.dataType = typeName;
    if (value) {
      const v = value.statusCode.isGood() || value.statusCode.isGoodish() ? valueOf(value.value) : undefined;
      if (v !== undefined) d.value = v;
      if (!value.statusCode.isGood()) d.valueStatus = value.statusCode.name;
    }
    const level = numberOf(access);
    if (level !== undefined) d.access = accessOf(level, numberOf(userAccess));
    return d;
  }

  /** Look up the browse names of data types that are not built-in (Duration, UtcTime, enumerations, structures). */
  async #learnTypeNames(types: Array<NodeId | undefined>): Promise<void> {
    const unknown = [...new Map(types.filter((t): t is NodeId => t instanceof NodeId && !builtInTypeName(t) && !this.#typeNames.has(t.toString())).map((t) => [t.toString(), t])).values()];
    if (unknown.length === 0) return;
    const names = await this.#session.read(unknown.map((nodeId) => ({ nodeId, attributeId: AttributeIds.BrowseName }))).catch(() => undefined);
    unknown.forEach((t, k) => {
      const name = (names?.[k]?.value?.value as { name?: string } | undefined)?.name;
      if (name) this.#typeNames.set(t.toString(), name);
    });
  }
}
