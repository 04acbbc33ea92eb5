/**
 * Request batching: the fewest read requests that cover a set of tags. Pure.
 * Tags of one area and unit id whose addresses lie close together (at most `maxGap` unused
 * registers or bits between them) share one request, up to the protocol's limit per request.
 * A request never spans areas or unit ids; overlapping tags are fine.
 */

export const AREAS = ['coil', 'discrete', 'holding', 'input'] as const;
export type Area = (typeof AREAS)[number];

/** Most registers one read of holding or input registers may ask for (function 3/4). */
export const MAX_READ_REGISTERS = 125;
/** Most bits one read of coils or discrete inputs may ask for (function 1/2). */
export const MAX_READ_BITS = 2000;

/** One thing to read: `count` registers (or bits) from `address`. */
export interface ReadItem {
  key: string;
  area: Area;
  unitId: number;
  address: number;
  count: number;
}

/** One read request and the items it covers. */
export interface ReadBatch<I extends ReadItem = ReadItem> {
  area: Area;
  unitId: number;
  start: number;
  count: number;
  items: I[];
}

export interface BatchOptions {
  /** Most unused registers (or bits) a request may read to join two tags; 0 joins only adjacent ones. */
  maxGap: number;
  /** Most registers per request (a device may accept fewer than 125). */
  maxRegisters?: number;
  /** Most bits per request (a device may accept fewer than 2000). */
  maxBits?: number;
}

/** True for the two areas read as bits. */
export function isBitArea(area: Area): boolean {
  return area === 'coil' || area === 'discrete';
}

/** The most one request may read in this area. */
export function maxPerRead(area: Area, opts: Pick<BatchOptions, 'maxRegisters' | 'maxBits'> = {}): number {
  return isBitArea(area) ? Math.min(opts.maxBits ?? MAX_READ_BITS, MAX_READ_BITS) : Math.min(opts.maxRegisters ?? MAX_READ_REGISTERS, MAX_READ_REGISTERS);
}

/** Items by unit id and area, in a stable order. */
function byUnitAndArea<I extends ReadItem>(items: readonly I[]): I[][] {
  const groups = new Map<string, I[]>();
  for (const item of items) {
    const key = `${String(item.unitId).padStart(3, '0')}:${AREAS.indexOf(item.area)}`;
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, list]) => list);
}

/** Batches of one unit id and area: sorted by address, each extended while the gap and the size allow. */
function batchRun<I extends ReadItem>(items: I[], limit: number, maxGap: number): ReadBatch<I>[] {
  const sorted = [...items].sort((a, b) => a.address - b.address || b.count - a.count);
  const batches: ReadBatch<I>[] = [];
  let current: ReadBatch<I> | undefined;
  for (const item of sorted) {
    if (item.count > limit) throw new RangeError(`${item.key} needs ${item.count} ${isBitArea(item.area) ? 'bits' : 'registers'}, more than one request may read (${limit})`);
    const end = item.address + item.count;
    if (current) {
      const currentEnd = current.start + current.count;
      const newEnd = Math.max(currentEnd, end);
      if (item.address - currentEnd <= maxGap && newEnd - current.start <= limit) {
        current.count = newEnd - current.start;
        current.items.push(item);
        continue;
      }
    }
    current = { area: item.area, unitId: item.unitId, start: item.address, count: item.count, items: [item] };
    batches.push(current);
  }
  return batches;
}

/**
 * The read requests for `items`: ordered by unit id, area and address. Throws a RangeError when one
 * item alone is larger than a request may read (the tag schema keeps that from happening).
 */
export function planBatches<I extends ReadItem>(items: readonly I[], opts: BatchOptions): ReadBatch<I>[] {
  const maxGap = Math.max(0, Math.floor(opts.maxGap));
  return byUnitAndArea(items).flatMap((group) => batchRun(group, maxPerRead(group[0]!.area, opts), maxGap));
}
