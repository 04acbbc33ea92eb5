import { describe, expect, it } from 'vitest';
import { sinkDefinitions } from '../sinks/index.js';
import { sourceDefinitions } from '../sources/index.js';
import { kindSchemasOf } from './kinds.js';
import { loadConfigText } from './load.js';

const KINDS = kindSchemasOf(sourceDefinitions, sinkDefinitions);

function plant(templates: string): string {
  return `site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: ops, level: 3 }]
templates:
${templates}
assets:
  - { path: acme/line1, template: Line }
`;
}

function problemsOf(templates: string) {
  return loadConfigText(plant(templates), 'plant.yaml', { kinds: KINDS, env: {} }).problems.map((p) => `${p.path} ${p.code}: ${p.message}`);
}

const LINE = `  - id: Line
    children: [{ name: filler, template: Filler }]
    attributes:
      - { name: state, type: state, states: { "1": running, "2": stopped } }`;

describe('alarm definitions in causeway check', () => {
  it('accepts every kind of alarm, on attributes and on templates', () => {
    expect(problemsOf(`  - id: Machine
    attributes:
      - { name: state, type: state, states: { "1": running, "3": faulted } }
      - { name: speed_sp, type: number }
  - id: Filler
    extends: Machine
    attributes:
      - name: speed
        type: number
        unit: bottles/min
        alarms:
          hi: 900
          hihi: { setpoint: 950, priority: urgent, correctiveAction: Stop the infeed. }
          lo: { setpoint: 100, suppressedWhen: "state != 1 || attr('../state') == 2" }
          deadband: 5
          onDelay: 2s
          priority: 3
          message: "{path} at {value} {unit} (limit {setpoint})"
          rules:
            - { name: off-setpoint, type: deviation, from: speed_sp, limit: 50, direction: below }
            - { name: sensor, type: quality, quality: stale, priority: low }
    alarms:
      - attribute: state
        rules: [{ name: faulted, type: discrete, equals: faulted, latching: true, timeToRespond: 5m }]
${LINE}`)).toEqual([]);
  });

  it('reports limits out of order, limits on a non-number, and a deadband as wide as the normal band', () => {
    expect(problemsOf(`  - id: Filler
    attributes:
      - { name: level, type: number, alarms: { lolo: 10, lo: 20, hi: 15, hihi: 90 } }
      - { name: band, type: number, alarms: { lo: 10, hi: 20, deadband: 10 } }
      - { name: jammed, type: boolean, alarms: { hi: 1 } }
${LINE}`)).toEqual([
      'templates[0].attributes[0].alarms.lo CW_CONFIG_CONFLICT: Alarm limit lo (20) is above hi (15); limits rise from lolo to lo, hi and hihi.',
      'templates[0].attributes[1].alarms.deadband CW_CONFIG_CONFLICT: The deadband 10 is as wide as the normal band (10 to 20): a high alarm would clear only below the low limit.',
      'templates[0].attributes[2].alarms.hi CW_CONFIG_CONFLICT: Limit alarms need a number or counter attribute; jammed is a boolean.',
    ]);
  });

  it('reports a negative deadband through the schema', () => {
    const got = problemsOf(`  - id: Filler
    attributes:
      - { name: level, type: number, alarms: { hi: 10, deadband: -1 } }
${LINE}`);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^templates\[0\]\.attributes\[0\]\.alarms\.deadband CW_CONFIG_SCHEMA/);
  });

  it('reports rules without the keys of their type, unknown states, duplicate names and unknown attributes', () => {
    expect(problemsOf(`  - id: Filler
    attributes:
      - { name: speed_sp, type: number }
      - name: speed
        type: number
        alarms:
          hi: 10
          rules:
            - { name: dev, type: deviation, from: speed_setpoint, limit: 5 }
            - { name: dev2, type: deviation, limit: 5, equals: 3 }
            - { name: hi, type: quality }
            - { name: ramp, type: discrete }
      - name: state
        type: state
        states: { "1": running, "3": faulted }
        alarms: { rules: [{ name: f, type: discrete, equals: faulty }] }
    alarms:
      - { attribute: sped, hi: 3 }
${LINE}`)).toEqual([
      'templates[0].attributes[1].alarms.rules[0].from CW_CONFIG_UNKNOWN_REF: The alarm of speed reads "speed_setpoint", but template Filler has no such attribute.',
      'templates[0].attributes[1].alarms.rules[1] CW_CONFIG_SCHEMA: A deviation alarm needs from:.',
      'templates[0].attributes[1].alarms.rules[1].equals CW_CONFIG_CONFLICT: A deviation alarm has no equals:.',
      'templates[0].attributes[1].alarms.rules[2].name CW_CONFIG_DUPLICATE_ID: Attribute speed already has an alarm named hi.',
      'templates[0].attributes[1].alarms.rules[3] CW_CONFIG_SCHEMA: A discrete alarm needs one of equals: or notEquals:.',
      'templates[0].attributes[2].alarms.rules[0].equals CW_CONFIG_UNKNOWN_REF: state has no state "faulty".',
      'templates[0].alarms[0].attribute CW_CONFIG_UNKNOWN_REF: Template Filler has no attribute sped to alarm on.',
    ]);
  });

  it('reports suppressedWhen that does not parse, uses history, or reads what an instance does not have', () => {
    const got = problemsOf(`  - id: Filler
    attributes:
      - name: level
        type: number
        alarms:
          lo: 10
          suppressedWhen: "state =="
          rules: [{ name: q, type: quality, suppressedWhen: "since_change(level) > 5" }]
      - { name: temp, type: number, alarms: { hi: 10, suppressedWhen: "attr('../conveyor/state') != 1" } }
${LINE}`);
    expect(got).toEqual([
      expect.stringMatching(/^templates\[0\]\.attributes\[0\]\.alarms\.suppressedWhen CW_EXPR_SYNTAX/),
      expect.stringMatching(/^templates\[0\]\.attributes\[0\]\.alarms\.rules\[0\]\.suppressedWhen CW_CONFIG_SCHEMA: suppressedWhen cannot use since_change\(\) yet/),
      'templates[0].attributes[1].alarms.suppressedWhen CW_CONFIG_UNKNOWN_REF: The alarm of temp reads "../conveyor/state", which in asset acme/line1/filler is acme/line1/conveyor/state, not an attribute.',
    ]);
  });
  it('accepts rate-of-change and condition alarms', () => {
    expect(problemsOf(`  - id: Filler
    attributes:
      - { name: state, type: state, states: { "1": running, "2": stopped } }
      - { name: current, type: number }
      - name: level
        type: number
        alarms:
          rules:
            - { name: ramp, type: rate-of-change, limit: 5, per: 1m, direction: rising, window: 30s, deadband: 1, onDelay: 5s }
            - { name: drain, type: rate-of-change, limit: 0.2 }
            - { name: overload, type: condition, when: "current > 40 && state == 1", onDelay: 10s, offDelay: 2s, priority: high }
            - { name: line-down, type: condition, when: "attr('../state') == 2" }
${LINE}`)).toEqual([]);
  });

  it('reports rate-of-change and condition alarms with wrong keys, directions, expressions or attributes', () => {
    const got = problemsOf(`  - id: Filler
    attributes:
      - { name: state, type: state, states: { "1": running, "2": stopped } }
      - name: level
        type: number
        alarms:
          rules:
            - { name: r1, type: rate-of-change, per: 1m }
            - { name: r2, type: rate-of-change, limit: 2, direction: above, from: state, when: "state == 1" }
            - { name: r3, type: rate-of-change, limit: 2, deadband: 2, per: 0s, window: 2h }
            - { name: c1, type: condition }
            - { name: c2, type: condition, when: "levle > 3 &&", limit: 3 }
            - { name: c3, type: condition, when: "levle > 3" }
            - { name: c4, type: condition, when: "rate(level) > 3" }
            - { name: c5, type: condition, when: "attr('../conveyor/state') == 1" }
      - { name: jammed, type: boolean, alarms: { rules: [{ name: r, type: rate-of-change, limit: 1 }] } }
${LINE}`);
    expect(got).toEqual([
      'templates[0].attributes[1].alarms.rules[0] CW_CONFIG_SCHEMA: A rate-of-change alarm needs limit:.',
      "templates[0].attributes[1].alarms.rules[1].direction CW_CONFIG_CONFLICT: A rate-of-change alarm's direction is both, rising, falling, not above.",
      'templates[0].attributes[1].alarms.rules[1].from CW_CONFIG_CONFLICT: A rate-of-change alarm has no from:.',
      'templates[0].attributes[1].alarms.rules[1].when CW_CONFIG_CONFLICT: A rate-of-change alarm has no when:.',
      'templates[0].attributes[1].alarms.rules[2].deadband CW_CONFIG_CONFLICT: The deadband 2 is not below the rate limit 2: the alarm would clear only once the value stands still or turns back.',
      'templates[0].attributes[1].alarms.rules[2].per CW_CONFIG_SCHEMA: per: "0s" is no time: the limit is a change per this long.',
      'templates[0].attributes[1].alarms.rules[2].window CW_CONFIG_CONFLICT: The window "2h" is longer than an hour; the samples of a window are kept in memory.',
      'templates[0].attributes[1].alarms.rules[3] CW_CONFIG_SCHEMA: A condition alarm needs when:.',
      'templates[0].attributes[1].alarms.rules[4].when CW_EXPR_SYNTAX: The expression is not valid at column 13: the expression ends where a value is expected.',
      'templates[0].attributes[1].alarms.rules[4].limit CW_CONFIG_CONFLICT: A condition alarm has no limit:.',
      'templates[0].attributes[1].alarms.rules[5].when CW_CONFIG_UNKNOWN_REF: The alarm of level reads "levle", but template Filler has no such attribute.',
      'templates[0].attributes[1].alarms.rules[6].when CW_CONFIG_SCHEMA: A condition alarm cannot use rate() yet; it reads current values only.',
      'templates[0].attributes[1].alarms.rules[7].when CW_CONFIG_UNKNOWN_REF: The alarm of level reads "../conveyor/state", which in asset acme/line1/filler is acme/line1/conveyor/state, not an attribute.',
      'templates[0].attributes[2].alarms.rules[0].type CW_CONFIG_CONFLICT: A rate-of-change alarm needs a number or counter attribute; jammed is a boolean.',
    ]);
  });
});
