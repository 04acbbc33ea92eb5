/**
 * The metrics of the simulated compressor's Sparkplug B edge node, as one pure list: the edge node
 * births and publishes them, and the demo config's sparkplug tags rename them by the same names.
 */
import type { DatatypeName } from '../sources/sparkplug/metrics.js';
import type { DemoTag } from '../sources/simulator/demo-tags.js';
import { attributeOf, compressorTags } from './plant.js';

export const SPARKPLUG_GROUP = 'Springfield';
export const SPARKPLUG_NODE = 'Utilities-Edge';
/** The hub's Sparkplug host id: the edge node waits for its STATE before its births. */
export const SPARKPLUG_HOST_ID = 'causeway-demo';

/** One node metric. */
export interface SparkplugPoint {
  tagId: string;
  attribute: string;
  /** The Sparkplug metric name, e.g. `Compressor/Discharge Pressure`. */
  name: string;
  datatype: DatatypeName;
  alias: number;
  unit?: string;
  description?: string;
}

/** `discharge_pressure` → `Discharge Pressure`. */
function titleCase(attribute: string): string {
  return attribute.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

function datatypeOf(tag: DemoTag): DatatypeName {
  const s = tag.signal;
  if (s.kind === 'state-is') return 'Boolean';
  if (s.kind === 'machine-state' || s.kind === 'reason') return 'UInt16';
  return 'Double';
}

/** Every metric of the compressor's edge node, aliases from 1. */
export function demoSparkplugPoints(): SparkplugPoint[] {
  return compressorTags().map((tag, i) => {
    const attribute = attributeOf(tag.id, 'compressor');
    return {
      tagId: tag.id,
      attribute,
      name: `Compressor/${titleCase(attribute)}`,
      datatype: datatypeOf(tag),
      alias: i + 1,
      ...(tag.unit && tag.unit !== 'state' ? { unit: tag.unit } : {}),
      ...(tag.description ? { description: tag.description } : {}),
    };
  });
}

/** How the hub's sparkplug source names a node metric in a tag: `group/node/metric name`. */
export function sparkplugMetricRef(name: string): string {
  return `${SPARKPLUG_GROUP}/${SPARKPLUG_NODE}/${name}`;
}
