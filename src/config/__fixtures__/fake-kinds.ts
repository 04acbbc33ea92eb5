/** A tiny kind registry for config tests: one source kind and one sink kind, built with TypeBox. */
import { Type } from 'typebox';
import type { KindSchemas } from '../kinds.js';

export const testSourceKind = {
  kind: 'test',
  configSchema: Type.Object(
    {
      seed: Type.Optional(Type.Integer({ description: 'Seed of the random generator.' })),
      rateMs: Type.Optional(Type.Integer({ minimum: 10, description: 'How often values change, in ms.' })),
    },
    { additionalProperties: false },
  ),
  tagSchema: Type.Object(
    {
      signal: Type.Union([Type.Literal('sine'), Type.Literal('ramp'), Type.Literal('counter')]),
      period: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    },
    { additionalProperties: false },
  ),
};

export const testSinkKind = {
  kind: 'test-sink',
  configSchema: Type.Object(
    {
      url: Type.String({ description: 'Broker URL, e.g. mqtt://broker:1883.' }),
      username: Type.Optional(Type.String()),
      password: Type.Optional(Type.String()),
      retain: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
};

/** The fake registry the config tests validate against. */
export const FAKE_KINDS: KindSchemas = {
  sources: new Map([[testSourceKind.kind, testSourceKind]]),
  sinks: new Map([[testSinkKind.kind, testSinkKind]]),
};

/** The environment the fixture tests load with. */
export const FIXTURE_ENV: Record<string, string> = {
  MQTT_PASSWORD: 'Sup3r-s3cret-pw',
  MQTT_USER: 'causeway-hub',
  API_PORT: '8080',
  BAD_PORT: 'eighty',
};
