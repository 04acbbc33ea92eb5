import { describe, expect, it } from 'vitest';
import { tagId, uniqueTagIds } from './tag-ids';

describe('tag ids for browse picks', () => {
  it('keeps plain names where they are unique', () => {
    expect(uniqueTagIds([{ path: ['Line1', 'Filler', 'Speed'] }, { path: ['Line1', 'Filler', 'Level %'] }])).toEqual(['speed', 'level']);
  });

  it('qualifies colliding names with their parents, and only those', () => {
    const ids = uniqueTagIds([{ path: ['Line1', 'Filler', 'State'] }, { path: ['Line1', 'Capper', 'State'] }, { path: ['Line1', 'Capper', 'Speed'] }]);
    expect(ids).toEqual(['filler_state', 'capper_state', 'speed']);
  });

  it('goes up as far as needed, then numbers the rest', () => {
    expect(uniqueTagIds([{ path: ['Line1', 'Filler', 'State'] }, { path: ['Line2', 'Filler', 'State'] }])).toEqual(['line1_filler_state', 'line2_filler_state']);
    expect(uniqueTagIds([{ path: ['State'] }, { path: ['state'] }])).toEqual(['state', 'state_2']);
  });

  it('avoids ids the source already has', () => {
    expect(uniqueTagIds([{ path: ['Filler', 'Speed'] }], ['speed'])).toEqual(['filler_speed']);
    expect(uniqueTagIds([{ path: ['Speed'] }], ['speed'])).toEqual(['speed_2']);
  });

  it('makes a path segment of any name, at most 64 characters', () => {
    expect(tagId('Motor/Speed RPM')).toBe('motor_speed_rpm');
    expect(tagId('***')).toBe('tag');
    const [long] = uniqueTagIds([{ path: ['x'.repeat(40), 'S'] }, { path: ['y'.repeat(40), 'S'] }]);
    expect(long!.length).toBeLessThanOrEqual(64);
  });
});
