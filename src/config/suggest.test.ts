import { describe, expect, it } from 'vitest';
import { closest, editDistance, withSuggestion } from './suggest.js';

describe('editDistance', () => {
  it.each([
    ['password', 'password', 0],
    ['pasword', 'password', 1],
    ['hubzone', 'hubZone', 0],
    ['telemerty', 'telemetry', 1], // two neighbours swapped count once
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('closest', () => {
  const keys = ['url', 'username', 'password', 'retain'];
  it('suggests a likely typo', () => {
    expect(closest('pasword', keys)).toBe('password');
    expect(closest('usrname', keys)).toBe('username');
  });
  it('does not suggest an unrelated word', () => {
    expect(closest('host', keys)).toBeUndefined();
    expect(closest('x', ['y', 'zz'])).toBe('y'); // one edit is allowed even for short words
    expect(closest('ab', ['xyz'])).toBeUndefined();
  });
  it('phrases the suggestion', () => {
    expect(withSuggestion('Unknown key "pasword"', 'pasword', keys)).toBe('Unknown key "pasword" — did you mean "password"?');
    expect(withSuggestion('Unknown key "host"', 'host', keys)).toBe('Unknown key "host".');
  });
});
