/** A readable listing of zones by Purdue level and the conduits between them; `causeway check` prints it. */
import type { ConduitConfig, HubConfig } from './schema.js';

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

function members(config: HubConfig, zone: string): string {
  const parts: string[] = [];
  if (config.site.hubZone === zone) parts.push('hub');
  const sources = (config.sources ?? []).filter((s) => s.zone === zone).map((s) => (s.enabled === false ? `${s.id} (disabled)` : s.id));
  const sinks = (config.sinks ?? []).filter((s) => s.zone === zone).map((s) => (s.enabled === false ? `${s.id} (disabled)` : s.id));
  if (sources.length > 0) parts.push(`sources: ${sources.join(', ')}`);
  if (sinks.length > 0) parts.push(`sinks: ${sinks.join(', ')}`);
  return parts.join('; ');
}

function requirements(c: ConduitConfig): string {
  const req = [c.require?.tls ? 'tls' : '', c.require?.approval ? 'approval' : ''].filter(Boolean);
  return req.length > 0 ? `requires ${req.join(' and ')}` : '';
}

/** Zones from the highest Purdue level down, then each conduit with the flows it allows; everything else is denied. */
export function describeZoneGraph(config: HubConfig): string {
  const zones = [...config.zones].sort((a, b) => b.level - a.level);
  const levelOf = new Map(zones.map((z) => [z.id, z.level]));
  const idWidth = Math.max(...zones.map((z) => z.id.length));
  const lines = ['Zones (Purdue level, highest first):'];
  for (const z of zones) {
    const detail = [z.description ?? '', members(config, z.id)].filter(Boolean).join(' — ');
    lines.push(`  L${z.level}  ${pad(z.id, idWidth)}${detail ? `  ${detail}` : ''}`.trimEnd());
  }
  const conduits = config.conduits ?? [];
  lines.push('Conduits (everything not listed is denied):');
  if (conduits.length === 0) lines.push('  none — no flow crosses a zone boundary.');
  const ends = conduits.map((c) => `${c.from} (L${levelOf.get(c.from) ?? '?'}) → ${c.to} (L${levelOf.get(c.to) ?? '?'})`);
  const endWidth = Math.max(0, ...ends.map((e) => e.length));
  conduits.forEach((c, i) => {
    const allow = c.allow.join(', ');
    const req = requirements(c);
    lines.push(`  ${pad(ends[i]!, endWidth)}  ${allow}${req ? `  (${req})` : ''}`);
  });
  return lines.join('\n');
}
