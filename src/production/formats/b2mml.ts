/**
 * ISA-95 B2MML (pure): ProductionSchedule in (each ProductionRequest one work order record),
 * ProductionPerformance out (one ProductionResponse per confirmation), and that document read back.
 * Namespaces and prefixes are ignored on reading; elements are matched by their local names.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Confirmation, OeeFigures } from '../confirmation.js';
import type { OrderStatus } from '../orders.js';

export const B2MML_NS = 'http://www.mesa.org/xml/B2MML';

type Node = Record<string, unknown>;
const ARRAYS = new Set(['ProductionRequest', 'SegmentRequirement', 'MaterialProducedRequirement', 'MaterialRequirement', 'Quantity', 'ProductionResponse', 'SegmentResponse', 'MaterialProducedActual', 'SegmentData']);

const parser = new XMLParser({
  ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

/** A document type declaration anywhere in the text (B2MML needs none; DTDs bring entities). */
const DOCTYPE = /<!DOCTYPE/i;

/** Parse XML text, or say why it is not well-formed XML or not one the hub reads. */
function parse(xml: string): Node | string {
  // Refused before parsing: entity expansion and external entities are how XML files attack readers.
  if (DOCTYPE.test(xml)) return 'it has a DOCTYPE declaration, which the hub refuses in ERP files (B2MML needs none; DTDs and entities are a way to attack XML readers)';
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return `it is not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`;
  try {
    return parser.parse(xml) as Node;
  } catch (e) {
    return `the XML reader refused it: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** The text of an element (elements with attributes keep it under #text). */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return textOf((v as Node)['#text']);
  return undefined;
}

const nodes = (v: unknown): Node[] => (Array.isArray(v) ? v.filter((x): x is Node => typeof x === 'object' && x !== null) : v && typeof v === 'object' ? [v as Node] : []);
const child = (n: Node | undefined, name: string): Node | undefined => nodes(n?.[name])[0];

/** The material a request produces: a MaterialProducedRequirement, or a MaterialRequirement whose MaterialUse is Produced. */
function producedMaterial(req: Node): Node | undefined {
  for (const seg of nodes(req.SegmentRequirement)) {
    const produced = nodes(seg.MaterialProducedRequirement)[0] ?? nodes(seg.MaterialRequirement).find((m) => textOf(m.MaterialUse) === 'Produced');
    if (produced) return produced;
  }
  return nodes(req.MaterialProducedRequirement)[0];
}

/** One ProductionRequest as a work order record (validated later like any other). */
function requestRecord(req: Node): Record<string, unknown> {
  const seg = nodes(req.SegmentRequirement)[0];
  const material = producedMaterial(req);
  const qty = nodes(material?.Quantity)[0];
  const state = textOf(req.RequestState)?.toLowerCase();
  const fields: Record<string, unknown> = {
    id: textOf(req.ID),
    description: textOf(req.Description),
    line: textOf(child(req, 'HierarchyScope')?.EquipmentID) ?? textOf(child(seg, 'HierarchyScope')?.EquipmentID),
    due: textOf(req.EndTime) ?? textOf(seg?.LatestEndTime) ?? textOf(seg?.EndTime),
    product: textOf(material?.MaterialDefinitionID),
    quantity: textOf(qty?.QuantityString),
    unit: textOf(qty?.UnitOfMeasure),
    ...(state === 'aborted' || state === 'cancelled' ? { status: 'cancelled' } : {}),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** The work order records of a B2MML ProductionSchedule, or the problem with the whole document. */
export function parseSchedule(xml: string, name: string): Array<{ ref: string; raw: unknown }> | string {
  const doc = parse(xml);
  if (typeof doc === 'string') return doc;
  const schedule = child(doc, 'ProductionSchedule');
  if (!schedule) return `its root element is not a B2MML ProductionSchedule (found ${Object.keys(doc).filter((k) => !k.startsWith('?')).join(', ') || 'nothing'})`;
  return nodes(schedule.ProductionRequest).map((req, i) => ({ ref: `${name} ProductionRequest ${i + 1}${textOf(req.ID) ? ` (${textOf(req.ID)})` : ''}`, raw: requestRecord(req) }));
}

function esc(s: string | number): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const el = (name: string, value: string | number | undefined, pad: string) => (value === undefined ? '' : `${pad}<${name}>${esc(value)}</${name}>\n`);
const RESPONSE_STATE: Record<OrderStatus, string> = { released: 'Ready', running: 'Running', completed: 'Completed', cancelled: 'Aborted' };
const STATUS_OF: Record<string, OrderStatus> = { Ready: 'released', Running: 'running', Completed: 'completed', Aborted: 'cancelled' };
const OEE_KEYS = ['availability', 'performance', 'quality', 'oee'] as const;

function quantity(value: number, unit: string, key: string, pad: string): string {
  return `${pad}<Quantity>\n${el('QuantityString', value, `${pad}  `)}${el('DataType', 'double', `${pad}  `)}${el('UnitOfMeasure', unit, `${pad}  `)}${el('Key', key, `${pad}  `)}${pad}</Quantity>\n`;
}

function segmentData(oee: OeeFigures | undefined, pad: string): string {
  if (!oee) return '';
  return OEE_KEYS.map((k) => `${pad}<SegmentData>\n${el('ID', k, `${pad}  `)}${pad}  <Value>\n${el('ValueString', oee[k] === null ? '' : oee[k], `${pad}    `)}${el('DataType', 'double', `${pad}    `)}${pad}  </Value>\n${pad}</SegmentData>\n`).join('');
}

/** A B2MML ProductionPerformance document confirming one order's production. */
export function writePerformance(c: Confirmation): string {
  const p = '      ';
  return '<?xml version="1.0" encoding="UTF-8"?>\n'
    + `<ProductionPerformance xmlns="${B2MML_NS}">\n`
    + el('ID', c.key, '  ') + el('PublishedDate', c.createdAt, '  ')
    + '  <ProductionResponse>\n'
    + el('ID', c.key, '    ') + el('ProductionRequestID', c.orderId, '    ')
    + `    <HierarchyScope>\n${el('EquipmentID', c.line, '      ')}${el('EquipmentElementLevel', 'ProductionLine', '      ')}    </HierarchyScope>\n`
    + el('StartTime', c.startedAt, '    ') + el('EndTime', c.endedAt, '    ')
    + el('ResponseState', RESPONSE_STATE[c.status], '    ')
    + '    <SegmentResponse>\n'
    + el('ID', c.sequence, p) + el('ProductionRequestID', c.orderId, p) + el('ActualStartTime', c.startedAt, p) + el('ActualEndTime', c.endedAt, p)
    + `${p}<MaterialProducedActual>\n${el('MaterialDefinitionID', c.product, `${p}  `)}`
    + quantity(c.good, c.unit, 'Good', `${p}  `) + quantity(c.scrap, c.unit, 'Scrap', `${p}  `) + quantity(c.quantity, c.unit, 'Ordered', `${p}  `)
    + `${p}</MaterialProducedActual>\n`
    + segmentData(c.oee, p)
    + '    </SegmentResponse>\n  </ProductionResponse>\n</ProductionPerformance>\n';
}

function num(v: unknown): number | null {
  const t = textOf(v);
  return t === undefined ? null : Number(t);
}

/** Read a ProductionPerformance written by writePerformance() back into its confirmation. */
export function parsePerformance(xml: string): Confirmation | string {
  const doc = parse(xml);
  if (typeof doc === 'string') return doc;
  const perf = child(doc, 'ProductionPerformance');
  const resp = nodes(perf?.ProductionResponse)[0];
  const seg = nodes(resp?.SegmentResponse)[0];
  const mat = nodes(seg?.MaterialProducedActual)[0];
  if (!perf || !resp || !seg || !mat) return 'it is not a B2MML ProductionPerformance with a SegmentResponse and its MaterialProducedActual';
  const qty = (key: string) => num(nodes(mat.Quantity).find((q) => textOf(q.Key) === key)?.QuantityString) ?? 0;
  const data = nodes(seg.SegmentData);
  const oee = data.length > 0 ? Object.fromEntries(OEE_KEYS.map((k) => [k, num(child(data.find((d) => textOf(d.ID) === k), 'Value')?.ValueString)])) as unknown as OeeFigures : undefined;
  const startedAt = textOf(resp.StartTime);
  const status = STATUS_OF[textOf(resp.ResponseState) ?? ''] ?? 'running';
  return {
    key: textOf(perf.ID) ?? '', orderId: textOf(resp.ProductionRequestID) ?? '', sequence: Number(textOf(seg.ID)), final: status === 'completed' || status === 'cancelled',
    status, line: textOf(child(resp, 'HierarchyScope')?.EquipmentID) ?? '',
    product: textOf(mat.MaterialDefinitionID) ?? '', unit: textOf(nodes(mat.Quantity)[0]?.UnitOfMeasure) ?? '',
    quantity: qty('Ordered'), good: qty('Good'), scrap: qty('Scrap'),
    ...(startedAt ? { startedAt } : {}), endedAt: textOf(resp.EndTime) ?? '', createdAt: textOf(perf.PublishedDate) ?? '',
    ...(oee ? { oee } : {}),
  };
}
