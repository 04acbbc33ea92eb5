/**
 * The address space of the simulated OPC UA server (fillers and cappers of both lines), as one
 * pure list: the server builds its nodes from it and the demo config's opcua tags name its node
 * ids, so the two cannot drift apart.
 *
 *   Objects/AcmeBeverages/Springfield/Packaging/Line<N>/<Filler|Capper>/<Variable>
 *   node id ns=1;s=AcmeBeverages.Springfield.Packaging.Line<N>.<Machine>.<Variable>
 */
import type { DemoMachine } from '../sources/simulator/index.js';
import type { DemoTag } from '../sources/simulator/demo-tags.js';
import { attributeOf, DEMO_LINES, DEVICE_MACHINES, FILLER_SPEED_RANGE, isInternalTag, lineMachineTags, machinePrefix } from './plant.js';

export type OpcuaPointType = 'Boolean' | 'UInt16' | 'UInt32' | 'Double';

/** One variable of the server. */
export interface OpcuaPoint {
  tagId: string;
  line: number;
  machine: DemoMachine;
  attribute: string;
  /** Browse names from Objects down to the variable. */
  browsePath: string[];
  nodeId: string;
  dataType: OpcuaPointType;
  unit?: string;
  description?: string;
  /** Doubles are AnalogItems with this EURange. */
  range?: { low: number; high: number };
  /** Clients may write it (the filler's speed setpoint). */
  writable: boolean;
}

/** The folders above the machines: enterprise, site, area. */
export const OPCUA_ROOT_PATH = ['AcmeBeverages', 'Springfield', 'Packaging'] as const;
/** The server's own namespace: the first after OPC UA's. */
export const OPCUA_NAMESPACE_INDEX = 1;

/** `good_count` → `GoodCount`. */
export function pascalCase(name: string): string {
  return name.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** EURange of an analog variable: its signal's bounds, or the filler's speed range. */
function rangeOf(tag: DemoTag, attribute: string): { low: number; high: number } {
  if (attribute === 'speed' || attribute === 'speed_setpoint') return { ...FILLER_SPEED_RANGE };
  const s = tag.signal;
  if (s.kind === 'random-walk') return { low: s.min, high: s.max };
  return { low: 0, high: 1000 };
}

/** The OPC UA data type of a tag, from what its signal produces. */
function typeOf(tag: DemoTag): OpcuaPointType {
  const s = tag.signal;
  if (s.kind === 'state-is') return 'Boolean';
  if (s.kind === 'machine-state' || s.kind === 'reason') return 'UInt16';
  if (s.kind === 'counter') return (s.rolloverAt ?? 2 ** 32) <= 65536 ? 'UInt16' : 'UInt32';
  return 'Double';
}

function machinePoints(line: number, machine: DemoMachine): OpcuaPoint[] {
  const prefix = machinePrefix(line, machine);
  return lineMachineTags(line, machine)
    .filter((tag) => !isInternalTag(tag.id))
    .map((tag) => {
      const attribute = attributeOf(tag.id, prefix);
      const browsePath = [...OPCUA_ROOT_PATH, `Line${line}`, pascalCase(machine), pascalCase(attribute)];
      const dataType = typeOf(tag);
      return {
        tagId: tag.id, line, machine, attribute, browsePath,
        nodeId: `ns=${OPCUA_NAMESPACE_INDEX};s=${browsePath.join('.')}`,
        dataType,
        ...(tag.unit && tag.unit !== 'state' ? { unit: tag.unit } : {}),
        ...(tag.description ? { description: tag.description } : {}),
        ...(dataType === 'Double' ? { range: rangeOf(tag, attribute) } : {}),
        writable: tag.signal.kind === 'setpoint',
      };
    });
}

/** Every variable of the demo's OPC UA server. */
export function demoOpcuaPoints(): OpcuaPoint[] {
  return DEMO_LINES.flatMap((line) => DEVICE_MACHINES.opcua.flatMap((machine) => machinePoints(line, machine)));
}
