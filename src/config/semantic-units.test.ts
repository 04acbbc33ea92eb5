import { describe, expect, it } from 'vitest';
import { sinkDefinitions } from '../sinks/index.js';
import { sourceDefinitions } from '../sources/index.js';
import { kindSchemasOf } from './kinds.js';
import { loadConfigText } from './load.js';
import { unitConversion } from './units.js';

const KINDS = kindSchemasOf(sourceDefinitions, sinkDefinitions);

function plant(units: string[]): string {
  return `site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones:
  - { id: ops, level: 3 }
  - { id: cell, level: 1 }
conduits:
  - { from: cell, to: ops, allow: [telemetry] }
sources:
  - id: plc
    kind: modbus
    zone: cell
    config: { host: 127.0.0.1 }
    tags:
${units.map((u, i) => `      - { id: t${i}, area: holding, address: ${i}, unit: '${u}' }`).join('\n')}
templates:
  - id: Meter
    attributes:
      - { name: energy, type: number, unit: kWhh }
`;
}

describe('units in causeway check', () => {
  it('reports a misspelled unit at its line, with the unit it was likely meant to be', () => {
    const { problems } = loadConfigText(plant(['barr', 'degC', 'KWh']), 'plant.yaml', { kinds: KINDS, env: {} });
    const units = problems.filter((p) => p.code === 'CW_CONFIG_UNKNOWN_UNIT').map((p) => [p.line, p.path, p.message]);
    expect(units).toEqual([
      [13, 'sources[0].tags[0].unit', '"barr" is not a unit the hub knows — did you mean "bar"?'],
      [15, 'sources[0].tags[2].unit', '"KWh" is not a unit the hub knows — did you mean "kWh"?'],
      [19, 'templates[0].attributes[0].unit', '"kWhh" is not a unit the hub knows — did you mean "kWh"?'],
    ]);
    expect(problems.find((p) => p.code === 'CW_CONFIG_UNKNOWN_UNIT')?.hint).toContain('site.units');
  });

  it('accepts library units, plant count units (also per time) and torque as plants write it', () => {
    const ok = ['degC', 'degF', 'bar', 'l/min', 'm3/h', 'kWh', 'A', '%', 'ppm', 'bpm', 'bottles', 'bottles/min', 'pcs/h', 'Nm3/h', 'Ncm', 'state'];
    const { problems } = loadConfigText(plant(ok).replace('unit: kWhh', 'unit: kWh'), 'plant.yaml', { kinds: KINDS, env: {} });
    expect(problems).toEqual([]);
  });

  it('accepts a plant unit listed under site.units, as written and per time', () => {
    const text = plant(['trays', 'trays/min', 'kegs']).replace('unit: kWhh', 'unit: kWh');
    expect(loadConfigText(text, 'plant.yaml', { kinds: KINDS, env: {} }).problems.map((p) => p.message)).toEqual([
      '"trays" is not a unit the hub knows.',
      '"trays/min" is not a unit the hub knows.',
      '"kegs" is not a unit the hub knows.',
    ]);
    expect(loadConfigText(plant(['trays', 'trays/min']).replace('unit: kWhh', 'unit: kWh').replace('hubZone: ops', 'hubZone: ops, units: [trays]'), 'plant.yaml', { kinds: KINDS, env: {} }).problems).toEqual([]);
  });

  it('converts torque written Nm and Ncm', () => {
    expect(unitConversion('Nm', 'Ncm')).toEqual({ kind: 'linear', from: 'Nm', to: 'Ncm', factor: 100, offset: 0 });
  });
});
