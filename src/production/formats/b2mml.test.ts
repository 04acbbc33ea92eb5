import { describe, expect, it } from 'vitest';
import { confirmationOf } from '../confirmation.js';
import { validateOrders, type WorkOrder } from '../orders.js';
import { parsePerformance, parseSchedule, writePerformance } from './b2mml.js';

export const SCHEDULE = `<?xml version="1.0" encoding="UTF-8"?>
<b2mml:ProductionSchedule xmlns:b2mml="http://www.mesa.org/xml/B2MML">
  <b2mml:ID>SCHED-2026-11-24</b2mml:ID>
  <b2mml:ProductionRequest>
    <b2mml:ID>WO-1001</b2mml:ID>
    <b2mml:Description>Cola 0.5 l, Walmart label</b2mml:Description>
    <b2mml:HierarchyScope><b2mml:EquipmentID>line1</b2mml:EquipmentID><b2mml:EquipmentElementLevel>ProductionLine</b2mml:EquipmentElementLevel></b2mml:HierarchyScope>
    <b2mml:EndTime>2026-11-24T22:00:00Z</b2mml:EndTime>
    <b2mml:SegmentRequirement>
      <b2mml:ID>10</b2mml:ID>
      <b2mml:MaterialProducedRequirement>
        <b2mml:MaterialDefinitionID>COLA-500</b2mml:MaterialDefinitionID>
        <b2mml:Quantity><b2mml:QuantityString>12000</b2mml:QuantityString><b2mml:UnitOfMeasure>bottles</b2mml:UnitOfMeasure></b2mml:Quantity>
      </b2mml:MaterialProducedRequirement>
    </b2mml:SegmentRequirement>
  </b2mml:ProductionRequest>
  <b2mml:ProductionRequest>
    <b2mml:ID>WO-1002</b2mml:ID>
    <b2mml:SegmentRequirement>
      <b2mml:HierarchyScope><b2mml:EquipmentID>line2</b2mml:EquipmentID></b2mml:HierarchyScope>
      <b2mml:LatestEndTime>2026-11-25T06:00:00Z</b2mml:LatestEndTime>
      <b2mml:MaterialRequirement>
        <b2mml:MaterialDefinitionID>WATER-1000</b2mml:MaterialDefinitionID>
        <b2mml:MaterialUse>Produced</b2mml:MaterialUse>
        <b2mml:Quantity><b2mml:QuantityString>8000</b2mml:QuantityString><b2mml:UnitOfMeasure>bottles</b2mml:UnitOfMeasure></b2mml:Quantity>
      </b2mml:MaterialRequirement>
    </b2mml:SegmentRequirement>
  </b2mml:ProductionRequest>
  <b2mml:ProductionRequest>
    <b2mml:ID>WO-1003</b2mml:ID>
    <b2mml:HierarchyScope><b2mml:EquipmentID>line1</b2mml:EquipmentID></b2mml:HierarchyScope>
  </b2mml:ProductionRequest>
</b2mml:ProductionSchedule>`;

const CTX = { lines: new Set(['line1', 'line2']), products: new Map([['COLA-500', {}], ['WATER-1000', {}]]) };

describe('B2MML', () => {
  it('reads each ProductionRequest of a schedule as a work order, both material forms', () => {
    const records = parseSchedule(SCHEDULE, 'schedule.xml');
    if (typeof records === 'string') throw new Error(records);
    const { accepted, rejected } = validateOrders(records, CTX);
    expect(accepted).toEqual([
      { ref: 'schedule.xml ProductionRequest 1 (WO-1001)', id: 'WO-1001', description: 'Cola 0.5 l, Walmart label', line: 'line1', due: Date.parse('2026-11-24T22:00:00Z'), product: 'COLA-500', quantity: 12000, unit: 'bottles', status: 'released' },
      { ref: 'schedule.xml ProductionRequest 2 (WO-1002)', id: 'WO-1002', line: 'line2', due: Date.parse('2026-11-25T06:00:00Z'), product: 'WATER-1000', quantity: 8000, unit: 'bottles', status: 'released' },
    ]);
    expect(rejected).toEqual([{ ref: 'schedule.xml ProductionRequest 3 (WO-1003)', id: 'WO-1003', problems: ['product is missing', 'quantity is missing'] }]);
  });

  it('says why a document is not a schedule', () => {
    expect(parseSchedule('<ProductionSchedule><ID>x</ID>', 'bad.xml')).toMatch(/^it is not well-formed XML: .* at line 1$/);
    expect(parseSchedule('<ProductionPerformance/>', 'other.xml')).toBe('its root element is not a B2MML ProductionSchedule (found ProductionPerformance)');
  });

  it('writes a ProductionPerformance that reads back equal', () => {
    const order: WorkOrder = {
      id: 'WO-1001', product: 'COLA-500', quantity: 12000, unit: 'bottles & cans', line: 'line1', status: 'completed', good: 11_874, scrap: 96,
      source: 'folder', receivedAt: 0, updatedAt: 0, startedAt: Date.parse('2026-11-24T06:02:00Z'), completedAt: Date.parse('2026-11-24T11:40:00Z'),
    };
    const c = confirmationOf(order, 2, Date.parse('2026-11-24T11:40:05Z'), { availability: 0.9, performance: 0.953_125, quality: 11_874 / 11_970, oee: null });
    const xml = writePerformance(c);
    expect(xml).toContain('<ResponseState>Completed</ResponseState>');
    expect(xml).toContain('<UnitOfMeasure>bottles &amp; cans</UnitOfMeasure>');
    expect(parsePerformance(xml)).toEqual(c);
    const interim = confirmationOf({ ...order, status: 'running', completedAt: undefined }, 1, Date.parse('2026-11-24T08:00:00Z'));
    expect(parsePerformance(writePerformance(interim))).toEqual(interim);
  });
});
