import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { kindSchemasOf, loadConfigText } from '../../config/index.js';
import { simulatorSource, type SimulatorConfig } from './index.js';
import { rig, runUntil, series } from './__fixtures__/test-kit.js';

const HEADER = `site: { enterprise: Acme Beverages, name: Springfield, hubZone: site-ops }
zones:
  - { id: site-ops, level: 3 }
  - { id: cell-packaging, level: 1 }
conduits:
  - { from: cell-packaging, to: site-ops, allow: [telemetry] }
`;

describe('sample.yaml', () => {
  it('passes the hub config check and runs', async () => {
    const text = HEADER + (await readFile(new URL('./sample.yaml', import.meta.url), 'utf8'));
    const { config, problems } = loadConfigText(text, 'sample.yaml', { kinds: kindSchemasOf([simulatorSource], []) });
    expect(problems).toEqual([]);
    const source = config!.sources![0]!;
    const r = rig({ ...(source.config as SimulatorConfig), startTime: 0, maxCatchUpSteps: 10_000 }, source.tags as Record<string, unknown>[], 0);
    const samples = await runUntil(r, 7_200_000);
    expect(samples).toHaveLength(7201 * source.tags.length);
    expect(series(samples, 'recipe').map((s) => s.value).filter((v, k, all) => v !== all[k - 1])).toEqual(['1', '2', '3']);
  });

  it('is reported with the tag and key when a signal is wrong', () => {
    const text = `${HEADER}sources:\n  - id: sim\n    kind: simulator\n    zone: cell-packaging\n    tags:\n      - id: x\n        signal: { kind: sine, amplitude: 1, periodSeconds: 60 }\n`;
    const { problems } = loadConfigText(text, 'bad.yaml', { kinds: kindSchemasOf([simulatorSource], []) });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.path).join(' ')).toContain('sources[0].tags[0].signal');
  });
});
