import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { demoConfig } from '../../demo/config.js';
import { loadCheckedText } from '../config-io.js';
import { runCheck, runSchema } from './check.js';

function capture() {
  let text = '';
  return { out: { write: (t: string) => (text += t) }, text: () => text };
}

const fixture = (name: string) => fileURLToPath(new URL(`../__fixtures__/${name}`, import.meta.url));

describe('causeway check', () => {
  it('reports every problem of a broken plant config at once, with file, line, key and hint', async () => {
    const c = capture();
    const file = fixture('broken-plant/config.yaml');
    expect(await runCheck(file, c.out)).toBe(1);
    const expected = readFileSync(fixture('broken-plant/expected.txt'), 'utf8').replaceAll('<FILE>', file);
    expect(c.text()).toBe(expected);
  });

  it('says so when the file does not exist', async () => {
    const c = capture();
    expect(await runCheck('/nonexistent/plant.yaml', c.out)).toBe(1);
    expect(c.text()).toContain('CW_CONFIG_NOT_FOUND');
  });

  it('passes the demo plant and prints its zone graph', async () => {
    const { config, problems } = loadCheckedText(stringify(demoConfig({ seed: 42 })), 'demo.yaml');
    expect(problems).toEqual([]);
    expect(config?.sources).toHaveLength(3);
    expect(config?.assets).toHaveLength(11);
  });

  it('prints a JSON Schema with one branch per source kind', () => {
    const c = capture();
    expect(runSchema(c.out)).toBe(0);
    const schema = JSON.parse(c.text());
    const kinds = JSON.stringify(schema.properties.sources);
    for (const kind of ['simulator', 'http-push']) expect(kinds).toContain(`"const":"${kind}"`);
  });
});
