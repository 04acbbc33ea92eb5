import { describe, expect, it } from 'vitest';
import { substituteText } from './env.js';
import { formatProblems } from './problems.js';
import { BASE_YAML, at, load } from './__fixtures__/load-helpers.js';

const SINK = (config: string): string => `${BASE_YAML}sinks:
  - id: uns
    kind: test-sink
    zone: ops
    config:
${config}`;

describe('substituteText', () => {
  const env = { HOST: 'broker', PORT: '1883' };
  it('replaces present variables, keeps escaped ones literal', () => {
    const problems: string[] = [];
    const r = substituteText('mqtt://${HOST}:${PORT} costs $${PRICE}', env, (k, t) => problems.push(`${k} ${t}`));
    expect(r.text).toBe('mqtt://broker:1883 costs ${PRICE}');
    expect(r.used).toEqual(['broker', '1883']);
    expect(problems).toEqual([]);
  });
  it('reports missing and malformed references and leaves them as written', () => {
    const problems: string[] = [];
    const r = substituteText('${NOPE}/${bad-name}/${OPEN', env, (k, t) => problems.push(`${k} ${t}`));
    expect(r.text).toBe('${NOPE}/${bad-name}/${OPEN');
    expect(problems).toEqual(['missing ${NOPE}', 'malformed ${bad-name}', 'malformed ${']);
  });
});

describe('env substitution in a config', () => {
  it('uses the value in the loaded config', () => {
    const r = load(SINK('      url: mqtt://${HOST}:1883\n      password: ${PW}\n'), { HOST: 'broker', PW: 'hunter2-secret' });
    expect(r.problems).toEqual([]);
    expect(r.config?.sinks?.[0]?.config).toEqual({ url: 'mqtt://broker:1883', password: 'hunter2-secret' });
  });

  it('reports a missing variable at the exact line and column of ${', () => {
    const r = load(SINK('      url: mqtt://${MQTT_HOST}:1883\n'));
    const [p] = at(r, 'sinks[0].config.url');
    expect(p).toMatchObject({ code: 'CW_CONFIG_ENV_MISSING', line: 19, column: 19 });
    expect(p!.message).toBe('The environment variable MQTT_HOST is used in the config but is not set.');
    expect(r.config).toBeUndefined();
  });

  it('finds the column inside a quoted string too', () => {
    const r = load(SINK('      url: "mqtt://${A}:${B}"\n'), { A: 'x' });
    expect(at(r, 'sinks[0].config.url')).toMatchObject([{ code: 'CW_CONFIG_ENV_MISSING', line: 19, column: 25 }]);
  });

  it('keeps $${NAME} literal without needing the variable', () => {
    const r = load(SINK('      url: mqtt://broker\n      password: "$${NOT_A_VAR}"\n'));
    expect(r.problems).toEqual([]);
    expect(r.config?.sinks?.[0]?.config?.password).toBe('${NOT_A_VAR}');
  });

  it('turns a variable into the number or boolean the schema expects', () => {
    const r = load(`${BASE_YAML}api:\n  port: \${PORT}\nsinks:\n  - { id: uns, kind: test-sink, zone: ops, config: { url: x, retain: "\${RETAIN}" } }\n`, { PORT: '8080', RETAIN: 'true' });
    expect(r.problems).toEqual([]);
    expect(r.config?.api?.port).toBe(8080);
    expect(r.config?.sinks?.[0]?.config?.retain).toBe(true);
  });

  it('never prints a substituted value in any problem', () => {
    const secret = 'Sup3r-s3cret-pw';
    const r = load(
      `${BASE_YAML}api:\n  port: \${SECRET}\n  host: \${SECRET}x\nsinks:\n  - id: \${SECRET}\n    kind: \${SECRET}\n    zone: \${SECRET}\n    config: { url: "\${SECRET}" }\n`,
      { SECRET: secret },
    );
    expect(r.problems.length).toBeGreaterThanOrEqual(3);
    const text = formatProblems(r.problems);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('s3cret');
    expect(at(r, 'api.port')[0]!.message).toBe('Expected a whole number, found "${SECRET}" (from the environment).');
    expect(at(r, 'sinks[0].kind')[0]!.message).toContain('"${SECRET}" (from the environment)');
  });

  it('explains that ${NAME} must be quoted inside a flow mapping', () => {
    const r = load(SINK('      url: mqtt://broker\n      other: { password: ${PW} }\n'), { PW: 'secret-value' });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'CW_CONFIG_YAML_SYNTAX', line: 20, hint: 'Inside { } or [ ], quote ${NAME} references: "${NAME}".' });
    expect(r.problems[0]!.message).toMatch(/more errors? follow on this line\)\.$/);
  });

  it('substitutes inside anchors and inline merges', () => {
    const r = load(SINK('      <<: { url: "${HOST}" }\n      password: &pw "${PW}"\n      username: *pw\n'), { HOST: 'broker', PW: 'pw-value' });
    expect(r.problems).toEqual([]);
    expect(r.config?.sinks?.[0]?.config).toEqual({ url: 'broker', password: 'pw-value', username: 'pw-value' });
  });

  it('reports a malformed reference', () => {
    const r = load(SINK('      url: mqtt://${mqtt host}\n'));
    expect(at(r, 'sinks[0].config.url')).toMatchObject([{ code: 'CW_CONFIG_ENV_SYNTAX', line: 19, column: 19 }]);
  });
});
