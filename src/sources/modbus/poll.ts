/**
 * One poll: read each batch, decode each tag into a raw sample. A Modbus exception answer to one
 * batch marks that batch's tags bad (statusCode = the exception code) and leaves the other
 * batches alone; it is logged once per batch, then at most every ten minutes while it lasts.
 * Any other failure (timeout, broken link) is thrown, and the supervisor reconnects.
 */
import type { Logger } from 'pino';
import { isCausewayError, type CausewayError } from '../../core/errors.js';
import { rawTagPath } from '../../core/path.js';
import type { Sample, Value } from '../../core/sample.js';
import { isBitArea, type ReadBatch } from './batching.js';
import { decodeRegisters } from './codec.js';
import { rangeText, type ModbusConnection } from './connection.js';
import type { ModbusTag } from './tags.js';

/** How often an exception that persists is logged again. */
export const EXCEPTION_LOG_EVERY_MS = 10 * 60_000;

export interface PollContext {
  sourceId: string;
  now(): number;
}

/** Logs each failing batch once, then again at most every `everyMs`, and once when it reads again. */
export class ExceptionLog {
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #everyMs: number;
  readonly #failing = new Map<string, { at: number; repeats: number }>();

  constructor(logger: Logger, now: () => number, everyMs = EXCEPTION_LOG_EVERY_MS) {
    this.#logger = logger;
    this.#now = now;
    this.#everyMs = everyMs;
  }

  /** A batch was answered with an exception. */
  failed(key: string, e: CausewayError<'CW_SOURCE_MODBUS_EXCEPTION'>, tags: number): void {
    const now = this.#now();
    const last = this.#failing.get(key);
    if (last && now - last.at < this.#everyMs) {
      last.repeats++;
      return;
    }
    this.#failing.set(key, { at: now, repeats: 0 });
    const fields = { code: e.code, exception: e.params.code, request: e.params.request, tags, repeatsSinceLastLog: last?.repeats ?? 0, hint: e.hint };
    this.#logger.warn(fields, `${e.message} Its ${tags} tag${tags === 1 ? ' is' : 's are'} marked bad; the other tags are read as usual. ${e.hint}`);
  }

  /** A batch was read; logs when it had been failing. */
  succeeded(key: string, what: string): void {
    if (this.#failing.delete(key)) this.#logger.info({ request: what }, `The device answers the read of ${what} again.`);
  }
}

/** The value of a tag that could not be read: zero of its type, sent with quality bad. */
function emptyValue(tag: ModbusTag): Value {
  if (tag.dataType === 'bool') return false;
  if (tag.dataType === 'string' || tag.bigAsString) return '';
  return 0;
}

/** The sample of one tag from its batch's data. */
function sampleOf(tag: ModbusTag, batch: ReadBatch<ModbusTag>, data: readonly number[] | readonly boolean[], path: string, ts: number): Sample {
  const offset = tag.address - batch.start;
  if (isBitArea(tag.area)) return { path, value: data[offset] === true, ts, quality: 'good' };
  const decoded = decodeRegisters((data as readonly number[]).slice(offset, offset + tag.count), tag);
  return { path, value: decoded.value, ts, quality: decoded.quality };
}

/** Read one batch: its data, or the exception that answered it. Other failures are thrown. */
async function readBatch(conn: ModbusConnection, b: ReadBatch<ModbusTag>): Promise<{ data: number[] | boolean[] } | { exception: CausewayError<'CW_SOURCE_MODBUS_EXCEPTION'> }> {
  try {
    const data = isBitArea(b.area)
      ? await conn.readBits(b.area as 'coil' | 'discrete', b.unitId, b.start, b.count)
      : await conn.readRegisters(b.area as 'holding' | 'input', b.unitId, b.start, b.count);
    return { data };
  } catch (e) {
    if (isCausewayError(e, 'CW_SOURCE_MODBUS_EXCEPTION')) return { exception: e };
    throw e;
  }
}

/** Read the batches one after another and return one raw sample per tag. */
export async function pollBatches(conn: ModbusConnection, batches: readonly ReadBatch<ModbusTag>[], ctx: PollContext, log: ExceptionLog): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const b of batches) {
    const out = await readBatch(conn, b);
    const ts = ctx.now();
    const key = `${b.unitId}:${b.area}:${b.start}:${b.count}`;
    const what = `${rangeText(b.area, b.start, b.count)} (unit ${b.unitId})`;
    if ('data' in out) {
      log.succeeded(key, what);
      for (const tag of b.items) samples.push(sampleOf(tag, b, out.data, rawTagPath(ctx.sourceId, tag.id), ts));
      continue;
    }
    log.failed(key, out.exception, b.items.length);
    for (const tag of b.items) {
      samples.push({ path: rawTagPath(ctx.sourceId, tag.id), value: emptyValue(tag), ts, quality: 'bad', statusCode: out.exception.params.code });
    }
  }
  return samples;
}
