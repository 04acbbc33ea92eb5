import { describe, expect, it } from 'vitest';
import { demoOpcuaPoints } from './opcua-model.js';
import { deviceTags, FILLER_SPEED_RANGE, isInternalTag } from './plant.js';
import { demoSparkplugPoints, sparkplugMetricRef } from './sparkplug-model.js';

describe('the OPC UA server model', () => {
  const points = demoOpcuaPoints();

  it('names nodes by their place in the plant', () => {
    const speed = points.find((p) => p.tagId === 'line2_filler_speed');
    expect(speed).toMatchObject({
      browsePath: ['AcmeBeverages', 'Springfield', 'Packaging', 'Line2', 'Filler', 'Speed'],
      nodeId: 'ns=1;s=AcmeBeverages.Springfield.Packaging.Line2.Filler.Speed',
      dataType: 'Double', unit: 'bottles/min', range: FILLER_SPEED_RANGE, writable: false,
    });
  });

  it('types each variable by what it holds', () => {
    const types = Object.fromEntries(points.filter((p) => p.line === 1 && p.machine === 'filler').map((p) => [p.attribute, p.dataType]));
    expect(types).toEqual({
      state: 'UInt16', running: 'Boolean', down_reason: 'UInt16', good_count: 'UInt16', reject_count: 'UInt16',
      fill_level: 'Double', product_temp: 'Double', speed_setpoint: 'Double', speed: 'Double',
    });
  });

  it('has one writable setpoint per filler, and unique node ids', () => {
    expect(points.filter((p) => p.writable).map((p) => p.tagId)).toEqual(['line1_filler_speed_setpoint', 'line2_filler_speed_setpoint']);
    expect(new Set(points.map((p) => p.nodeId)).size).toBe(points.length);
  });

  it('exposes every tag the server simulates except its internal ones', () => {
    expect(points.map((p) => p.tagId)).toEqual(deviceTags('opcua').map((t) => t.id).filter((id) => !isInternalTag(id)));
  });
});

describe('the Sparkplug edge node model', () => {
  it('gives each compressor metric a name, a datatype and an alias from 1', () => {
    const points = demoSparkplugPoints();
    expect(points.map((p) => [p.name, p.datatype, p.alias])).toEqual([
      ['Compressor/State', 'UInt16', 1],
      ['Compressor/Running', 'Boolean', 2],
      ['Compressor/Down Reason', 'UInt16', 3],
      ['Compressor/Load', 'Double', 4],
      ['Compressor/Discharge Pressure', 'Double', 5],
      ['Compressor/Motor Current', 'Double', 6],
      ['Compressor/Running Hours', 'Double', 7],
      ['Compressor/Outlet Temp', 'Double', 8],
    ]);
    expect(sparkplugMetricRef('Compressor/Load')).toBe('Springfield/Utilities-Edge/Compressor/Load');
  });
});
