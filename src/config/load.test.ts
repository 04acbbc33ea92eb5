import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Settings } from 'typebox/system';
import { describe, expect, it } from 'vitest';
import { isCausewayError } from '../core/errors.js';
import { configOrThrow, loadConfigFile } from './load.js';
import { BASE_YAML, at, load } from './__fixtures__/load-helpers.js';
import { FAKE_KINDS } from './__fixtures__/fake-kinds.js';

const SOURCE = `${BASE_YAML}sources:
  - id: plc
    kind: test
    zone: line1
    tags:
      - id: speed
        signal: sine
        scale: fast
`;

describe('line and column of each problem', () => {
  it('points at the value of a wrong-typed key', () => {
    const [p] = at(load(SOURCE), 'sources[0].tags[0].scale');
    expect(p).toMatchObject({ line: 21, column: 16, code: 'CW_CONFIG_SCHEMA', message: 'Expected a number, found "fast".' });
  });

  it('points at an unknown key itself, with a suggestion and the allowed keys', () => {
    const r = load(BASE_YAML.replace('  hubZone: ops', '  hubZone: ops\n  timezon: UTC'));
    expect(at(r, 'site.timezon')).toEqual([
      {
        file: 'hub.yaml', line: 5, column: 3, path: 'site.timezon', code: 'CW_CONFIG_UNKNOWN_KEY',
        message: 'Unknown key "timezon" — did you mean "timezone"?',
        hint: 'Keys allowed here: enterprise, name, timezone, hubZone, certificateSubject, units.',
      },
    ]);
  });

  it('reports a missing required key at its parent', () => {
    const r = load(BASE_YAML.replace('  hubZone: ops\n', ''));
    expect(at(r, 'site.hubZone')).toMatchObject([{ line: 1, column: 1, message: 'Required key "hubZone" is missing.' }]);
    const r2 = load(BASE_YAML.replace('    level: 1\n', ''));
    expect(at(r2, 'zones[1].level')).toMatchObject([{ line: 8, column: 5, code: 'CW_CONFIG_SCHEMA' }]);
  });

  it('points at an item of a flow list and lists the allowed values', () => {
    const [p] = at(load(BASE_YAML.replace('[telemetry]', '[telemetry, comands]')), 'conduits[0].allow[1]');
    expect(p).toMatchObject({ line: 13, column: 24 });
    expect(p!.message).toBe('"comands" is not one of the allowed values — did you mean "commands"?');
    expect(p!.hint).toBe('Use one of: telemetry, commands, orders.');
  });

  it('describes a union by what it accepts', () => {
    const r = load(`${SOURCE.replace('        scale: fast\n', '')}    pollInterval: 2.5\nassets:\n  - path: a/b\n    bindings: { speed: 3 }\n`);
    expect(at(r, 'sources[0].pollInterval')[0]!.message).toBe('Expected a whole number, found 2.5.');
    expect(at(r, 'assets[0].bindings.speed')[0]!.message).toBe('Expected text or a mapping (key: value), found 3.');
  });
});

describe('loading', () => {
  it('reports every schema error, not only the first eight, and restores the TypeBox setting', () => {
    const zones = Array.from({ length: 20 }, (_, i) => `  - { id: z${i}, level: 9 }`).join('\n');
    const r = load(BASE_YAML.replace(/zones:\n[\s\S]*?conduits:/, `zones:\n  - { id: ops, level: 3 }\n  - { id: line1, level: 1 }\n${zones}\nconduits:`));
    expect(r.problems.filter((p) => p.message === '9 is too large; the most allowed is 5.')).toHaveLength(20);
    expect(Settings.Get().maxErrors).toBe(8);
  });

  it('returns the config, frozen, only when nothing is wrong', () => {
    const ok = load(BASE_YAML);
    expect(ok.problems).toEqual([]);
    expect(ok.config?.site.hubZone).toBe('ops');
    expect(Object.isFrozen(ok.config?.zones[0])).toBe(true);
    expect(load(SOURCE).config).toBeUndefined();
  });

  it('validates kind-specific tag keys and lists common and kind keys as allowed', () => {
    const r = load(SOURCE.replace('        scale: fast\n', '        sigal: sine\n'));
    const [p] = at(r, 'sources[0].tags[0].sigal');
    expect(p!.message).toBe('Unknown key "sigal" — did you mean "signal"?');
    expect(p!.hint).toContain('signal, period, id, type, unit');
  });

  it('reports an empty file', () => {
    expect(load('# nothing yet\n').problems).toMatchObject([{ line: 1, column: 1, message: 'The config is empty.' }]);
  });

  it('reports an unreadable file as CW_CONFIG_NOT_FOUND', async () => {
    const r = await loadConfigFile('/nonexistent/hub.yaml', { kinds: FAKE_KINDS, env: {} });
    expect(r.problems).toEqual([
      {
        file: '/nonexistent/hub.yaml', line: 1, column: 1, path: '', code: 'CW_CONFIG_NOT_FOUND',
        message: 'Cannot read the config file /nonexistent/hub.yaml (ENOENT).', hint: 'Check the path, or pass another file with -c FILE.',
      },
    ]);
    expect(() => configOrThrow(r, '/nonexistent/hub.yaml')).toThrow(/Cannot read the config file/);
  });

  it('reads a file and throws CW_CONFIG_INVALID with every problem in the detail', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cw-config-')), 'hub.yaml');
    writeFileSync(file, SOURCE);
    const r = await loadConfigFile(file, { kinds: FAKE_KINDS, env: {} });
    expect(r.problems[0]!.file).toBe(file);
    try {
      configOrThrow(r, file);
      expect.unreachable();
    } catch (e) {
      expect(isCausewayError(e, 'CW_CONFIG_INVALID')).toBe(true);
      expect((e as Error).message).toBe(`The config ${file} has 1 problem.`);
      expect((e as { detail?: string }).detail).toContain(`${file}:21:16  sources[0].tags[0].scale  Expected a number, found "fast".  → Write a number here. value = raw * scale + offset.`);
    }
    writeFileSync(file, BASE_YAML);
    expect(configOrThrow(await loadConfigFile(file, { kinds: FAKE_KINDS, env: {} }), file).site.name).toBe('Springfield');
  });
});
