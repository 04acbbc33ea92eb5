/**
 * The register map of the simulated packaging PLC (labelers and palletizers of both lines). ONE
 * pure function produces it; the Modbus device serves it and the demo config's modbus tags read
 * it, so the two cannot drift apart.
 *
 * Each machine has a block: line N's labeler starts at (N-1)*100, its palletizer at (N-1)*100 + 50,
 * in holding registers (states, reasons, counters: uint16), input registers (measurements:
 * float32, big-endian ABCD) and coils (running bits: line N's labeler at (N-1)*10, its palletizer at (N-1)*10 + 5).
 */
import type { DemoMachine } from '../sources/simulator/index.js';
import type { DemoTag } from '../sources/simulator/demo-tags.js';
import { attributeOf, DEMO_LINES, DEVICE_MACHINES, lineMachineTags, machinePrefix } from './plant.js';

export type ModbusArea = 'coil' | 'holding' | 'input';
export type ModbusPointType = 'bool' | 'uint16' | 'float32';

/** One value of the PLC: where it lives on the wire and how it is encoded. */
export interface ModbusPoint {
  tagId: string;
  line: number;
  machine: DemoMachine;
  attribute: string;
  area: ModbusArea;
  /** Zero-based wire address (holding 0 is 40001). */
  address: number;
  dataType: ModbusPointType;
  unit?: string;
}

const REGISTERS_PER_LINE = 100;
const REGISTERS_PER_MACHINE = 50;
const COILS_PER_LINE = 10;
const COILS_PER_MACHINE = 5;

/** Area and type of a tag, from what its signal produces. */
function placeOf(tag: DemoTag): { area: ModbusArea; dataType: ModbusPointType } {
  switch (tag.signal.kind) {
    case 'state-is':
      return { area: 'coil', dataType: 'bool' };
    case 'machine-state':
    case 'reason':
    case 'counter':
      return { area: 'holding', dataType: 'uint16' };
    default:
      return { area: 'input', dataType: 'float32' };
  }
}

const WIDTH: Record<ModbusPointType, number> = { bool: 1, uint16: 1, float32: 2 };

/** The points of one machine, addresses counted up from its block in each area. */
function machinePoints(line: number, machine: DemoMachine, slot: number): ModbusPoint[] {
  const prefix = machinePrefix(line, machine);
  const base = { holding: (line - 1) * REGISTERS_PER_LINE + slot * REGISTERS_PER_MACHINE, input: (line - 1) * REGISTERS_PER_LINE + slot * REGISTERS_PER_MACHINE, coil: (line - 1) * COILS_PER_LINE + slot * COILS_PER_MACHINE };
  const next = { ...base };
  return lineMachineTags(line, machine).map((tag) => {
    const { area, dataType } = placeOf(tag);
    const address = next[area];
    next[area] += WIDTH[dataType];
    return { tagId: tag.id, line, machine, attribute: attributeOf(tag.id, prefix), area, address, dataType, ...(tag.unit && tag.unit !== 'state' ? { unit: tag.unit } : {}) };
  });
}

/** The whole register map of the demo's Modbus PLC. */
export function demoModbusMap(): ModbusPoint[] {
  return DEMO_LINES.flatMap((line) => DEVICE_MACHINES.modbus.flatMap((machine, slot) => machinePoints(line, machine, slot)));
}
