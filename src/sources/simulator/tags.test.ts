import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { isCausewayError } from '../../core/errors.js';
import { simulatorSource } from './index.js';
import { ownKeys, SIGNAL_KINDS } from './tags.js';
import { rig } from './__fixtures__/test-kit.js';

const state = { id: 'm', signal: { kind: 'machine-state', states: { running: { meanSeconds: 60 }, down: { meanSeconds: 10 } } } };

/** The message of the CW_SOURCE_CONFIG_INVALID that creating the source throws. */
function configError(config: Record<string, unknown>, tags: Record<string, unknown>[]): string {
  try {
    rig(config, tags);
  } catch (e) {
    expect(isCausewayError(e, 'CW_SOURCE_CONFIG_INVALID')).toBe(true);
    return (e as Error).message;
  }
  throw new Error('the source was created');
}

describe('tagSchema', () => {
  const check = (own: unknown) => Value.Check(simulatorSource.tagSchema, own);

  it('accepts every signal kind in a valid form', () => {
    expect(check({ signal: { kind: 'sine', amplitude: 1, periodSeconds: 60, offset: 0, phase: 90, noise: { stddev: 0.1 }, quantize: { step: 0.1 } } })).toBe(true);
    expect(check({ signal: { kind: 'counter', ratePerSecond: 10, rolloverAt: 65536, whileRunning: 'm', resetEvery: 28800 }, badQualityRate: 0.01 })).toBe(true);
    expect(check(ownKeys(state))).toBe(true);
    expect(SIGNAL_KINDS).toEqual(['constant', 'sine', 'random-walk', 'ramp', 'step', 'machine-state', 'reason', 'state-is', 'counter', 'setpoint', 'follow']);
  });

  it.each([
    ['an unknown signal kind', { signal: { kind: 'square', value: 1 } }],
    ['an unknown key in a signal', { signal: { kind: 'constant', value: 1, jitter: 2 } }],
    ['an unknown key on the tag', { signal: { kind: 'constant', value: 1 }, address: 'x' }],
    ['a missing required key', { signal: { kind: 'sine', amplitude: 1, offset: 0 } }],
    ['a bad quality rate above 1', { signal: { kind: 'constant', value: 1 }, badQualityRate: 2 }],
    ['noise on a counter', { signal: { kind: 'counter', ratePerSecond: 1, noise: { stddev: 1 } } }],
  ])('rejects %s', (_what, own) => {
    expect(check(own)).toBe(false);
  });

  it('leaves the common keys to config/', () => {
    expect(ownKeys({ id: 'x', type: 'number', unit: 'bar', scale: 2, deadband: { absolute: 1 }, signal: { kind: 'constant', value: 1 } })).toEqual({
      signal: { kind: 'constant', value: 1 },
    });
  });
});

describe('configSchema', () => {
  it.each([
    [{}, true],
    [{ seed: 42, period: '500ms', startTime: 0, maxCatchUpSteps: 10 }, true],
    [{ period: 250 }, true],
    [{ period: 'fast' }, false],
    [{ seed: 1.5 }, false],
    [{ speed: 2 }, false],
  ])('%j valid: %s', (config, valid) => {
    expect(Value.Check(simulatorSource.configSchema, config)).toBe(valid);
  });
});

describe('create() checks the tags', () => {
  it('names the cycle when tags depend on each other', () => {
    const message = configError({}, [
      { id: 'a', signal: { kind: 'follow', tag: 'b', gain: 1, offset: 0 } },
      { id: 'b', signal: { kind: 'follow', tag: 'c', gain: 1, offset: 0 } },
      { id: 'c', signal: { kind: 'follow', tag: 'a', gain: 1, offset: 0 } },
    ]);
    expect(message).toContain('a -> b -> c -> a');
    expect(message).toContain('cycle');
  });

  it('rejects a tag that follows itself', () => {
    expect(configError({}, [{ id: 'x', signal: { kind: 'follow', tag: 'x', gain: 1, offset: 0 } }])).toContain('x -> x');
  });

  it.each([
    [[{ id: 'r', signal: { kind: 'reason', tag: 'ghost' } }], 'tag r: signal.tag refers to "ghost", which is not a tag of this source'],
    [[state, { id: 'w', signal: { kind: 'sine', amplitude: 1, periodSeconds: 1, offset: 0 } }, { id: 'c', signal: { kind: 'counter', ratePerSecond: 1, whileRunning: 'w' } }], 'must name a machine-state tag, but "w" is a sine tag'],
    [[{ id: 't', signal: { kind: 'constant', value: 'x' } }, { id: 'f', signal: { kind: 'follow', tag: 't', gain: 1, offset: 0 } }], 'whose value is text'],
    [[{ id: 'w', signal: { kind: 'random-walk', start: 1, step: 1, min: 5, max: 0 } }], 'signal.min (5) is above signal.max (0)'],
    [[{ id: 'q', signal: { kind: 'square' } }], 'tag q: signal.kind "square" is not a simulator signal; use one of: constant, sine'],
    [[{ id: 'q', signal: { kind: 'sine', amplitude: 1, periodSeconds: 1, offset: 0, phaze: 3 } }], 'tag q: signal has unknown key "phaze"'],
    [[{ id: 'q', signal: { kind: 'sine', amplitude: 'big', periodSeconds: 1, offset: 0 } }], 'tag q: signal.amplitude must be number'],
    [[{ id: 'q', unit: 'bar' }], 'tag q: signal is missing'],
    [[{ id: 'q', signal: { kind: 'constant', value: 1 }, badQualityRate: -1 }], 'tag q: badQualityRate must be'],
    [[state, { ...state }], 'tag id "m" is used twice'],
  ])('rejects %j', (tags, expected) => {
    expect(configError({}, tags)).toContain(expected);
  });

  it.each([
    [{ period: '0ms' }, 'config.period must be at least 1 ms'],
    [{ seed: 'abc' }, 'config.seed must be integer'],
    [{ tick: 1 }, 'config has unknown key "tick"'],
  ])('rejects the config %j', (config, expected) => {
    expect(configError(config, [])).toContain(expected);
  });

  it('reports every tag problem at once', () => {
    const message = configError({}, [{ id: 'a', signal: { kind: 'nope' } }, { id: 'b', signal: { kind: 'nope' } }]);
    expect(message).toContain('tag a:');
    expect(message).toContain('tag b:');
  });
});
