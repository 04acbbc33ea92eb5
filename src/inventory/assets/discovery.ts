/**
 * What a connection tells about its device, as inventory fields. Each protocol names things its
 * own way (OPC UA BuildInfo, Modbus device identification objects, Sparkplug node properties, a
 * push device's declaration); the connectors hand over a DeviceInfo, and this maps it. Pure.
 */
import type { AssetIdentity } from '../types.js';
import { clean, type AssetPosture } from './model.js';

/** The device information keys (see src/sources/types.ts DeviceInfo) the connectors use. */
export type DeviceFacts = Readonly<Record<string, string | undefined>>;

/** A device as one connection reports it. */
export interface DeviceReport {
  /** The connection (source id). */
  source: string;
  /** A device behind the connection (a Sparkplug edge node `group/node`); absent: the connection's own peer. */
  device?: string;
  facts: DeviceFacts;
}

/** Keys that are identity or posture, not kept again under facts. */
const CONSUMED = new Set([
  'manufacturer', 'vendor', 'product', 'productName', 'modelName', 'model', 'softwareVersion', 'firmware', 'version', 'serialNumber', 'serial',
  'securityPolicy', 'certificateExpiry', 'anonymousLogin', 'endpoint', 'identification',
]);

/** Vendor, product, model, version and serial from what the device said. */
export function identityFrom(f: DeviceFacts): Omit<AssetIdentity, 'id'> {
  // Modbus: ProductCode (product) is a code; ProductName (productName), when sent, is the name.
  const productName = clean(f.productName);
  const code = clean(f.product);
  const product = productName ?? code;
  const model = clean(f.modelName) ?? clean(f.model) ?? (productName && code && code !== productName ? code : undefined);
  const out: Omit<AssetIdentity, 'id'> = {};
  const set = (k: keyof Omit<AssetIdentity, 'id'>, v: string | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('vendor', clean(f.manufacturer) ?? clean(f.vendor));
  set('product', product);
  set('model', model);
  set('version', clean(f.softwareVersion) ?? clean(f.firmware) ?? clean(f.version));
  set('serial', clean(f.serialNumber) ?? clean(f.serial));
  return out;
}

/** The posture facts a device reported about itself (OPC UA: policy, certificate, anonymous login). */
export function postureFrom(f: DeviceFacts): AssetPosture {
  const p: AssetPosture = {};
  if (clean(f.securityPolicy)) p.securityPolicy = clean(f.securityPolicy)!;
  if (clean(f.certificateExpiry)) p.certificateExpiry = clean(f.certificateExpiry)!;
  if (f.anonymousLogin === 'true' || f.anonymousLogin === 'false') p.anonymousLogin = f.anonymousLogin === 'true';
  return p;
}

/** The other things the device said (build number, product URI, OS, why it said nothing). */
export function otherFacts(f: DeviceFacts): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (!CONSUMED.has(k) && clean(v) !== undefined) out[k] = v!.trim();
  if (clean(f.identification)) out.identification = f.identification!.trim();
  return out;
}

/** The asset id of a discovered device: the source id, and the device behind it (`/` as `:`). */
export function discoveredId(source: string, device?: string): string {
  return device === undefined ? source : `${source}:${device.replace(/[^A-Za-z0-9_.~-]+/g, ':')}`.slice(0, 128);
}

/** The least set of subtrees: a path under another listed path is dropped. */
export function subtrees(paths: Iterable<string>, max = 20): string[] {
  const sorted = [...new Set(paths)].sort();
  const out: string[] = [];
  for (const p of sorted) if (!out.some((q) => p === q || p.startsWith(`${q}/`))) out.push(p);
  return out.slice(0, max);
}
