/** Reads about the server itself: its operation limits and its build information. */
import { AttributeIds, VariableIds, type ClientSession } from 'node-opcua';
import type { DeviceInfo } from '../types.js';

/** The limits that shape subscriptions; undefined where the server does not say. */
export interface ServerLimits {
  maxMonitoredItemsPerCall?: number;
  maxMonitoredItemsPerSubscription?: number;
}

/** A positive number read from a Good DataValue, else undefined (0 means "no limit" in OPC UA). */
function positive(dv: { statusCode: { isGood(): boolean }; value: { value: unknown } }): number | undefined {
  if (!dv.statusCode.isGood()) return undefined;
  const n = Number(dv.value.value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** ServerCapabilities: OperationLimits.MaxMonitoredItemsPerCall and MaxMonitoredItemsPerSubscription (1.05). */
export async function readLimits(session: ClientSession): Promise<ServerLimits> {
  const ids = [VariableIds.Server_ServerCapabilities_OperationLimits_MaxMonitoredItemsPerCall, VariableIds.Server_ServerCapabilities_MaxMonitoredItemsPerSubscription];
  const [perCall, perSubscription] = await session.read(ids.map((i) => ({ nodeId: `i=${i}`, attributeId: AttributeIds.Value })));
  const limits: ServerLimits = {};
  const call = perCall && positive(perCall);
  const sub = perSubscription && positive(perSubscription);
  if (call) limits.maxMonitoredItemsPerCall = call;
  if (sub) limits.maxMonitoredItemsPerSubscription = sub;
  return limits;
}

const BUILD_INFO: Array<[keyof DeviceInfo, number]> = [
  ['manufacturer', VariableIds.Server_ServerStatus_BuildInfo_ManufacturerName],
  ['product', VariableIds.Server_ServerStatus_BuildInfo_ProductName],
  ['softwareVersion', VariableIds.Server_ServerStatus_BuildInfo_SoftwareVersion],
  ['buildNumber', VariableIds.Server_ServerStatus_BuildInfo_BuildNumber],
  ['productUri', VariableIds.Server_ServerStatus_BuildInfo_ProductUri],
];

/** Vendor, product and version from Server_ServerStatus_BuildInfo; fields the server leaves empty are absent. */
export async function readBuildInfo(session: ClientSession): Promise<DeviceInfo> {
  const values = await session.read(BUILD_INFO.map(([, id]) => ({ nodeId: `i=${id}`, attributeId: AttributeIds.Value })));
  const info: DeviceInfo = {};
  BUILD_INFO.forEach(([key], i) => {
    const dv = values[i];
    const v = dv && dv.statusCode.isGood() ? dv.value.value : undefined;
    if (typeof v === 'string' && v !== '') info[key] = v;
  });
  return info;
}
