/**
 * Golden scenarios: each __fixtures__/<case>/config.yaml is checked and the formatted problems must
 * equal <case>/error.txt byte for byte (empty for a valid config). UPDATE_GOLDEN=1 rewrites them.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfigText } from './load.js';
import { CONFIG_PROBLEM_CODES, formatProblems } from './problems.js';
import { FAKE_KINDS, FIXTURE_ENV } from './__fixtures__/fake-kinds.js';

const root = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const cases = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory()).sort();

describe('config fixtures', () => {
  it('has the required cases', () => {
    expect(cases).toEqual(expect.arrayContaining(['broken', 'valid', 'yaml-syntax']));
  });

  for (const name of cases) {
    it(`${name}: problems match error.txt`, () => {
      const text = readFileSync(join(root, name, 'config.yaml'), 'utf8');
      const result = loadConfigText(text, 'config.yaml', { kinds: FAKE_KINDS, env: FIXTURE_ENV });
      const actual = formatProblems(result.problems);
      const expectedFile = join(root, name, 'error.txt');
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(expectedFile, actual === '' ? '' : `${actual}\n`);
      const expected = readFileSync(expectedFile, 'utf8').replace(/\n$/, '');
      expect(actual).toBe(expected);
      expect(result.config === undefined).toBe(expected !== '');
      for (const p of result.problems) expect(Object.keys(CONFIG_PROBLEM_CODES)).toContain(p.code);
      for (const secret of Object.values(FIXTURE_ENV)) expect(actual).not.toContain(secret);
    });
  }
});
