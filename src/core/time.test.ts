import { describe, expect, it } from 'vitest';
import { durationMs, parseDuration, parseTime } from './time.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('time parsing', () => {
  it.each([
    ['500ms', 500], ['15s', 15_000], ['5m', 300_000], ['2h', 7_200_000], ['7d', 604_800_000], ['1w', 604_800_000], ['250', 250], ['1.5s', 1500],
    ['5 minutes', undefined], ['-5m', undefined], ['', undefined],
  ])('parseDuration(%s) = %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['now', NOW],
    ['-15m', NOW - 900_000],
    ['+1h', NOW + 3_600_000],
    ['2026-11-23T08:00:00Z', Date.parse('2026-11-23T08:00:00Z')],
    ['2026-11-23T08:00:00+01:00', Date.parse('2026-11-23T07:00:00Z')],
    ['1700000000000', 1_700_000_000_000],
    ['yesterday', undefined],
    ['-15 minutes', undefined],
    ['2026-13-45', undefined],
  ])('parseTime(%s)', (text, expected) => {
    expect(parseTime(text, NOW)).toBe(expected);
  });

  it('reads config durations', () => {
    expect(durationMs(undefined, 1000)).toBe(1000);
    expect(durationMs(250, 1000)).toBe(250);
    expect(durationMs('2s', 1000)).toBe(2000);
  });
});
