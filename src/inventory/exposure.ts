/**
 * Risk in context (issue 16 item 4): what the hub's own model says about how exposed an asset is —
 * is its zone connected to an IT zone through conduits, can commands reach it from IT, is its link
 * unencrypted, is it critical — and a finding's priority from its CVSS base score and those facts.
 * Pure: zones and conduits from the config, the asset's facts from the inventory. Every fact is also
 * a sentence, so a finding shows why it ranks where it does, not just a number.
 */
import type { ConduitRule } from '../core/zones.js';
import type { FindingVerdict } from './types.js';

/** Purdue levels from which a zone counts as IT (4: business planning, 5: enterprise). */
export const IT_LEVEL = 4;

export interface ZoneLevel {
  id: string;
  level: number;
}

export type Criticality = 'low' | 'medium' | 'high' | 'critical';

/** What the inventory knows of an asset that matters for exposure. */
export interface ExposureInput {
  zone?: string | undefined;
  /** The hub's link to the device is encrypted (undefined: the hub does not talk to it). */
  linkEncrypted?: boolean | undefined;
  /** The device accepts anonymous logins (OPC UA anonymous token, Modbus has no login at all). */
  anonymousAllowed?: boolean | undefined;
  criticality?: Criticality | undefined;
}

export interface Exposure {
  /** The asset sits in an IT zone itself. */
  inIt: boolean;
  /** Zones from an IT zone to the asset's zone along conduits, in either direction (empty when not connected). */
  itPath: string[];
  /** Zones along which commands or orders can travel from an IT zone down to the asset's zone. */
  commandPath: string[];
  unencrypted: boolean;
  anonymous: boolean;
  critical: boolean;
  /** Why, in words: one sentence per fact, those that raise the priority first. */
  reasons: string[];
}

type Edge = { to: string; commands: boolean };

function graph(conduits: readonly ConduitRule[], undirected: boolean): Map<string, Edge[]> {
  const g = new Map<string, Edge[]>();
  const add = (a: string, b: string, commands: boolean) => {
    const list = g.get(a) ?? [];
    list.push({ to: b, commands });
    g.set(a, list);
  };
  for (const c of conduits) {
    const commands = c.allow.includes('commands') || c.allow.includes('orders');
    add(c.from, c.to, commands);
    if (undirected) add(c.to, c.from, commands);
  }
  return g;
}

/** The shortest chain of zones from any of `starts` to `target` over `edges` that pass `use`, or []. */
function shortestPath(g: Map<string, Edge[]>, starts: readonly string[], target: string, use: (e: Edge) => boolean): string[] {
  const previous = new Map<string, string | null>(starts.map((s) => [s, null]));
  const queue = [...starts];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    if (at === target) {
      const path = [at];
      for (let p = previous.get(at); p; p = previous.get(p)) path.unshift(p);
      return path;
    }
    for (const e of g.get(at) ?? []) {
      if (!use(e) || previous.has(e.to)) continue;
      previous.set(e.to, at);
      queue.push(e.to);
    }
  }
  return [];
}

/** The exposure of an asset in the plant's zones and conduits. */
export function exposureOf(asset: ExposureInput, zones: readonly ZoneLevel[], conduits: readonly ConduitRule[]): Exposure {
  const reasons: string[] = [];
  const itZones = zones.filter((z) => z.level >= IT_LEVEL).map((z) => z.id);
  const zone = asset.zone;
  const inIt = zone !== undefined && itZones.includes(zone);
  const starts = itZones.filter((z) => z !== zone);
  const itPath = zone === undefined || inIt ? [] : shortestPath(graph(conduits, true), starts, zone, () => true);
  const commandPath = zone === undefined || inIt ? [] : shortestPath(graph(conduits, false), starts, zone, (e) => e.commands);
  if (zone === undefined) reasons.push('The asset has no zone, so its exposure through conduits is unknown; assign it to a zone.');
  else if (inIt) reasons.push(`The asset sits in IT zone ${zone} (Purdue level ${IT_LEVEL} or above).`);
  else if (commandPath.length > 0) reasons.push(`Commands can reach zone ${zone} from IT along ${commandPath.join(' → ')}.`);
  else if (itPath.length > 0) reasons.push(`Zone ${zone} is connected to IT through conduits (${itPath.join(' – ')}), for data only.`);
  else reasons.push(`Zone ${zone} has no conduit path to an IT zone.`);
  const unencrypted = asset.linkEncrypted === false;
  if (unencrypted) reasons.push("The hub's link to the device is not encrypted.");
  const anonymous = asset.anonymousAllowed === true;
  if (anonymous) reasons.push('The device accepts connections without a login.');
  const critical = asset.criticality === 'high' || asset.criticality === 'critical';
  if (critical) reasons.push(`The asset's criticality is ${asset.criticality}.`);
  return { inIt, itPath, commandPath, unencrypted, anonymous, critical, reasons };
}

export type FindingPriority = 'P1' | 'P2' | 'P3' | 'P4';

/** What each fact adds to (or takes from) the CVSS base score; docs/vulnerabilities.md lists the same table. */
export const RISK_WEIGHTS = {
  unknownCvss: 5,
  inIt: 1.5,
  commandsFromIt: 1.5,
  connectedToIt: 0.5,
  isolated: -2,
  noZone: 0,
  unencrypted: 0.5,
  anonymous: 0.5,
  critical: 1,
  possiblyAffected: -1,
} as const;

export interface RiskScore {
  score: number;
  priority: FindingPriority;
  reasons: string[];
}

/** A finding's priority: its CVSS base score moved by the asset's exposure, bounded to 0–10. */
export function riskOf(cvssBase: number | undefined, verdict: FindingVerdict, exposure: Exposure, hasZone: boolean): RiskScore {
  const reasons: string[] = [];
  let score: number;
  if (cvssBase === undefined) {
    score = RISK_WEIGHTS.unknownCvss;
    reasons.push(`The advisory gives no CVSS score; ${RISK_WEIGHTS.unknownCvss} is assumed.`);
  } else {
    score = cvssBase;
    reasons.push(`CVSS base score ${cvssBase}.`);
  }
  const add = (w: number, why: string) => {
    if (w === 0) return;
    score += w;
    reasons.push(`${w > 0 ? '+' : '−'}${Math.abs(w)}: ${why}`);
  };
  if (!hasZone) add(RISK_WEIGHTS.noZone, 'no zone');
  else if (exposure.inIt) add(RISK_WEIGHTS.inIt, 'the asset sits in an IT zone.');
  else if (exposure.commandPath.length > 0) add(RISK_WEIGHTS.commandsFromIt, 'commands can reach it from IT.');
  else if (exposure.itPath.length > 0) add(RISK_WEIGHTS.connectedToIt, 'its zone is connected to IT for data.');
  else add(RISK_WEIGHTS.isolated, 'its zone has no conduit path to IT.');
  if (exposure.unencrypted) add(RISK_WEIGHTS.unencrypted, 'its link is not encrypted.');
  if (exposure.anonymous) add(RISK_WEIGHTS.anonymous, 'it accepts connections without a login.');
  if (exposure.critical) add(RISK_WEIGHTS.critical, 'it is a critical asset.');
  if (verdict === 'possibly-affected') add(RISK_WEIGHTS.possiblyAffected, 'it is only possibly affected.');
  score = Math.round(Math.min(10, Math.max(0, score)) * 10) / 10;
  const priority: FindingPriority = score >= 9 ? 'P1' : score >= 7 ? 'P2' : score >= 4 ? 'P3' : 'P4';
  return { score, priority, reasons };
}
