import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTag, sanitizeId, type TagTemplate } from './template.js';

function tpl(text: string, captures: string[]): TagTemplate {
  const t = parseTemplate(text, captures);
  if (typeof t === 'string') throw new Error(t);
  return t;
}

describe('tag templates', () => {
  it.each<[string, Record<string, string>, string]>([
    ['{line}_{machine}_temp', { line: 'L1', machine: 'filler' }, 'L1_filler_temp'],
    ['{line}_{machine}_temp', { line: 'Line 1', machine: 'fül.ler' }, 'Line_1_f_l_ler_temp'],
    ['{m}_temp', { m: 'Temp (°C)' }, 'Temp_C_temp'],
    ['{m}', { m: '°' }, '_'],
    ['fixed-id', {}, 'fixed-id'],
    ['{rest}', { rest: 'a/b/c' }, 'a_b_c'],
  ])('%s with %j is %s', (text, captures, id) => {
    expect(renderTag(tpl(text, Object.keys(captures)), captures)).toEqual({ id });
  });

  it('refuses empty and overlong ids', () => {
    expect(renderTag(tpl('{x}', ['x']), { x: '' })).toEqual({ problem: expect.stringMatching(/empty tag id/) });
    expect(renderTag(tpl('{x}', ['x']), { x: 'a'.repeat(65) })).toEqual({ problem: expect.stringMatching(/longer than 64/) });
  });

  it.each<[string, string[], RegExp]>([
    ['{line}_{nope}', ['line'], /uses \{nope\}, which the topic does not capture; the topic captures \{line\}/],
    ['{x}', [], /no named captures/],
    ['a.b', [], /characters other than/],
    ['{line', ['line'], /characters other than/],
    ['', [], /empty/],
  ])('%j is refused', (text, captures, problem) => {
    expect(parseTemplate(text, captures)).toMatch(problem);
  });

  it('sanitizes to the path alphabet', () => {
    expect(sanitizeId('a b/c.d-e_f9')).toBe('a_b_c_d-e_f9');
    expect(sanitizeId('  a  ..b  ')).toBe('a_b');
    expect(sanitizeId('')).toBe('');
  });
});
