/**
 * Device identification for the inventory: Read Device Identification (function 43, MEI type 14).
 * Asks for the basic objects one at a time (individual access, code 4: the answer always fits one
 * response), and falls back to the basic stream (code 1) for devices that only serve that. Many
 * devices do not implement function 43 at all; then the answer says so instead of failing.
 */
import { isCausewayError } from '../../core/errors.js';
import type { DeviceInfo } from '../types.js';
import type { ModbusConnection } from './connection.js';

const READ_BASIC_STREAM = 0x01;
const READ_ONE_OBJECT = 0x04;

/** The basic and regular objects, by object id, and the DeviceInfo key each maps to. */
const OBJECTS: ReadonlyArray<[number, keyof DeviceInfo]> = [
  [0x00, 'manufacturer'], // VendorName
  [0x01, 'product'], // ProductCode
  [0x02, 'softwareVersion'], // MajorMinorRevision
  [0x03, 'vendorUrl'],
  [0x04, 'productName'],
  [0x05, 'modelName'],
];
const BASIC = [0x00, 0x01, 0x02];

/** The identification objects mapped to DeviceInfo; text trimmed of padding. */
export function deviceInfoOf(objects: Readonly<Record<number, string>>): DeviceInfo {
  const info: DeviceInfo = {};
  for (const [id, key] of OBJECTS) {
    const text = objects[id]?.replace(/\0/g, '').trim();
    if (text) info[key] = text;
  }
  return info;
}

/** The regular objects asked for after the basic ones: ProductName and ModelName, where the device has them. */
const REGULAR = [0x04, 0x05];

/** The basic objects, one request each, then the regular ones the device offers (an exception for one means it has none). */
async function readOneByOne(conn: ModbusConnection, unitId: number): Promise<Record<number, string>> {
  const objects: Record<number, string> = {};
  for (const id of BASIC) Object.assign(objects, await conn.readDeviceIdentification(unitId, READ_ONE_OBJECT, id));
  for (const id of REGULAR) {
    try {
      const got = await conn.readDeviceIdentification(unitId, READ_ONE_OBJECT, id);
      if (typeof got[id] === 'string') objects[id] = got[id];
    } catch (e) {
      if (!isCausewayError(e, 'CW_SOURCE_MODBUS_EXCEPTION')) throw e;
    }
  }
  return objects;
}

/** The identification read, or a sentence saying the device sent none (blank or padding only). */
function saidOrBlank(info: DeviceInfo): DeviceInfo {
  if (Object.keys(info).length > 0) return info;
  return { identification: 'The device answered Read Device Identification (function 43/14) without a vendor, product or firmware (the objects were empty); its identity is unknown. Record it in the asset inventory by hand.' };
}

/** Vendor, product and firmware of the device at `unitId`, or what is known and why not more. */
export async function identify(conn: ModbusConnection, unitId: number): Promise<DeviceInfo> {
  try {
    return saidOrBlank(deviceInfoOf(await readOneByOne(conn, unitId)));
  } catch (e) {
    if (!isCausewayError(e, 'CW_SOURCE_MODBUS_EXCEPTION')) throw e;
    if (e.params.code === 1) return unsupported(e.params.code, e.params.meaning);
  }
  try {
    return saidOrBlank(deviceInfoOf(await conn.readDeviceIdentification(unitId, READ_BASIC_STREAM, 0x00)));
  } catch (e) {
    if (!isCausewayError(e, 'CW_SOURCE_MODBUS_EXCEPTION')) throw e;
    return unsupported(e.params.code, e.params.meaning);
  }
}

function unsupported(code: number, meaning: string): DeviceInfo {
  return {
    identification: `The device answered Read Device Identification (function 43/14) with Modbus exception ${code} (${meaning}); its vendor, product and firmware are unknown.`,
  };
}
