import { describe, expect, it } from 'vitest';
import { effectiveDuplicateWindow, settingDifferences, streamConfigFor, streamProblem, subjectCovers, type WantedStream } from './stream.js';

describe('subjectCovers', () => {
  it.each([
    ['causeway.>', 'causeway.>', true],
    ['>', 'causeway.>', true],
    ['causeway.>', 'causeway.site1.>', true],
    ['*.>', 'causeway.>', true],
    ['causeway.*', 'causeway.>', false],
    ['causeway.site1.>', 'causeway.>', false],
    ['other.>', 'causeway.>', false],
    ['causeway', 'causeway.>', false],
    ['causeway.a.b', 'causeway.a.b', true],
    ['causeway.*.b', 'causeway.a.b', true],
    ['causeway.*', 'causeway.a.b', false],
  ])('%s covers %s: %s', (filter, subject, expected) => {
    expect(subjectCovers(filter, subject)).toBe(expected);
  });
});

describe('streamProblem', () => {
  it('accepts a stream whose subjects capture the sink subjects', () => {
    expect(streamProblem({ subjects: ['audit.>', 'causeway.>'] }, 'causeway.>')).toBeUndefined();
    expect(streamProblem({ subjects: ['>'] }, 'causeway.>')).toBeUndefined();
  });

  it.each([
    [{ subjects: ['orders.>'] }, 'its subjects (orders.>) do not include causeway.>'],
    [{ subjects: [] }, 'its subjects (none) do not include causeway.>'],
    [{ subjects: ['causeway.*'] }, 'its subjects (causeway.*) do not include causeway.>'],
    [{ mirror: { name: 'CENTRAL' }, subjects: [] }, 'it mirrors stream CENTRAL and takes no publishes'],
    [{ subjects: ['causeway.>'], sealed: true }, 'it is sealed and takes no publishes'],
    [{ subjects: ['causeway.>'], no_ack: true }, 'it does not acknowledge publishes (no_ack), so the hub could not know a value was stored'],
  ])('refuses %j', (config, problem) => {
    expect(streamProblem(config, 'causeway.>')).toBe(problem);
  });
});

describe('the stream the sink creates', () => {
  const wanted: WantedStream = { sink: 'js', name: 'CAUSEWAY', subject: 'causeway.>', maxAgeMs: 0, replicas: 1, duplicateWindowMs: 120_000 };

  it('captures the sink subjects, with the duplicate window and age in nanoseconds', () => {
    expect(streamConfigFor({ ...wanted, maxAgeMs: 86_400_000, replicas: 3 })).toMatchObject({
      name: 'CAUSEWAY', subjects: ['causeway.>'], max_age: 86_400_000_000_000, num_replicas: 3, duplicate_window: 120_000_000_000,
    });
  });

  it('caps the duplicate window at the max age, which JetStream requires', () => {
    expect(effectiveDuplicateWindow({ ...wanted, maxAgeMs: 30_000 })).toBe(30_000);
    expect(effectiveDuplicateWindow(wanted)).toBe(120_000);
  });

  it('names the settings of an existing stream that differ, and nothing when they match', () => {
    expect(settingDifferences({ max_age: 0, num_replicas: 1, duplicate_window: 120_000_000_000 }, wanted)).toEqual([]);
    expect(settingDifferences({ max_age: 3_600_000_000_000, num_replicas: 3, duplicate_window: 60_000_000_000 }, wanted)).toEqual([
      'max age 3600000 ms instead of 0 ms', '3 replicas instead of 1', 'duplicate window 60000 ms instead of 120000 ms',
    ]);
  });
});
