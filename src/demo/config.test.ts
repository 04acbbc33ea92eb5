import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { counterIncrease } from '../core/counter.js';
import { loadConfigText } from '../config/index.js';
import { kindSchemas, loadCheckedText } from '../cli/config-io.js';
import { buildModel } from '../namespace/model.js';
import { productionSettings } from '../production/settings.js';
import { demoConfig, ENERGY_METER_PATH } from './config.js';
import { DEMO_SECRET_ENV, STANDARD_ENDPOINTS } from './protocol-sources.js';

const ENDPOINTS = { opcua: { port: 40001 }, modbus: { port: 40002 }, broker: { port: 40003 } };
const SECRETS = {
  [DEMO_SECRET_ENV.hubMqttPassword]: 'hub-password-123456', [DEMO_SECRET_ENV.edgeMqttPassword]: 'edge-password-123456', [DEMO_SECRET_ENV.meterToken]: 'meter-token-1234567890',
  [DEMO_SECRET_ENV.unsPublisherPassword]: 'uns-publisher-123456', [DEMO_SECRET_ENV.unsReaderPassword]: 'uns-reader-123456',
};

function check(text: string, env: Record<string, string> = SECRETS) {
  return loadConfigText(text, 'demo.yaml', { kinds: kindSchemas(), env });
}

describe('the demo config', () => {
  it('declares its 16-bit PLC counters on the attributes, the rule OEE and history delta share', () => {
    const { config, problems } = check(stringify(demoConfig({ seed: 42, devices: ENDPOINTS })));
    expect(problems).toEqual([]);
    const model = buildModel(config!.templates!, config!.assets!);
    const line1 = 'acme-beverages/springfield/packaging/line1';
    expect(model.attributes.get(`${line1}/filler/good_count`)).toMatchObject({ type: 'counter', counter: { rolloverAt: 65_536, onDrop: 'reset' }, interpolation: 'linear' });
    const settings = productionSettings(config!.production!, 'UTC', '/tmp', (path) => model.attributes.get(path)?.counter);
    expect(settings.lines[0]!.good).toEqual({ path: `${line1}/filler/good_count`, counter: { rolloverAt: 65_536, onDrop: 'reset' } });
    expect(settings.lines[0]!.counts).toEqual({ reject: { path: `${line1}/filler/reject_count`, counter: { rolloverAt: 65_536, onDrop: 'reset' } } });
    // The demo restarted with the counter at 48529: its machines count from 0 again. That is 5
    // bottles, not a wrap of 65536 − 48529 + 5 = 17012 (performance above 100 % after a restart).
    expect(counterIncrease(48_529, 5, settings.lines[0]!.good.counter)).toBe(5);
  });

  it('builds the protocol plant: four device sources, the broker, the UNS sink, two lines and ten machine assets, and passes every check', () => {
    const { config, problems } = check(stringify(demoConfig({ seed: 42, devices: ENDPOINTS })));
    expect(problems).toEqual([]);
    expect(config?.sources?.map((s) => [s.id, s.kind, s.zone])).toEqual([
      ['packaging-opcua', 'opcua', 'packaging'],
      ['packaging-modbus', 'modbus', 'packaging'],
      ['utilities-sparkplug', 'sparkplug', 'utilities'],
      ['energy-meter', 'http-push', 'utilities'],
    ]);
    expect(config?.assets).toHaveLength(12);
    expect(config?.assets?.map((a) => a.path)).toContain(ENERGY_METER_PATH);
    expect(config?.assets?.filter((a) => a.template === 'Line').map((a) => a.path)).toEqual(['acme-beverages/springfield/packaging/line1', 'acme-beverages/springfield/packaging/line2']);
    expect(config?.templates?.map((t) => t.id)).toEqual(['Machine', 'Filler', 'Capper', 'Labeler', 'Palletizer', 'Compressor', 'Line', 'LineOee', 'LineOrder', 'EnergyMeter']);
    expect(config?.sinks).toEqual([expect.objectContaining({ id: 'uns', kind: 'mqtt', zone: 'site-ops' })]);
    expect(config?.broker).toMatchObject({ host: '127.0.0.1', port: 40003, allowAnonymous: false });
    expect(config?.zones.map((z) => [z.id, z.level])).toEqual([['packaging', 1], ['utilities', 1], ['site-ops', 3], ['enterprise', 4]]);
  });

  it('never writes a secret into the config text: they are ${ENV} references', () => {
    const text = stringify(demoConfig({ seed: 42, devices: ENDPOINTS }));
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    for (const name of Object.values(DEMO_SECRET_ENV)) expect(text).toContain(`\${${name}}`);
    const { problems } = check(text, {});
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['CW_CONFIG_ENV_MISSING']));
  });

  it('binds every attribute of every protocol asset to a configured source tag', () => {
    const config = demoConfig({ seed: 42, devices: ENDPOINTS });
    const tags = new Set(config.sources!.flatMap((s) => s.tags!.map((t) => `${s.id}/${t.id}`)));
    const bindings = config.assets!.flatMap((a) => Object.values(a.bindings ?? {}));
    expect(bindings).toHaveLength(2 * (9 + 5 + 5 + 5) + 8 + 10);
    for (const b of bindings) expect(tags).toContain(b);
    const filler = config.assets!.find((a) => a.path.endsWith('line2/filler'));
    expect(filler?.bindings).toMatchObject({ speed: 'packaging-opcua/line2_filler_speed', speed_setpoint: 'packaging-opcua/line2_filler_speed_setpoint' });
    const compressor = config.assets!.find((a) => a.path.endsWith('utilities/compressor'));
    expect(compressor?.bindings).toMatchObject({ discharge_pressure: 'utilities-sparkplug/compressor_discharge_pressure' });
  });

  it('prints with the standard ports for a starting point', () => {
    const config = demoConfig({ seed: 1, devices: STANDARD_ENDPOINTS });
    expect(JSON.stringify(config.sources)).toContain('opc.tcp://127.0.0.1:4840');
    expect(config.broker?.port).toBe(1883);
  });

  it('opens commands and orders into packaging only, with two-person approval, and a writable, limited filler speed setpoint', () => {
    for (const config of [demoConfig({ seed: 42, devices: ENDPOINTS }), demoConfig({ seed: 42 })]) {
      const down = config.conduits!.filter((c) => c.from === 'site-ops' && c.allow.some((f) => f !== 'telemetry'));
      expect(down.map((c) => [c.to, c.allow, c.require?.approval ?? false])).toEqual([['packaging', ['commands', 'orders'], true]]);
      const filler = config.templates!.find((t) => t.id === 'Filler');
      expect(filler?.attributes?.filter((a) => a.writable)).toEqual([expect.objectContaining({ name: 'speed_setpoint', min: 0, max: 1200 })]);
      expect(config.production?.lines.map((l) => l.dispatch)).toEqual([{ speed: 'filler/speed_setpoint' }, { speed: 'filler/speed_setpoint' }]);
    }
  });

  it('binds the simulated fillers\' speed setpoints to a setpoint tag of their line\'s simulator', () => {
    const config = demoConfig({ seed: 42, erp: { kind: 'folder' } });
    const filler = config.assets!.find((a) => a.path.endsWith('line1/filler'));
    expect(filler?.bindings).toMatchObject({ speed: 'line1-plc/filler_speed', speed_setpoint: 'line1-plc/filler_speed_setpoint' });
    const tag = config.sources!.find((s) => s.id === 'line1-plc')!.tags!.find((t) => t.id === 'filler_speed_setpoint');
    expect(tag).toMatchObject({ signal: { kind: 'setpoint' } });
    expect(config.production?.erp?.folder).toBeDefined();
  });

  it('keeps the all-simulator plant without devices (causeway demo --simulated)', () => {
    const { config, problems } = loadCheckedText(stringify(demoConfig({ seed: 42 })), 'demo.yaml');
    expect(problems).toEqual([]);
    expect(config?.sources?.map((s) => s.kind)).toEqual(['simulator', 'simulator', 'simulator']);
    expect(config?.assets).toHaveLength(11);
    expect(config?.broker).toBeUndefined();
  });
});
