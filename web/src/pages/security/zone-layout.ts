/**
 * Where the zones diagram draws things (pure): one band per Purdue level, the highest at the top as
 * in the reference model; zones side by side in their band, each tall enough for its sources and
 * sinks; one arrow per pair of zones and direction, labelled with the flows its conduits allow.
 */
import type { Conduit, ZoneMap } from '../../api/security';

export const BOX_WIDTH = 300;
const GAP_X = 40;
const GAP_Y = 78;
const MARGIN = 16;
/** Room left and right of the zones for the labels of arrows that run along the outer edge. */
const SIDE = 150;
const HEADER = 44;
/** Room above a band's boxes for its level's name. */
const BAND_LABEL = 20;
const ROW = 22;

export interface ZoneBox {
  id: string;
  level: number;
  description?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hub: boolean;
  links: ZoneMap['links'];
}

export interface Arrow {
  from: string;
  to: string;
  /** Start and end on the boxes' edges. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** "telemetry", "commands (approval)", … one per flow. */
  labels: string[];
  /** Where the labels go: beside the arrow's middle, on the arrow's own side. */
  lx: number;
  ly: number;
  anchor: 'start' | 'middle' | 'end';
  commands: boolean;
  tls: boolean;
  approval: boolean;
}

export interface ZoneLayout {
  width: number;
  height: number;
  bands: Array<{ level: number; y: number; height: number }>;
  boxes: ZoneBox[];
  arrows: Arrow[];
}

/** A conduit's flows as words, with what it requires. */
export function conduitLabels(c: Conduit): string[] {
  const needs = [c.require.tls ? 'TLS' : '', c.require.approval ? 'approval' : ''].filter(Boolean);
  return c.allow.map((flow) => (needs.length ? `${flow} (${needs.join(', ')})` : flow));
}

/** Where the line from a box's centre towards (dx, dy) leaves the box. */
function edge(b: ZoneBox, dx: number, dy: number): [number, number] {
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  const t = Math.min(dx === 0 ? Infinity : b.width / 2 / Math.abs(dx), dy === 0 ? Infinity : b.height / 2 / Math.abs(dy));
  return [cx + dx * t, cy + dy * t];
}

function arrowsOf(map: ZoneMap, boxes: Map<string, ZoneBox>): Arrow[] {
  const pairs = new Map<string, Conduit[]>();
  for (const c of map.conduits) {
    if (!boxes.has(c.from) || !boxes.has(c.to) || c.from === c.to) continue;
    const key = `${c.from}\u0000${c.to}`;
    pairs.set(key, [...(pairs.get(key) ?? []), c]);
  }
  return [...pairs.values()].map((cs) => {
    const a = boxes.get(cs[0]!.from)!;
    const b = boxes.get(cs[0]!.to)!;
    let dx = b.x + b.width / 2 - (a.x + a.width / 2);
    let dy = b.y + b.height / 2 - (a.y + a.height / 2);
    const len = Math.hypot(dx, dy) || 1;
    dx /= len;
    dy /= len;
    // Both directions between two zones: each arrow moves to its own side of the centre line.
    const both = pairs.has(`${cs[0]!.to}\u0000${cs[0]!.from}`);
    const shift = both ? 14 : 0;
    const [x1, y1] = edge(a, dx, dy);
    const [x2, y2] = edge(b, -dx, -dy);
    // The perpendicular (-dy, dx) points to the arrow's own side; its labels sit beyond it.
    const side = shift + 8;
    const downApproval = cs.some((c) => c.require.approval && c.allow.some(isDown));
    return {
      from: a.id, to: b.id,
      x1: x1 - dy * shift, y1: y1 + dx * shift, x2: x2 - dy * shift, y2: y2 + dx * shift,
      lx: (x1 + x2) / 2 - dy * side, ly: (y1 + y2) / 2 + dx * side,
      anchor: -dy > 0.3 ? 'start' : -dy < -0.3 ? 'end' : 'middle',
      // Approval belongs to the pair of zones: one conduit's approval holds every write (commands and orders) across it.
      labels: cs.flatMap((c) => conduitLabels(downApproval && c.allow.some(isDown) ? { ...c, require: { ...c.require, approval: true } } : c)),
      commands: cs.some((c) => c.allow.includes('commands') || c.allow.includes('orders')),
      tls: cs.some((c) => c.require.tls),
      approval: cs.some((c) => c.require.approval),
    };
  });
}

const isDown = (flow: string) => flow === 'commands' || flow === 'orders';

/** Lay the zone map out for drawing. */
export function layoutZones(map: ZoneMap): ZoneLayout {
  const levels = [...new Set(map.zones.map((z) => z.level))].sort((a, b) => b - a);
  const perBand = levels.map((level) => map.zones.filter((z) => z.level === level));
  const widest = Math.max(1, ...perBand.map((zs) => zs.length));
  const width = SIDE * 2 + widest * BOX_WIDTH + (widest - 1) * GAP_X;
  const boxes = new Map<string, ZoneBox>();
  const bands: ZoneLayout['bands'] = [];
  let y = MARGIN;
  perBand.forEach((zs, i) => {
    const heights = zs.map((z) => HEADER + Math.max(1, map.links.filter((l) => l.zone === z.id).length + (z.id === map.hubZone ? 1 : 0)) * ROW + 10);
    const height = Math.max(...heights);
    const rowWidth = zs.length * BOX_WIDTH + (zs.length - 1) * GAP_X;
    let x = (width - rowWidth) / 2;
    zs.forEach((z) => {
      boxes.set(z.id, {
        id: z.id, level: z.level, ...(z.description ? { description: z.description } : {}),
        x, y: y + BAND_LABEL, width: BOX_WIDTH, height, hub: z.id === map.hubZone, links: map.links.filter((l) => l.zone === z.id),
      });
      x += BOX_WIDTH + GAP_X;
    });
    bands.push({ level: levels[i]!, y, height: BAND_LABEL + height + 8 });
    y += BAND_LABEL + height + GAP_Y;
  });
  return { width, height: y - GAP_Y + MARGIN, bands, boxes: [...boxes.values()], arrows: arrowsOf(map, boxes) };
}
