/**
 * Who a Sparkplug edge node is, from the properties its NBIRTH carries. There is no standard list;
 * the common convention (Eclipse Tahu, Ignition Edge, Cirrus Link) is metrics under `Properties/`:
 * `Hardware Make`, `Hardware Model`, `OS`, `OS Version`, `Firmware`/`Firmware Version`,
 * `Serial Number`. Also read without the folder and under `Node Info/`. Pure.
 */
import type { DeviceInfo } from '../types.js';
import type { WirePayload } from './payload.js';

/** Property name (lower case, spaces and underscores removed) → DeviceInfo key. */
const KEYS: Readonly<Record<string, string>> = {
  hardwaremake: 'manufacturer', manufacturer: 'manufacturer', vendor: 'manufacturer',
  hardwaremodel: 'modelName', model: 'modelName',
  product: 'product', productname: 'product',
  firmware: 'softwareVersion', firmwareversion: 'softwareVersion', softwareversion: 'softwareVersion', appversion: 'applicationVersion',
  os: 'os', osversion: 'osVersion',
  serialnumber: 'serialNumber', serial: 'serialNumber',
};

const FOLDERS = ['properties/', 'node info/', 'node properties/'];

/** The identity an NBIRTH declares; empty when it has no such properties. */
export function nodeIdentity(payload: WirePayload): DeviceInfo {
  const info: DeviceInfo = {};
  for (const m of payload.metrics) {
    if (!m.name || m.isNull || m.value.kind !== 'string') continue;
    const lower = m.name.toLowerCase();
    const folder = FOLDERS.find((f) => lower.startsWith(f));
    if (!folder) continue;
    const key = KEYS[lower.slice(folder.length).replace(/[\s_-]+/g, '')];
    const text = m.value.value.trim();
    if (key && text && info[key] === undefined) info[key] = text.slice(0, 200);
  }
  // A hardware make without a product: the model is the product.
  if (info.product === undefined && info.modelName !== undefined) info.product = info.modelName;
  return info;
}
