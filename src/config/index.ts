/** The config API: load and check a hub config, describe its zones, export its JSON Schema. */
export { loadConfigFile, loadConfigText, configOrThrow, type LoadOptions, type LoadResult } from './load.js';
export { CONFIG_PROBLEM_CODES, formatProblem, formatProblems, sortProblems, type ConfigProblem, type ConfigProblemCode } from './problems.js';
export { kindSchemasOf, type KindSchemas } from './kinds.js';
export { describeZoneGraph } from './zone-graph.js';
export { buildJsonSchema, JSON_SCHEMA_DRAFT } from './json-schema.js';
export { checkSemantics } from './semantic.js';
export { ProblemCollector, type ProblemContext } from './collector.js';
export { substituteText, type Env } from './env.js';
export { editDistance, closest } from './suggest.js';
export * from './schema.js';
