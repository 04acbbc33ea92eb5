import { describe, expect, it } from 'vitest';
import { nodeIdentity } from './node-properties.js';
import type { WireMetric } from './payload.js';

const text = (name: string, value: string): WireMetric => ({ name, isNull: false, value: { kind: 'string', value } });

describe('Sparkplug node properties', () => {
  it('reads the identity from Properties/ metrics of an NBIRTH', () => {
    const info = nodeIdentity({ metrics: [
      { name: 'bdSeq', isNull: false, value: { kind: 'long', value: 0n } },
      text('Properties/Hardware Make', 'WAGO'), text('Properties/Hardware Model', 'PFC200'), text('Properties/OS', 'Linux'),
      text('Properties/OS Version', '5.10'), text('Node Info/Firmware Version', 'FW22'), text('Properties/Serial_Number', 'S1'),
      text('Compressor/State', 'running'),
    ] });
    expect(info).toEqual({ manufacturer: 'WAGO', modelName: 'PFC200', product: 'PFC200', os: 'Linux', osVersion: '5.10', softwareVersion: 'FW22', serialNumber: 'S1' });
  });

  it('is empty for a birth without properties', () => {
    expect(nodeIdentity({ metrics: [{ name: 'Properties/Hardware Make', isNull: true, value: { kind: 'none' } }] })).toEqual({});
  });
});
