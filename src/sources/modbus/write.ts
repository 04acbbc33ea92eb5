/**
 * Writes: a coil with function 5, holding registers with function 6 (one register) or 16 (more),
 * a bit of a holding register with function 22 (mask write, so the other bits stay as the device
 * has them). Every write is read back and compared register by register. The value is the raw
 * device value: the connector does not undo the tag's scale/offset.
 */
import { CausewayError, isCausewayError } from '../../core/errors.js';
import type { Value } from '../../core/sample.js';
import { decodeRegisters, encodeValue, toBoolean } from './codec.js';
import type { ModbusConnection } from './connection.js';
import type { ModbusTag } from './tags.js';

/** Most registers one write (function 16) may carry. */
export const MAX_WRITE_REGISTERS = 123;

interface WriteContext {
  sourceId: string;
  tagId: string;
}

function rejected(ctx: WriteContext, reason: string): CausewayError {
  return new CausewayError('CW_SOURCE_WRITE_REJECTED', { source: ctx.sourceId, tag: ctx.tagId, reason });
}

function verifyFailed(ctx: WriteContext, written: Value, read: Value): CausewayError {
  return new CausewayError('CW_SOURCE_WRITE_VERIFY_FAILED', { source: ctx.sourceId, tag: ctx.tagId, written: JSON.stringify(written), read: JSON.stringify(read) });
}

/** Why this tag cannot be written at all, or undefined. */
function refusal(tag: ModbusTag | undefined): string | undefined {
  if (!tag) return 'the source has no tag with this id';
  if (tag.area === 'input') return 'input registers are read-only in Modbus';
  if (tag.area === 'discrete') return 'discrete inputs are read-only in Modbus';
  if (!tag.writable) return 'the tag is not marked writable: true in the config';
  return undefined;
}

async function writeCoil(conn: ModbusConnection, tag: ModbusTag, value: Value, ctx: WriteContext): Promise<void> {
  const state = toBoolean(value);
  if (state === undefined) throw rejected(ctx, `${JSON.stringify(value)} is not true or false`);
  await conn.writeCoil(tag.unitId, tag.address, state);
  const [back] = await conn.readBits('coil', tag.unitId, tag.address, 1);
  if (back !== state) throw verifyFailed(ctx, state, back === true);
}

async function writeBit(conn: ModbusConnection, tag: ModbusTag & { bit: number }, value: Value, ctx: WriteContext): Promise<void> {
  const state = toBoolean(value);
  if (state === undefined) throw rejected(ctx, `${JSON.stringify(value)} is not true or false`);
  // With swapped bytes, bit n of the value sits in the other byte of the register on the wire.
  const wireBit = tag.byteOrder === 'big' ? tag.bit : tag.bit ^ 8;
  await conn.maskWrite(tag.unitId, tag.address, ~(1 << wireBit) & 0xffff, state ? 1 << wireBit : 0);
  const back = decodeRegisters(await conn.readRegisters('holding', tag.unitId, tag.address, 1), tag).value;
  if (back !== state) throw verifyFailed(ctx, state, back);
}

async function writeRegisters(conn: ModbusConnection, tag: ModbusTag, value: Value, ctx: WriteContext): Promise<void> {
  const enc = encodeValue(value, tag);
  if (!enc.ok) throw rejected(ctx, enc.problem);
  if (enc.registers.length > MAX_WRITE_REGISTERS) throw rejected(ctx, `it spans ${enc.registers.length} registers, more than one write may carry (${MAX_WRITE_REGISTERS})`);
  await conn.writeRegisters(tag.unitId, tag.address, enc.registers);
  const back = await conn.readRegisters('holding', tag.unitId, tag.address, enc.registers.length);
  if (back.some((r, i) => r !== enc.registers[i])) {
    throw verifyFailed(ctx, decodeRegisters(enc.registers, tag).value, decodeRegisters(back, tag).value);
  }
}

/** The error a caller sees: catalogue errors of the write as they are, a lost link as CW_SOURCE_WRITE_FAILED. */
function writeError(e: unknown, ctx: WriteContext): unknown {
  if (isCausewayError(e, 'CW_SOURCE_READ_FAILED')) {
    return new CausewayError('CW_SOURCE_WRITE_FAILED', { source: ctx.sourceId, tag: ctx.tagId, reason: e.params.reason }, { ...(e.detail ? { detail: e.detail } : {}), cause: e });
  }
  if (e instanceof CausewayError) return e;
  return new CausewayError('CW_SOURCE_WRITE_FAILED', { source: ctx.sourceId, tag: ctx.tagId, reason: 'an unexpected error occurred' }, { cause: e });
}

/** Write a raw value to a tag and verify it by reading it back. */
export async function writeTag(conn: ModbusConnection, sourceId: string, tagId: string, tag: ModbusTag | undefined, value: Value): Promise<void> {
  const ctx = { sourceId, tagId };
  const refused = refusal(tag);
  if (refused || !tag) throw rejected(ctx, refused ?? 'the tag is unknown');
  try {
    if (tag.area === 'coil') await writeCoil(conn, tag, value, ctx);
    else if (tag.dataType === 'bool' && tag.bit !== undefined) await writeBit(conn, { ...tag, bit: tag.bit }, value, ctx);
    else await writeRegisters(conn, tag, value, ctx);
  } catch (e) {
    throw writeError(e, ctx);
  }
}
