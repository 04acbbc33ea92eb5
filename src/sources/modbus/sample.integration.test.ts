/** sample.yaml passes the hub's config check and reads every tag from a real Modbus TCP server. */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { kindSchemasOf, loadConfigText } from '../../config/index.js';
import { freePort } from '../../test-support/services.js';
import { TestDevice } from './__fixtures__/device.js';
import { modbusHarness } from './__fixtures__/harness.js';
import { modbusSource, type ModbusConfig } from './index.js';

const HEADER = `site: { enterprise: Acme Beverages, name: Springfield, hubZone: site-ops }
zones:
  - { id: site-ops, level: 3 }
  - { id: cell-packaging, level: 1 }
conduits:
  - { from: cell-packaging, to: site-ops, allow: [telemetry] }
`;

let device: TestDevice | undefined;
afterEach(async () => {
  await device?.stop();
});

describe('sample.yaml', () => {
  it('passes the hub config check and reads every tag', async () => {
    const text = HEADER + (await readFile(new URL('./sample.yaml', import.meta.url), 'utf8'));
    const { config, problems } = loadConfigText(text, 'sample.yaml', { kinds: kindSchemasOf([modbusSource], []) });
    expect(problems).toEqual([]);
    const source = config!.sources![0]!;
    const port = await freePort();
    device = await TestDevice.start(port);
    device.setRegisters('holding', 0, [0xe979, 0x42f6, 3, 0x0001]);
    const h = modbusHarness(port, source.tags, { ...(source.config as ModbusConfig), host: '127.0.0.1', port });
    await h.source.connect(new AbortController().signal);
    try {
      const samples = [];
      for (const g of h.source.pollGroups!()) samples.push(...(await h.source.poll!(g.id)));
      expect(samples.map((s) => s.path).sort()).toEqual(source.tags.map((t) => `plc/${t.id}`).sort());
      expect(samples.every((s) => s.quality === 'good')).toBe(true);
      expect(samples.find((s) => s.path === 'plc/speed')?.value).toBe(123.456);
      expect(samples.find((s) => s.path === 'plc/door_open')?.value).toBe(true);
    } finally {
      await h.source.close();
    }
  });

  it('is reported with the tag and key when a tag is wrong', () => {
    const text = `${HEADER}sources:\n  - id: plc\n    kind: modbus\n    zone: cell-packaging\n    config: { host: plc1 }\n    tags:\n      - { id: x, area: holdings, address: 0 }\n`;
    const { problems } = loadConfigText(text, 'bad.yaml', { kinds: kindSchemasOf([modbusSource], []) });
    expect(problems.map((p) => p.path).join(' ')).toContain('sources[0].tags[0].area');
  });
});
