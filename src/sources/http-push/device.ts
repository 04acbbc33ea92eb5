/**
 * A push device's declaration of who it is: an optional `device` object beside the samples,
 * `{"device": {"vendor": "…", "product": "…", "model": "…", "firmware": "…", "serial": "…"}, "samples": […]}`.
 * Unknown keys and non-text values are ignored, never a reason to refuse the samples. Pure.
 */
import type { DeviceInfo } from '../types.js';

const KEYS: Readonly<Record<string, string>> = {
  vendor: 'manufacturer', manufacturer: 'manufacturer',
  product: 'product', model: 'modelName',
  firmware: 'softwareVersion', version: 'softwareVersion', softwareVersion: 'softwareVersion',
  serial: 'serialNumber', serialNumber: 'serialNumber',
};

/** The declared identity, or undefined when the body declares none. */
export function declaredDevice(body: unknown): DeviceInfo | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const d = (body as Record<string, unknown>).device;
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return undefined;
  const info: DeviceInfo = {};
  for (const [k, v] of Object.entries(d as Record<string, unknown>)) {
    const key = KEYS[k];
    if (key && typeof v === 'string' && v.trim() !== '') info[key] = v.trim().slice(0, 200);
  }
  return Object.keys(info).length > 0 ? info : undefined;
}
