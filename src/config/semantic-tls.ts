/**
 * Conduits with `require: { tls: true }`: every link that carries a flow across such a conduit must
 * encrypt. Telemetry from a source's zone to the hub, commands from the hub into a source's zone,
 * and telemetry from the data's zones into a sink's zone. The kinds say how their links are
 * secured (OPC UA SignAndEncrypt, mqtts://, https://, tls://; Modbus TCP never is).
 */
import { findConduit, type ConduitRule, type Flow, type LinkContext } from '../core/zones.js';
import { entries, isEnabled, isObj, str, type Obj } from './data.js';
import { hubZoneOf } from './semantic-index.js';
import type { ProblemContext } from './collector.js';
import type { KindSchemas } from './kinds.js';

const FLOWS: readonly Flow[] = ['telemetry', 'commands', 'orders'];

function conduitsOf(data: Obj): ConduitRule[] {
  return entries(data, 'conduits').flatMap(([c]) => {
    const from = str(c.from);
    const to = str(c.to);
    if (from === undefined || to === undefined) return [];
    const allow = (Array.isArray(c.allow) ? c.allow : []).filter((f): f is Flow => FLOWS.includes(f as Flow));
    return [{ from, to, allow, ...(isObj(c.require) ? { require: { tls: c.require.tls === true } } : {}) }];
  });
}

function tlsConduit(conduits: readonly ConduitRule[], from: string, to: string, flow: Flow): ConduitRule | undefined {
  if (from === to) return undefined;
  const c = findConduit(conduits, from, to, flow);
  return c?.require?.tls ? c : undefined;
}

const HINT = {
  source: 'Encrypt the link (OPC UA securityMode SignAndEncrypt, an mqtts:// broker, api.tls for pushing devices), put the device behind a gateway in the hub\'s zone, or remove tls from the conduit\'s require:.',
  sink: 'Use an encrypted URL (mqtts://, https://, tls:// NATS servers), or remove tls from the conduit\'s require:.',
};

/** Report every enabled source and sink whose link crosses a TLS-requiring conduit without encryption. */
export function checkConduitTls(data: unknown, kinds: KindSchemas, ctx: ProblemContext): void {
  if (!isObj(data)) return;
  const hub = hubZoneOf(data);
  if (hub === undefined) return;
  const conduits = conduitsOf(data);
  if (!conduits.some((c) => c.require?.tls)) return;
  const link: LinkContext = { apiTls: isObj(data.api) && isObj(data.api.tls) };
  const origins = new Set([hub]);
  for (const [src, i] of entries(data, 'sources')) {
    const zone = str(src.zone);
    if (zone === undefined || !isEnabled(src)) continue;
    origins.add(zone);
    const security = kinds.sources.get(str(src.kind) ?? '')?.linkSecurity?.(isObj(src.config) ? src.config : {}, link);
    if (!security || security.encrypted) continue;
    const crossing = [tlsConduit(conduits, zone, hub, 'telemetry') && `telemetry from zone ${zone} to the hub (zone ${hub})`, tlsConduit(conduits, hub, zone, 'commands') && `commands from the hub into zone ${zone}`].filter(Boolean);
    if (crossing.length === 0) continue;
    const message = `Source ${ctx.show(['sources', i, 'id'], src.id)} carries ${crossing.join(' and ')} across a conduit that requires TLS, but ${security.how}.`;
    ctx.report(['sources', i, 'kind'], 'CW_CONFIG_TLS_REQUIRED', message, HINT.source);
  }
  for (const [sink, i] of entries(data, 'sinks')) {
    const zone = str(sink.zone);
    if (zone === undefined || !isEnabled(sink)) continue;
    const security = kinds.sinks.get(str(sink.kind) ?? '')?.linkSecurity?.(isObj(sink.config) ? sink.config : {}, link);
    if (!security || security.encrypted) continue;
    const from = [...origins].filter((o) => tlsConduit(conduits, o, zone, 'telemetry'));
    if (from.length === 0) continue;
    const message = `Sink ${ctx.show(['sinks', i, 'id'], sink.id)} receives telemetry from zone ${from.join(', ')} across a conduit that requires TLS, but ${security.how}.`;
    ctx.report(['sinks', i, 'kind'], 'CW_CONFIG_TLS_REQUIRED', message, HINT.sink);
  }
}
