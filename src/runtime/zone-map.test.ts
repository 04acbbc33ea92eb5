import { describe, expect, it } from 'vitest';
import type { HubConfig } from '../config/schema.js';
import { linkTarget, zoneMap } from './zone-map.js';

describe('linkTarget', () => {
  it.each([
    [{ endpointUrl: 'opc.tcp://10.0.0.5:4840' }, 'opc.tcp://10.0.0.5:4840'],
    [{ url: 'mqtts://user:pa55@broker.plant:8883' }, 'mqtts://broker.plant:8883'],
    [{ url: 'https://erp.example.com/in?apikey=secret#x' }, 'https://erp.example.com/in'],
    [{ servers: ['tls://nats-a:4222', 'nats://u:p@nats-b:4222'] }, 'tls://nats-a:4222, nats://nats-b:4222'],
    [{ servers: 'nats://127.0.0.1:4222' }, 'nats://127.0.0.1:4222'],
    [{ host: '10.20.1.15', port: 502 }, '10.20.1.15:502'],
    [{ seed: 1 }, undefined],
  ])('shows %j as %s', (config, target) => {
    expect(linkTarget(config)).toBe(target);
  });
});

describe('zoneMap', () => {
  it('lists enabled sources and sinks with their kind\'s link security, and conduits with what they require', () => {
    const config = {
      site: { hubZone: 'ops' },
      zones: [{ id: 'cell', level: 1 }, { id: 'ops', level: 3, description: 'Site operations' }],
      conduits: [{ from: 'cell', to: 'ops', allow: ['telemetry'], require: { tls: true } }],
      sources: [
        { id: 'plc', kind: 'modbus', zone: 'cell', config: { host: 'plc', port: 502 } },
        { id: 'off', kind: 'modbus', zone: 'cell', enabled: false, config: { host: 'x' } },
        { id: 'push', kind: 'http-push', zone: 'cell' },
      ],
      sinks: [{ id: 'uns', kind: 'unknown-kind', zone: 'ops', config: { url: 'mqtt://u:p@b:1883' } }],
    } as unknown as HubConfig;
    const kinds = {
      sources: new Map([
        ['modbus', { linkSecurity: () => ({ encrypted: false, how: 'Modbus TCP has no encryption' }) }],
        ['http-push', { linkSecurity: (_c: Record<string, unknown>, ctx: { apiTls: boolean }) => ({ encrypted: ctx.apiTls, how: 'push' }) }],
      ]),
      sinks: new Map(),
    };
    const map = zoneMap(config, kinds, { apiTls: true });
    expect(map.zones).toEqual([{ id: 'cell', level: 1 }, { id: 'ops', level: 3, description: 'Site operations' }]);
    expect(map.conduits).toEqual([{ from: 'cell', to: 'ops', allow: ['telemetry'], require: { tls: true, approval: false } }]);
    expect(map.links).toEqual([
      { id: 'plc', role: 'source', kind: 'modbus', zone: 'cell', encrypted: false, how: 'Modbus TCP has no encryption', target: 'plc:502' },
      { id: 'push', role: 'source', kind: 'http-push', zone: 'cell', encrypted: true, how: 'push' },
      { id: 'uns', role: 'sink', kind: 'unknown-kind', zone: 'ops', target: 'mqtt://b:1883' },
    ]);
  });
});
