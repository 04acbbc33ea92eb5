import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCheckedText } from '../cli/config-io.js';
import { describeSinkReach, sinkReach } from './sink-reach.js';

const FIXTURE = readFileSync(new URL('./__fixtures__/sink-zone/config.yaml', import.meta.url), 'utf8');
const ENV = { FIXTURE_BROKER: 'mqtt://127.0.0.1:1883', FIXTURE_TOPIC: 'plant', FIXTURE_PREFIX: 'uns' };
const CONDUIT = '  - { from: line1-ot, to: enterprise-dmz, allow: [telemetry] }\n';

/** The fixture with `${NAME}` filled in (the CLI loads with process.env; these tests pass the text). */
function text(extra = '', edit: (t: string) => string = (t) => t): string {
  const filled = FIXTURE.replace(/\$\{(FIXTURE_[A-Z]+)\}/g, (_m, name: keyof typeof ENV) => ENV[name]);
  return edit(filled.replace('sources:\n', `${extra}sources:\n`));
}

function withConduit(t: string): string {
  return t.replace('  - { from: site-ops, to: enterprise-dmz, allow: [telemetry] }\n', `  - { from: site-ops, to: enterprise-dmz, allow: [telemetry] }\n${CONDUIT}`);
}

describe('sinks and the zone rule', () => {
  it('reports a sink that would receive nothing, naming both zones and the conduit to add', () => {
    const { config, problems } = loadCheckedText(text(), 'plant.yaml');
    expect(config).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'sinks[0].zone', code: 'CW_CONFIG_FLOW_DENIED', line: 36 });
    expect(problems[0]!.message).toContain('Sink uns (zone enterprise-dmz) would receive nothing');
    expect(problems[0]!.message).toContain('source line1-mqtt in zone line1-ot');
    expect(problems[0]!.hint).toContain('- { from: line1-ot, to: enterprise-dmz, allow: [telemetry] }');
  });

  it('passes once the named conduit is added, and says what each sink receives', () => {
    const { config, problems } = loadCheckedText(withConduit(text()), 'plant.yaml');
    expect(problems).toEqual([]);
    const [reach] = sinkReach(config!, new Set(['line1-mqtt']));
    expect(reach!.shares.map((s) => [s.zone, s.allowed])).toEqual([['line1-ot', true]]);
    expect(describeSinkReach(config!, new Set(['line1-mqtt']))).toContain('uns (zone enterprise-dmz) receives 2 values of zone line1-ot');
  });

  it('reports each paths: entry that selects values of a zone that cannot send them to the sink', () => {
    const calc = (t: string) => t
      .replace("      - { name: temperature, type: number, unit: degC }\n", "      - { name: temperature, type: number, unit: degC }\n      - { name: temperature_f, type: number, unit: degF, calc: 'temperature * 1.8 + 32' }\n")
      .replace("config: { url: 'mqtt://127.0.0.1:1883', prefix: 'uns' }", "config: { url: 'mqtt://127.0.0.1:1883', prefix: 'uns' }\n    paths: [acme/springfield/packaging/line1/filler]");
    const { problems } = loadCheckedText(text('', calc), 'plant.yaml');
    // The calculated attribute is the hub's (site-ops -> enterprise-dmz allows it); the bound one is not.
    expect(problems.map((p) => [p.path, p.code])).toEqual([['sinks[0].paths[0]', 'CW_CONFIG_FLOW_DENIED']]);
    expect(problems[0]!.message).toContain('selects 1 value (acme/springfield/packaging/line1/filler/temperature)');
    expect(problems[0]!.hint).toContain('- { from: line1-ot, to: enterprise-dmz, allow: [telemetry] }');
    expect(loadCheckedText(withConduit(text('', calc)), 'plant.yaml').problems).toEqual([]);
  });

  it('names the conduit to extend when one joins the zones without telemetry', () => {
    const commandsOnly = (t: string) => t.replace('conduits:\n', 'conduits:\n  - { from: line1-ot, to: enterprise-dmz, allow: [commands] }\n');
    const { problems } = loadCheckedText(text('', commandsOnly), 'plant.yaml');
    expect(problems[0]!.hint).toContain('Add telemetry to the allow: list of the conduit from line1-ot to enterprise-dmz (allow: [commands, telemetry])');
  });

  it('leaves a sink without paths alone when part of the data reaches it, and lists the rest in the summary', () => {
    const calc = (t: string) => t.replace("      - { name: temperature, type: number, unit: degC }\n", "      - { name: temperature, type: number, unit: degC }\n      - { name: temperature_f, type: number, unit: degF, calc: 'temperature * 1.8 + 32' }\n");
    const { config, problems } = loadCheckedText(text('', calc), 'plant.yaml');
    expect(problems).toEqual([]);
    const summary = describeSinkReach(config!, new Set(['line1-mqtt']));
    expect(summary).toContain('uns (zone enterprise-dmz) receives 1 value of zone site-ops');
    expect(summary).toContain('not the 2 values of zone line1-ot (source line1-mqtt in zone line1-ot): to send them, add under conduits:  - { from: line1-ot, to: enterprise-dmz, allow: [telemetry] }');
  });
});
