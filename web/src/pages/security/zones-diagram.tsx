/**
 * Zones and conduits drawn as a diagram (inline SVG, nothing fetched): Purdue levels as bands,
 * zones as boxes holding their sources and sinks (an unencrypted link is marked), conduits as
 * arrows labelled with the flows they allow and what they require (TLS, a second person's approval).
 */
import type { ZoneMap } from '../../api/security';
import { layoutZones, type Arrow, type ZoneBox } from './zone-layout';
import './security.css';

/** What each Purdue level holds, as the reference model names it. */
export const LEVEL_NAMES: Readonly<Record<number, string>> = {
  0: 'Level 0 · process',
  1: 'Level 1 · basic control',
  2: 'Level 2 · supervisory control',
  3: 'Level 3 · site operations',
  4: 'Level 4 · business planning',
  5: 'Level 5 · enterprise',
};

const ROW = 22;
const HEADER = 44;

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function LinkRow({ link, x, y, width }: { link: ZoneBox['links'][number]; x: number; y: number; width: number }) {
  const open = link.encrypted === false;
  return (
    <g className={`zd-link${open ? ' zd-open' : ''}`} data-link={link.id} data-encrypted={String(link.encrypted ?? 'unknown')}>
      <title>{`${link.role} ${link.id} (${link.kind})${link.target ? ` → ${link.target}` : ''}: ${link.how ?? 'link security unknown'}`}</title>
      {link.role === 'source' ? <rect x={x} y={y - 9} width={10} height={10} rx={2} className="zd-source" /> : <circle cx={x + 5} cy={y - 4} r={5} className="zd-sink" />}
      <text x={x + 16} y={y}>
        {open ? shorten(link.id, 22) : shorten(`${link.id} · ${link.kind}`, 36)}
      </text>
      {open ? (
        <text x={x + width} y={y} textAnchor="end" className="zd-warn-text">
          not encrypted
        </text>
      ) : null}
    </g>
  );
}

function Zone({ box }: { box: ZoneBox }) {
  const rows = [...(box.hub ? ['hub'] : []), ...box.links.map((l) => l.id)];
  return (
    <g className="zd-zone" data-zone={box.id}>
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={8} className={box.hub ? 'zd-box zd-hub-zone' : 'zd-box'} />
      <text x={box.x + 12} y={box.y + 19} className="zd-zone-name">
        {box.id}
      </text>
      {box.description ? (
        <text x={box.x + 12} y={box.y + 35} className="zd-zone-desc">
          {shorten(box.description, 46)}
          <title>{box.description}</title>
        </text>
      ) : null}
      {box.hub ? (
        <g className="zd-hub">
          <rect x={box.x + 12} y={box.y + HEADER + 6} width={10} height={10} rx={5} className="zd-hub-mark" />
          <text x={box.x + 28} y={box.y + HEADER + 15}>
            Causeway hub
          </text>
        </g>
      ) : null}
      {box.links.map((l, i) => (
        <LinkRow key={`${l.role}-${l.id}`} link={l} x={box.x + 12} width={box.width - 24} y={box.y + HEADER + 15 + (i + (box.hub ? 1 : 0)) * ROW} />
      ))}
      {rows.length === 0 ? (
        <text x={box.x + 12} y={box.y + HEADER + 15} className="zd-zone-desc">
          no sources or sinks
        </text>
      ) : null}
    </g>
  );
}

function ConduitArrow({ a }: { a: Arrow }) {
  const kind = a.commands ? 'zd-commands' : 'zd-telemetry';
  const lines = a.labels.length;
  return (
    <g className={`zd-conduit ${kind}`} data-conduit={`${a.from}->${a.to}`}>
      <line x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} markerEnd={`url(#${a.commands ? 'zd-head-commands' : 'zd-head-telemetry'})`} className={a.approval ? 'zd-line zd-approval' : 'zd-line'} />
      {a.labels.map((label, i) => (
        <text key={label} x={a.lx} y={a.ly + 4 + (i - (lines - 1) / 2) * 14} textAnchor={a.anchor} className="zd-label">
          {label}
        </text>
      ))}
    </g>
  );
}

export function ZonesDiagram({ map }: { map: ZoneMap }) {
  const layout = layoutZones(map);
  const open = map.links.filter((l) => l.encrypted === false).length;
  return (
    <svg
      className="zones-diagram"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      role="img"
      aria-labelledby="zd-title zd-desc"
      data-testid="zones-diagram"
    >
      <title id="zd-title">Zones and conduits</title>
      <desc id="zd-desc">{`${map.zones.length} zones on ${layout.bands.length} Purdue levels, ${map.conduits.length} conduits, ${map.links.length} sources and sinks of which ${open} are not encrypted. The table below lists the conduits.`}</desc>
      <defs>
        {(['telemetry', 'commands'] as const).map((k) => (
          <marker key={k} id={`zd-head-${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className={`zd-head-${k}`} />
          </marker>
        ))}
      </defs>
      {layout.bands.map((b) => (
        <g key={b.level} className="zd-band" data-level={b.level}>
          <rect x={2} y={b.y} width={layout.width - 4} height={b.height} rx={6} />
          <text x={10} y={b.y + 14}>
            {LEVEL_NAMES[b.level] ?? `Level ${b.level}`}
          </text>
        </g>
      ))}
      {layout.boxes.map((box) => (
        <Zone key={box.id} box={box} />
      ))}
      {layout.arrows.map((a) => (
        <ConduitArrow key={`${a.from}->${a.to}`} a={a} />
      ))}
    </svg>
  );
}
