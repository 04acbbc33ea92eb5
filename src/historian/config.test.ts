/** The historian block of the hub config: both kinds, and what `causeway check` says about mistakes. */
import { describe, expect, it } from 'vitest';
import { BASE_YAML, load } from '../config/__fixtures__/load-helpers.js';

const problems = (yaml: string) => load(BASE_YAML + yaml).problems.map((p) => [p.path, p.message]);

describe('historian config', () => {
  it.each([
    'historian:\n  path: h.duckdb\n  flushInterval: 2s\n',
    'historian:\n  kind: duckdb\n  batchSize: 1000\n',
    'historian:\n  kind: postgres\n  host: db.example\n  port: 5432\n  user: causeway\n  database: plant\n  schema: line1\n  partition: week\n',
    'historian:\n  kind: postgres\n  connectionString: postgres://causeway@db.example/plant\n',
    'historian:\n  retention:\n    - { paths: "acme/springfield/**", keep: 90d }\n    - { paths: "sim/*", keep: 12h }\n    - { paths: "keep/line*/**", keep: forever }\n    - { paths: "**", keep: 2y }\n  rollups:\n    1m: { keep: 2y }\n    1h: { keep: 10y }\n',
    'historian:\n  kind: postgres\n  rollups: {}\n  retention: [{ paths: "**", keep: 4w }]\n',
  ])('accepts %j', (yaml) => {
    expect(problems(yaml)).toEqual([]);
  });

  it.each([
    ['historian:\n  kind: postgress\n', 'historian.kind', /"postgress" is not a known kind — did you mean "postgres"\?/],
    ['historian:\n  kind: postgres\n  path: h.duckdb\n', 'historian.path', /Unknown key "path"/],
    ['historian:\n  kind: duckdb\n  host: db\n', 'historian.host', /Unknown key "host"/],
    ['historian:\n  kind: postgres\n  partition: month\n', 'historian.partition', /"month" is not one of the allowed values/],
    ['historian:\n  kind: postgres\n  schema: Line-1\n', 'historian.schema', /does not have the required form/],
    ['historian:\n  retention: [{ paths: "**", keep: 3mo }]\n', 'historian.retention[0].keep', /does not have the required form/],
    ['historian:\n  retention: [{ paths: "a//b", keep: 1d }]\n', 'historian.retention[0].paths', /does not have the required form/],
    ['historian:\n  retention: [{ paths: "a/**b", keep: 1d }]\n', 'historian.retention[0].paths', /does not have the required form/],
    ['historian:\n  rollups:\n    5m: {}\n', 'historian.rollups["5m"]', /Unknown key "5m"/],
  ])('explains %j', (yaml, path, message) => {
    expect(problems(yaml)).toEqual([[path, expect.stringMatching(message)]]);
  });
});
