/** Zones and conduits (ARCHITECTURE §5): default deny; a flow crosses zones only along a conduit that allows it. */

export type Flow = 'telemetry' | 'commands' | 'orders';

export interface ConduitRule {
  from: string;
  to: string;
  allow: readonly Flow[];
  require?: { tls?: boolean; approval?: boolean };
}

/** The conduit that lets `flow` go from zone `from` to zone `to`, if any. Within one zone every flow is allowed. */
export function findConduit(conduits: readonly ConduitRule[], from: string, to: string, flow: Flow): ConduitRule | undefined {
  return conduits.find((c) => c.from === from && c.to === to && c.allow.includes(flow));
}

/** True when `flow` may go from zone `from` to zone `to`. */
export function flowAllowed(conduits: readonly ConduitRule[], from: string, to: string, flow: Flow): boolean {
  return from === to || findConduit(conduits, from, to, flow) !== undefined;
}
