import { describe, expect, it } from 'vitest';
import { findConduit, flowAllowed, type ConduitRule } from './zones.js';

const conduits: ConduitRule[] = [
  { from: 'ot', to: 'dmz', allow: ['telemetry'] },
  { from: 'dmz', to: 'ot', allow: ['commands'], require: { approval: true } },
];

describe('zones and conduits', () => {
  it.each([
    ['ot', 'dmz', 'telemetry', true],
    ['ot', 'dmz', 'commands', false],
    ['dmz', 'ot', 'telemetry', false],
    ['dmz', 'ot', 'commands', true],
    ['ot', 'it', 'telemetry', false],
    ['it', 'it', 'commands', true],
  ] as const)('%s -> %s %s allowed=%s', (from, to, flow, allowed) => {
    expect(flowAllowed(conduits, from, to, flow)).toBe(allowed);
  });

  it('returns the conduit with its requirements', () => {
    expect(findConduit(conduits, 'dmz', 'ot', 'commands')?.require).toEqual({ approval: true });
  });
});
