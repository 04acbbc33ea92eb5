/** Types of server.mjs, the node-opcua test server of the OPC UA source's integration tests. */
import type { OPCUAServer, StatusCode } from 'node-opcua';

export declare const BUILD_INFO: { manufacturerName: string; productName: string; softwareVersion: string; buildNumber: string };

export interface TestServerOptions {
  port: number;
  pkiDir: string;
  /** DER certificates the server trusts (the hub's own). */
  trust?: Buffer[];
  users?: Record<string, string>;
  maxMonitoredItemsPerCall?: number;
  bigFolderSize?: number;
  counterMs?: number;
}

export type LineVariable = 'Speed' | 'Counter' | 'Running' | 'Name' | 'Total' | 'Sensor' | 'Setpoint' | 'Mode' | 'Locked' | 'Level';

export interface ServerMonitoredItem {
  nodeId: string | undefined;
  filter: unknown;
  samplingInterval: number;
  queueSize: number;
}

export interface TestServer {
  server: OPCUAServer;
  url: string;
  certificate: Buffer;
  set(name: LineVariable, dataType: string, value: unknown, status?: StatusCode, sourceTimestamp?: Date): void;
  get(name: LineVariable): unknown;
  stamp(name: LineVariable, dataType: string, value: unknown, sourceTimestamp: Date): Promise<void>;
  trust(der: Buffer): Promise<void>;
  trustUser(der: Buffer): Promise<void>;
  monitoredItemCount(): number;
  monitoredItems(): ServerMonitoredItem[];
  stop(): Promise<void>;
}

export declare function monitoredItemCount(server: OPCUAServer): number;
export declare function startTestServer(options: TestServerOptions): Promise<TestServer>;
