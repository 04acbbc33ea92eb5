import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfigText } from './load.js';
import { describeZoneGraph } from './zone-graph.js';
import { BASE_YAML, load } from './__fixtures__/load-helpers.js';
import { FAKE_KINDS, FIXTURE_ENV } from './__fixtures__/fake-kinds.js';

describe('describeZoneGraph', () => {
  it('lists zones by Purdue level and conduits with what they allow', () => {
    const text = readFileSync(new URL('./__fixtures__/valid/config.yaml', import.meta.url), 'utf8');
    const { config } = loadConfigText(text, 'config.yaml', { kinds: FAKE_KINDS, env: FIXTURE_ENV });
    expect(describeZoneGraph(config!)).toBe(
      [
        'Zones (Purdue level, highest first):',
        '  L4  enterprise     sinks: uns',
        '  L3  site-ops       Site operations, where the hub runs — hub',
        '  L1  line1-control  Line 1 PLCs and drives — sources: filler-plc, spare-plc (disabled)',
        'Conduits (everything not listed is denied):',
        '  line1-control (L1) → site-ops (L3)  telemetry',
        '  site-ops (L3) → line1-control (L1)  commands  (requires tls and approval)',
        '  site-ops (L3) → enterprise (L4)     telemetry, orders  (requires tls)',
      ].join('\n'),
    );
  });

  it('says so when no conduit exists', () => {
    const { config } = load(BASE_YAML.replace(/conduits:[\s\S]*$/, '').replace('  - id: line1\n    level: 1\n', ''));
    expect(describeZoneGraph(config!)).toBe(
      ['Zones (Purdue level, highest first):', '  L3  ops  hub', 'Conduits (everything not listed is denied):', '  none — no flow crosses a zone boundary.'].join('\n'),
    );
  });
});
