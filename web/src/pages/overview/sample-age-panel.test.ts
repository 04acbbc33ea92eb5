import { describe, expect, it } from 'vitest';
import { formatAge } from './sample-age-panel';

describe('formatAge', () => {
  it.each([
    [undefined, '—'], [0, '1 ms'], [0.0004, '1 ms'], [0.0123, '12 ms'], [0.25, '250 ms'], [1.44, '1.4 s'], [9.96, '10.0 s'], [10, '≥ 10 s'],
  ])('shows %s s as %s', (seconds, text) => {
    expect(formatAge(seconds)).toBe(text);
  });
});
