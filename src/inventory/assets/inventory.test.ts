import { afterEach, describe, expect, it } from 'vitest';
import { identityFrom, otherFacts, postureFrom, subtrees } from './discovery.js';
import { Inventory, type ConnectionFacts, type InventoryAudit } from './inventory.js';
import { AssetStore } from './store.js';

const stores: AssetStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

function setup(connections: Record<string, ConnectionFacts> = { plc: { kind: 'modbus', zone: 'cell', namespace: ['acme/line1'], endpoint: '10.0.0.5:502', encrypted: false } }) {
  const store = AssetStore.open(':memory:');
  stores.push(store);
  const audits: InventoryAudit[] = [];
  let now = 1_000_000;
  const inv = new Inventory({ store, site: 'Springfield', zones: new Map([['cell', 1], ['ops', 3]]), now: () => now, connection: (id) => connections[id], audit: (e) => void audits.push(e) });
  return { inv, audits, tick: (ms: number) => (now += ms) };
}

describe('device facts', () => {
  it('maps Modbus objects: the product name is the product, the product code the model', () => {
    expect(identityFrom({ manufacturer: 'Schneider Electric ', product: 'BMXP342020', productName: 'Modicon M340 CPU', softwareVersion: 'SV3.40' }))
      .toEqual({ vendor: 'Schneider Electric', product: 'Modicon M340 CPU', model: 'BMXP342020', version: 'SV3.40' });
    expect(identityFrom({ manufacturer: 'Acme', product: 'AC-PLC-9' })).toEqual({ vendor: 'Acme', product: 'AC-PLC-9' });
  });

  it('reads posture and keeps the other facts', () => {
    expect(postureFrom({ securityPolicy: 'SignAndEncrypt/Basic256Sha256', anonymousLogin: 'false', certificateExpiry: '2027-01-01T00:00:00.000Z' }))
      .toEqual({ securityPolicy: 'SignAndEncrypt/Basic256Sha256', anonymousLogin: false, certificateExpiry: '2027-01-01T00:00:00.000Z' });
    expect(otherFacts({ manufacturer: 'x', buildNumber: '17', productUri: 'urn:x', endpoint: 'opc.tcp://x' })).toEqual({ buildNumber: '17', productUri: 'urn:x' });
  });

  it('keeps the least set of subtrees', () => {
    expect(subtrees(['a/b/c', 'a/b', 'a/bc', 'x/y'])).toEqual(['a/b', 'a/bc', 'x/y']);
  });
});

describe('inventory', () => {
  it('records a discovered device once, then only an identity change is an event', () => {
    const { inv, audits, tick } = setup();
    inv.observe({ source: 'plc', facts: { manufacturer: 'Acme', product: 'P9', softwareVersion: '1.0' } });
    tick(1000);
    inv.observe({ source: 'plc', facts: { manufacturer: 'Acme', product: 'P9', softwareVersion: '1.0' } });
    tick(1000);
    const after = inv.observe({ source: 'plc', facts: { manufacturer: 'Acme', product: 'P9', softwareVersion: '1.1' } })!;
    expect(after).toMatchObject({ id: 'plc', vendor: 'Acme', version: '1.1', zone: 'cell', level: 1, namespace: ['acme/line1'], posture: { encrypted: false }, firstSeen: 1_000_000, lastSeen: 1_002_000 });
    expect(inv.history('plc').map((h) => [h.event, h.changes])).toEqual([
      ['discovered', { vendor: { to: 'Acme' }, product: { to: 'P9' }, version: { to: '1.0' } }],
      ['identity-changed', { version: { from: '1.0', to: '1.1' } }],
    ]);
    expect(audits.map((a) => a.action)).toEqual(['asset.discovered', 'asset.identity-changed']);
  });

  it('ignores reports of connections that are not configured', () => {
    const { inv } = setup();
    expect(inv.observe({ source: 'gone', facts: { manufacturer: 'x' } })).toBeUndefined();
    expect(inv.list({ limit: 10, offset: 0 }).total).toBe(0);
  });

  it('keeps hand-set owner and criticality over later discoveries', () => {
    const { inv } = setup();
    inv.observe({ source: 'plc', facts: { manufacturer: 'Acme' } });
    inv.update('plc', { owner: { team: 'OT' }, criticality: 'high' }, 'dana');
    const again = inv.observe({ source: 'plc', facts: { manufacturer: 'Acme', softwareVersion: '2' } })!;
    expect(again).toMatchObject({ owner: { team: 'OT' }, criticality: 'high', version: '2' });
  });

  it('validates hand input and clears a field with an empty text', () => {
    const { inv } = setup();
    expect(() => inv.create({ name: 'HMI' }, 'dana')).toThrow(/zone is required/);
    expect(() => inv.create({ name: 'HMI', zone: 'cell', criticality: 'huge' }, 'dana')).toThrow(/criticality "huge"/);
    const hmi = inv.create({ name: 'HMI', zone: 'cell', vendor: 'Siemens', version: 'V17' }, 'dana');
    const cleared = inv.update(hmi.id, { version: '' }, 'dana');
    expect(cleared.version).toBeUndefined();
    expect(inv.history(hmi.id).at(-1)!.changes).toEqual({ version: { from: 'V17' } });
    expect(() => inv.update(hmi.id, { name: ' ' }, 'dana')).toThrow(/name cannot be cleared/);
    expect(() => inv.create({ id: 'plc', name: 'x', zone: 'cell' }, 'dana')).toThrow(/kept for the devices of source plc/);
  });

  it('refuses to delete a device its configured connection discovers', () => {
    const { inv } = setup();
    inv.observe({ source: 'plc', facts: { manufacturer: 'Acme' } });
    expect(() => inv.remove('plc', 'dana')).toThrow(/discovered from connection plc/);
  });
});
