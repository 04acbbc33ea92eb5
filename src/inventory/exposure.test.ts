import { describe, expect, it } from 'vitest';
import type { ConduitRule } from '../core/zones.js';
import { exposureOf, riskOf } from './exposure.js';

// A Purdue picture: enterprise (5) and business (4) are IT; DMZ (3), supervisory (2), cell (1).
const zones = [
  { id: 'enterprise', level: 5 }, { id: 'business', level: 4 }, { id: 'dmz', level: 3 },
  { id: 'supervisory', level: 2 }, { id: 'cell', level: 1 }, { id: 'island', level: 1 },
];
const conduits: ConduitRule[] = [
  { from: 'cell', to: 'supervisory', allow: ['telemetry'] },
  { from: 'supervisory', to: 'dmz', allow: ['telemetry'] },
  { from: 'dmz', to: 'business', allow: ['telemetry'] },
  { from: 'business', to: 'dmz', allow: ['orders'] },
  { from: 'dmz', to: 'supervisory', allow: ['commands'] },
];

describe('exposure through zones and conduits', () => {
  it('finds the command path from IT down to the zone, hop by hop', () => {
    const e = exposureOf({ zone: 'supervisory' }, zones, conduits);
    expect(e.commandPath).toEqual(['business', 'dmz', 'supervisory']);
    expect(e.reasons[0]).toBe('Commands can reach zone supervisory from IT along business → dmz → supervisory.');
  });

  it('a zone connected for data only has an IT path but no command path', () => {
    const e = exposureOf({ zone: 'cell' }, zones, conduits);
    expect(e.commandPath).toEqual([]);
    expect(e.itPath).toEqual(['business', 'dmz', 'supervisory', 'cell']);
    expect(e.reasons[0]).toMatch(/connected to IT through conduits .* for data only/);
  });

  it('an isolated zone, an IT zone and no zone are told apart', () => {
    expect(exposureOf({ zone: 'island' }, zones, conduits).reasons[0]).toBe('Zone island has no conduit path to an IT zone.');
    expect(exposureOf({ zone: 'business' }, zones, conduits).inIt).toBe(true);
    expect(exposureOf({}, zones, conduits).reasons[0]).toMatch(/has no zone/);
  });

  it('names the unencrypted link, anonymous login and criticality', () => {
    const e = exposureOf({ zone: 'island', linkEncrypted: false, anonymousAllowed: true, criticality: 'critical' }, zones, conduits);
    expect([e.unencrypted, e.anonymous, e.critical]).toEqual([true, true, true]);
    expect(e.reasons).toHaveLength(4);
    expect(exposureOf({ zone: 'island', linkEncrypted: true, criticality: 'medium' }, zones, conduits).reasons).toHaveLength(1);
  });
});

describe('risk in context', () => {
  it('adds the exposure to the CVSS base score, with a reason per step', () => {
    const e = exposureOf({ zone: 'supervisory', linkEncrypted: false, criticality: 'high' }, zones, conduits);
    // 7.5 + 1.5 (commands from IT) + 0.5 (unencrypted) + 1 (critical) = 10.5 → capped at 10
    const r = riskOf(7.5, 'affected', e, true);
    expect(r).toMatchObject({ score: 10, priority: 'P1' });
    expect(r.reasons).toEqual(['CVSS base score 7.5.', '+1.5: commands can reach it from IT.', '+0.5: its link is not encrypted.', '+1: it is a critical asset.']);
  });

  it('an isolated, possibly affected asset ranks lower than its CVSS says', () => {
    // 9.8 − 2 (isolated) − 1 (possibly affected) = 6.8 → P3
    const r = riskOf(9.8, 'possibly-affected', exposureOf({ zone: 'island' }, zones, conduits), true);
    expect(r).toMatchObject({ score: 6.8, priority: 'P3' });
  });

  it('assumes 5 without a score and says so', () => {
    const r = riskOf(undefined, 'affected', exposureOf({ zone: 'cell' }, zones, conduits), true);
    expect(r).toMatchObject({ score: 5.5, priority: 'P3' });
    expect(r.reasons[0]).toMatch(/no CVSS score; 5 is assumed/);
  });

  it('never goes below zero', () => {
    expect(riskOf(0.5, 'possibly-affected', exposureOf({ zone: 'island' }, zones, conduits), true)).toMatchObject({ score: 0, priority: 'P4' });
  });
});
