import { describe, expect, it } from 'vitest';
import type { ZoneMap } from '../../api/security';
import { conduitLabels, layoutZones } from './zone-layout';

const MAP: ZoneMap = {
  hubZone: 'site-ops',
  zones: [
    { id: 'packaging', level: 1 },
    { id: 'utilities', level: 1 },
    { id: 'site-ops', level: 3 },
    { id: 'enterprise', level: 4 },
  ],
  conduits: [
    { from: 'packaging', to: 'site-ops', allow: ['telemetry'], require: { tls: true, approval: false } },
    { from: 'utilities', to: 'site-ops', allow: ['telemetry'], require: { tls: false, approval: false } },
    { from: 'site-ops', to: 'enterprise', allow: ['telemetry'], require: { tls: false, approval: false } },
    { from: 'site-ops', to: 'packaging', allow: ['orders'], require: { tls: false, approval: false } },
    { from: 'site-ops', to: 'packaging', allow: ['commands'], require: { tls: false, approval: true } },
    { from: 'site-ops', to: 'nowhere', allow: ['telemetry'], require: { tls: false, approval: false } },
  ],
  links: [
    { id: 'plc1', role: 'source', kind: 'modbus', zone: 'packaging', encrypted: false },
    { id: 'plc2', role: 'source', kind: 'opcua', zone: 'packaging', encrypted: true },
    { id: 'uns', role: 'sink', kind: 'mqtt', zone: 'enterprise', encrypted: false },
  ],
};

describe('the zones diagram layout', () => {
  const layout = layoutZones(MAP);
  const box = (id: string) => layout.boxes.find((b) => b.id === id)!;

  it('puts higher Purdue levels above lower ones, and zones of one level side by side', () => {
    expect(layout.bands.map((b) => b.level)).toEqual([4, 3, 1]);
    expect(box('enterprise').y).toBeLessThan(box('site-ops').y);
    expect(box('site-ops').y).toBeLessThan(box('packaging').y);
    expect(box('packaging').y).toBe(box('utilities').y);
    expect(box('packaging').x + box('packaging').width).toBeLessThan(box('utilities').x);
    for (const b of layout.boxes) expect(b.x + b.width).toBeLessThanOrEqual(layout.width);
  });

  it('makes a zone tall enough for its sources, sinks and the hub', () => {
    expect(box('packaging').links.map((l) => l.id)).toEqual(['plc1', 'plc2']);
    expect(box('site-ops').hub).toBe(true);
    expect(box('packaging').height).toBeGreaterThan(box('enterprise').height);
  });

  it('draws one arrow per pair and direction, labelled with every flow and what it requires', () => {
    const down = layout.arrows.find((a) => a.from === 'site-ops' && a.to === 'packaging')!;
    // Approval belongs to the pair of zones: the orders across it wait for a second person too.
    expect(down.labels).toEqual(['orders (approval)', 'commands (approval)']);
    expect(down).toMatchObject({ commands: true, approval: true, tls: false });
    const up = layout.arrows.find((a) => a.from === 'packaging' && a.to === 'site-ops')!;
    expect(up).toMatchObject({ labels: ['telemetry (TLS)'], commands: false, tls: true });
    // Opposite directions do not draw over each other.
    expect(Math.abs(up.x1 - down.x2) + Math.abs(up.y1 - down.y2)).toBeGreaterThan(10);
    expect(layout.arrows).toHaveLength(4);
  });

  it('starts and ends arrows on the edges of the boxes', () => {
    const a = layout.arrows.find((x) => x.from === 'site-ops' && x.to === 'enterprise')!;
    expect(a.y1).toBeCloseTo(box('site-ops').y, 5);
    expect(a.y2).toBeCloseTo(box('enterprise').y + box('enterprise').height, 5);
  });

  it('leaves room for the labels of a small map\'s arrows inside the drawing', () => {
    const small = layoutZones({
      hubZone: 'ops', links: [],
      zones: [{ id: 'cell', level: 1 }, { id: 'ops', level: 3 }],
      conduits: [
        { from: 'cell', to: 'ops', allow: ['telemetry'], require: { tls: false, approval: false } },
        { from: 'ops', to: 'cell', allow: ['commands'], require: { tls: false, approval: true } },
      ],
    });
    // About 7 px a character at 12 px.
    for (const a of small.arrows) {
      const text = Math.max(...a.labels.map((l) => l.length)) * 7;
      const [left, right] = a.anchor === 'end' ? [a.lx - text, a.lx] : a.anchor === 'start' ? [a.lx, a.lx + text] : [a.lx - text / 2, a.lx + text / 2];
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(small.width);
    }
  });

  it('labels a conduit with several needs', () => {
    expect(conduitLabels({ from: 'a', to: 'b', allow: ['commands'], require: { tls: true, approval: true } })).toEqual(['commands (TLS, approval)']);
  });
});
