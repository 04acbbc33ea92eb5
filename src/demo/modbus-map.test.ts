import { describe, expect, it } from 'vitest';
import { demoModbusMap, type ModbusPoint } from './modbus-map.js';
import { deviceTags } from './plant.js';

const WIDTH = { bool: 1, uint16: 1, float32: 2 } as const;
const pick = (p: ModbusPoint) => [p.tagId, p.area, p.address, p.dataType];

describe('demoModbusMap', () => {
  const map = demoModbusMap();

  it('places line 1 labeler and palletizer in their blocks', () => {
    expect(map.filter((p) => p.line === 1).map(pick)).toEqual([
      ['line1_labeler_state', 'holding', 0, 'uint16'],
      ['line1_labeler_running', 'coil', 0, 'bool'],
      ['line1_labeler_down_reason', 'holding', 1, 'uint16'],
      ['line1_labeler_count', 'holding', 2, 'uint16'],
      ['line1_labeler_glue_temp', 'input', 0, 'float32'],
      ['line1_palletizer_state', 'holding', 50, 'uint16'],
      ['line1_palletizer_running', 'coil', 5, 'bool'],
      ['line1_palletizer_down_reason', 'holding', 51, 'uint16'],
      ['line1_palletizer_pallets', 'holding', 52, 'uint16'],
      ['line1_palletizer_layers', 'holding', 53, 'uint16'],
    ]);
  });

  it('puts line 2 a hundred registers and ten coils further', () => {
    const line1 = map.filter((p) => p.line === 1);
    const line2 = map.filter((p) => p.line === 2);
    expect(line2.map((p) => [p.attribute, p.machine, p.area, p.address - (p.area === 'coil' ? 10 : 100)])).toEqual(line1.map((p) => [p.attribute, p.machine, p.area, p.address]));
  });

  it('serves every tag the Modbus device simulates, once', () => {
    expect(map.map((p) => p.tagId).sort()).toEqual(deviceTags('modbus').map((t) => t.id).sort());
  });

  it('never lets two values share a register or coil', () => {
    const used = new Map<string, string>();
    for (const p of map) {
      for (let i = 0; i < WIDTH[p.dataType]; i++) {
        const key = `${p.area}:${p.address + i}`;
        expect(used.get(key), `${p.tagId} overlaps ${used.get(key)} at ${key}`).toBeUndefined();
        used.set(key, p.tagId);
      }
    }
  });

  it('keeps each counter inside its 16-bit register', () => {
    for (const t of deviceTags('modbus').filter((t) => t.signal.kind === 'counter')) {
      expect((t.signal as { rolloverAt?: number }).rolloverAt).toBeLessThanOrEqual(65536);
    }
  });
});
