import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildJsonSchema } from './json-schema.js';
import { loadConfigText } from './load.js';
import { FAKE_KINDS, FIXTURE_ENV } from './__fixtures__/fake-kinds.js';

/** A JSON document walked loosely. */
type Obj = Record<string, any>;

const schema = buildJsonSchema(FAKE_KINDS) as Obj;
const validConfig = (): Obj => {
  const text = readFileSync(new URL('./__fixtures__/valid/config.yaml', import.meta.url), 'utf8');
  return structuredClone(loadConfigText(text, 'config.yaml', { kinds: FAKE_KINDS, env: FIXTURE_ENV }).config) as Obj;
};

describe('buildJsonSchema', () => {
  it('is plain JSON with $schema and title', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toBe('Causeway hub configuration');
    expect(JSON.stringify(schema)).not.toMatch(/"~/);
  });

  it('offers one source variant per kind, with the kind config and common + kind tag keys', () => {
    const [variant] = schema.properties.sources.items.anyOf as Obj[];
    expect(variant!.properties.kind.const).toBe('test');
    expect(Object.keys(variant!.properties.config.properties)).toEqual(['seed', 'rateMs']);
    const tag = variant!.properties.tags.items;
    expect(Object.keys(tag.properties)).toEqual(expect.arrayContaining(['id', 'type', 'scale', 'deadband', 'signal', 'period']));
    expect(tag.required).toEqual(['id', 'signal']);
    const [sink] = schema.properties.sinks.items.anyOf as Obj[];
    expect(sink!.properties.kind.const).toBe('test-sink');
    expect(sink!.required).toContain('config'); // the sink kind requires url
  });

  it('accepts the valid fixture and rejects what the loader rejects (checked with Ajv)', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(validConfig()), JSON.stringify(validate.errors)).toBe(true);

    const badTag = validConfig();
    badTag.sources[0].tags[0].sigal = 'sine';
    expect(validate(badTag)).toBe(false);

    const badKind = validConfig();
    badKind.sources[0].kind = 'nope';
    expect(validate(badKind)).toBe(false);

    const badSink = validConfig();
    delete badSink.sinks[0].config.url;
    expect(validate(badSink)).toBe(false);
  });

  it('is accepted by Ajv in strict mode (no unknown keywords)', () => {
    expect(() => new Ajv({ strict: true }).compile(schema)).not.toThrow();
  });

  it('keeps the generic entries when no kinds are known', () => {
    const bare = buildJsonSchema({ sources: new Map(), sinks: new Map() }) as Obj;
    expect(bare.properties.sources.items.properties.kind.type).toBe('string');
  });
});
