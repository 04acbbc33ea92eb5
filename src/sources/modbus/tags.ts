/**
 * The Modbus tags of a source: each tag's own keys checked against the tag schema and against
 * each other (a bit needs a register, a string needs a length, ...), with defaults filled in.
 */
import { TAG_COMMON_KEYS, type TagConfig } from '../../config/schema.js';
import { isBitArea, type Area, type ReadItem } from './batching.js';
import { ORDERS, registerCount, type CodecSpec, type DataType, type Endian } from './codec.js';
import { DEFAULT_GROUP, schemaProblem } from './config.js';
import { ModbusTagSchema, type ModbusTagConfig } from './schema.js';

const COMMON = new Set(TAG_COMMON_KEYS);

/** A tag ready to read: where it is, how it decodes, which group reads it. */
export interface ModbusTag extends ReadItem, CodecSpec {
  /** The tag id (also `key`, for batching). */
  id: string;
  group: string;
  writable: boolean;
}

export interface TagOptions {
  /** The source's unit id, for tags that name none. */
  unitId: number;
  /** The declared poll groups, or undefined when the source has none. */
  groups: ReadonlySet<string> | undefined;
}

/** The Modbus keys of a tag: everything but the common keys config/ checks. */
function ownKeys(tag: TagConfig): Record<string, unknown> {
  return Object.fromEntries(Object.entries(tag).filter(([key]) => !COMMON.has(key)));
}

/** Byte and word order from `order` or `byteOrder`/`wordOrder` (default ABCD), or the conflict. */
function layoutOf(t: ModbusTagConfig): { byteOrder: Endian; wordOrder: Endian } | string {
  const named = t.order ? ORDERS[t.order as keyof typeof ORDERS] : undefined;
  if (named && ((t.byteOrder && t.byteOrder !== named.byteOrder) || (t.wordOrder && t.wordOrder !== named.wordOrder))) {
    return `order ${t.order} means byteOrder ${named.byteOrder} and wordOrder ${named.wordOrder}; remove one of the two`;
  }
  return { byteOrder: t.byteOrder ?? named?.byteOrder ?? 'big', wordOrder: t.wordOrder ?? named?.wordOrder ?? 'big' };
}

/** What is wrong with the combination of keys, or undefined. */
function comboProblem(t: ModbusTagConfig, dataType: DataType): string | undefined {
  const area = t.area as Area;
  if (isBitArea(area)) {
    if (dataType !== 'bool') return `a ${area} is a single bit, so its dataType is bool, not ${dataType}`;
    const extra = (['bit', 'length', 'order', 'byteOrder', 'wordOrder'] as const).find((k) => t[k] !== undefined);
    if (extra) return `${extra} applies to registers, not to a ${area}`;
  }
  if (t.bit !== undefined && dataType !== 'bool') return `bit applies to dataType bool, not ${dataType}`;
  if (dataType === 'string' && t.length === undefined) return 'a string needs its length in registers (length: 10 holds 20 characters)';
  if (dataType !== 'string' && t.length !== undefined) return `length applies to dataType string, not ${dataType}`;
  if (t.writable && (area === 'input' || area === 'discrete')) return `${area === 'input' ? 'input registers' : 'discrete inputs'} are read-only in Modbus, so the tag cannot be writable`;
  return undefined;
}

function groupProblem(group: string, opts: TagOptions): string | undefined {
  if (!opts.groups && group !== DEFAULT_GROUP) return `its group "${group}" is not declared: add { id: ${group}, interval: 1s } to config.groups`;
  if (opts.groups && !opts.groups.has(group)) {
    return group === DEFAULT_GROUP
      ? `it names no group, and config.groups declares no "default" group: add group: to the tag, or { id: default, interval: 1s } to config.groups`
      : `its group "${group}" is not in config.groups (${[...opts.groups].join(', ')})`;
  }
  return undefined;
}

/** One tag, or the problem with it (a phrase, without the tag's name). */
function readTag(tag: TagConfig, opts: TagOptions): ModbusTag | string {
  const own = ownKeys(tag);
  const problem = schemaProblem(ModbusTagSchema, own, '');
  if (problem) return problem;
  const t = own as ModbusTagConfig;
  const area = t.area as Area;
  const dataType = (t.dataType ?? (isBitArea(area) ? 'bool' : 'uint16')) as DataType;
  const layout = layoutOf(t);
  if (typeof layout === 'string') return layout;
  const combo = comboProblem(t, dataType);
  if (combo) return combo;
  const count = isBitArea(area) ? 1 : registerCount(dataType, t.length);
  if (t.address + count > 65536) return `it runs past the last address: ${count} registers from ${t.address} end beyond 65535`;
  const group = t.group ?? DEFAULT_GROUP;
  const gp = groupProblem(group, opts);
  if (gp) return gp;
  return {
    id: tag.id, key: tag.id, area, address: t.address, count, unitId: t.unitId ?? opts.unitId, group,
    writable: t.writable === true, dataType, ...layout,
    ...(t.bit !== undefined ? { bit: t.bit } : {}),
    ...(t.length !== undefined ? { length: t.length } : {}),
    ...(tag.type === 'string' ? { bigAsString: true } : {}),
  };
}

/** The source's tags ready to read, and a problem per tag that is not. */
export function readTags(tags: readonly TagConfig[], opts: TagOptions): { tags: ModbusTag[]; problems: string[] } {
  const out: ModbusTag[] = [];
  const problems: string[] = [];
  for (const tag of tags) {
    const t = readTag(tag, opts);
    if (typeof t === 'string') problems.push(`tag ${tag.id}: ${t}`);
    else out.push(t);
  }
  return { tags: out, problems };
}
