import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIG_PROBLEM_CODES, formatProblems, type ConfigProblem } from './problems.js';

const problem = (line: number, column: number, path: string, code: ConfigProblem['code'] = 'CW_CONFIG_UNKNOWN_REF'): ConfigProblem => ({
  file: 'hub.yaml', line, column, path, code, message: `Problem at ${path}.`, hint: 'Fix it.',
});

describe('formatProblems', () => {
  it('prints one line per problem: file:line:col, path, message, hint and code', () => {
    const p: ConfigProblem = {
      file: 'hub.yaml', line: 14, column: 9, path: 'sources[0].zone', code: 'CW_CONFIG_UNKNOWN_REF',
      message: 'Zone "ot-lin1" is not defined — did you mean "ot-line1"?', hint: 'Define it under zones:, or use one of: ot-line1, it.',
    };
    expect(formatProblems([p])).toBe(
      'hub.yaml:14:9  sources[0].zone  Zone "ot-lin1" is not defined — did you mean "ot-line1"?  → Define it under zones:, or use one of: ot-line1, it.  [CW_CONFIG_UNKNOWN_REF]',
    );
  });

  it('sorts by line, then column, and leaves out an empty path', () => {
    const out = formatProblems([problem(9, 3, 'b'), problem(2, 5, ''), problem(9, 1, 'a')]).split('\n');
    expect(out).toEqual([
      'hub.yaml:2:5  Problem at .  → Fix it.  [CW_CONFIG_UNKNOWN_REF]',
      'hub.yaml:9:1  a  Problem at a.  → Fix it.  [CW_CONFIG_UNKNOWN_REF]',
      'hub.yaml:9:3  b  Problem at b.  → Fix it.  [CW_CONFIG_UNKNOWN_REF]',
    ]);
  });

  it('keeps each problem on one line', () => {
    expect(formatProblems([{ ...problem(1, 1, 'x'), message: 'two\n  lines' }])).toBe('hub.yaml:1:1  x  two lines  → Fix it.  [CW_CONFIG_UNKNOWN_REF]');
  });

  it('is empty for no problems', () => {
    expect(formatProblems([])).toBe('');
  });
});

describe('CONFIG_PROBLEM_CODES', () => {
  it('lists every code the config code can emit', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const emitted = new Set(sources.flatMap((f) => readFileSync(`${dir}/${f}`, 'utf8').match(/CW_CONFIG_[A-Z_]+/g) ?? []));
    // CW_CONFIG_INVALID is the thrown error that carries the problems, not a problem itself.
    emitted.delete('CW_CONFIG_INVALID');
    expect(emitted.size).toBeGreaterThan(10);
    for (const code of emitted) expect(Object.keys(CONFIG_PROBLEM_CODES), code).toContain(code);
  });
});
