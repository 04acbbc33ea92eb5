import { describe, expect, it } from 'vitest';
import { calendarProblems, daysBetween, parseClock, shiftAt, shiftsBetween, type ShiftCalendar } from './shifts.js';

const H = 3_600_000;
const iso = (t: number) => new Date(t).toISOString();
const CHICAGO: ShiftCalendar = {
  timeZone: 'America/Chicago',
  shifts: [
    { name: 'A', start: '06:00', end: '14:00' },
    { name: 'B', start: '14:00', end: '22:00' },
    { name: 'C', start: '22:00', end: '06:00' },
  ],
};

describe('shift calendar', () => {
  it.each([
    // An ordinary winter night: 22:00 CST = 04:00Z, 06:00 CST = 12:00Z, 8 hours.
    ['2026-01-14', '2026-01-15T04:00:00.000Z', '2026-01-15T12:00:00.000Z', 8],
    // Spring forward on 2026-03-08 at 02:00 CST → 03:00 CDT: 22:00 CST = 04:00Z, 06:00 CDT = 11:00Z, 7 hours.
    ['2026-03-07', '2026-03-08T04:00:00.000Z', '2026-03-08T11:00:00.000Z', 7],
    // Fall back on 2026-11-01 at 02:00 CDT → 01:00 CST: 22:00 CDT = 03:00Z, 06:00 CST = 12:00Z, 9 hours.
    ['2026-10-31', '2026-11-01T03:00:00.000Z', '2026-11-01T12:00:00.000Z', 9],
  ])('night shift C starting %s runs %s → %s (%i h)', (date, start, end, hours) => {
    const c = shiftsBetween(CHICAGO, Date.parse(start), Date.parse(start) + 1).find((s) => s.name === 'C')!;
    expect(c.date).toBe(date);
    expect(iso(c.start)).toBe(start);
    expect(iso(c.end)).toBe(end);
    expect((c.end - c.start) / H).toBe(hours);
  });

  it('tiles a DST day with its three shifts, 23 hours in all', () => {
    const day = daysBetween('America/Chicago', Date.parse('2026-03-08T12:00:00Z'), Date.parse('2026-03-08T12:00:01Z'))[0]!;
    expect(day.date).toBe('2026-03-08');
    expect((day.end - day.start) / H).toBe(23);
    const shifts = shiftsBetween(CHICAGO, day.start, day.end);
    expect(shifts.map((s) => `${s.name} ${s.date} ${(s.end - s.start) / H}h`)).toEqual(['C 2026-03-07 7h', 'A 2026-03-08 8h', 'B 2026-03-08 8h', 'C 2026-03-08 8h']);
    // Consecutive shifts meet exactly: no gap, no overlap.
    for (let i = 1; i < shifts.length; i++) expect(shifts[i]!.start).toBe(shifts[i - 1]!.end);
  });

  it('finds the shift at an instant, the night shift after midnight included', () => {
    expect(shiftAt(CHICAGO, Date.parse('2026-01-15T08:30:00Z'))).toMatchObject({ name: 'C', date: '2026-01-14' }); // 02:30 CST
    expect(shiftAt(CHICAGO, Date.parse('2026-01-15T12:00:00Z'))).toMatchObject({ name: 'A', date: '2026-01-15' }); // 06:00 CST sharp
  });

  it('keeps shifts to their weekdays', () => {
    const weekdays: ShiftCalendar = { timeZone: 'UTC', shifts: [{ name: 'day', start: '08:00', end: '16:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] }] };
    // 2026-11-20 is a Friday: the week's shifts run Friday, then Monday.
    const shifts = shiftsBetween(weekdays, Date.parse('2026-11-20T00:00:00Z'), Date.parse('2026-11-24T00:00:00Z'));
    expect(shifts.map((s) => s.date)).toEqual(['2026-11-20', '2026-11-23']);
  });

  it('days have 23, 24 and 25 hours', () => {
    const days = daysBetween('America/Chicago', Date.parse('2026-10-31T12:00:00Z'), Date.parse('2026-11-02T12:00:00Z'));
    expect(days.map((d) => [d.date, (d.end - d.start) / H])).toEqual([['2026-10-31', 24], ['2026-11-01', 25], ['2026-11-02', 24]]);
  });

  it('reports every problem of a calendar', () => {
    expect(parseClock('06:00')).toBe(360);
    expect(parseClock('6:00')).toBeUndefined();
    expect(calendarProblems(CHICAGO)).toEqual([]);
    expect(calendarProblems({ timeZone: 'America/Chicgo', shifts: [{ name: 'A', start: '25:00', end: '06:00' }, { name: 'A', start: '06:00', end: '14:00', days: ['funday' as never] }] })).toEqual([
      'time zone "America/Chicgo" is not an IANA time zone such as America/Chicago',
      'shift "A" start "25:00" is not a wall time HH:MM',
      'shift "A" is defined twice',
      'shift "A" names day "funday", not one of mon, tue, wed, thu, fri, sat, sun',
    ]);
  });
});
