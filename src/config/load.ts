/** Load a hub config: YAML with positions, `${NAME}` substitution, schema, kind schemas and semantic checks. */
import { readFile } from 'node:fs/promises';
import { CausewayError, ERROR_CATALOGUE, detailOf } from '../core/errors.js';
import { HubConfigSchema, type HubConfig } from './schema.js';
import { substituteEnv, type Env } from './env.js';
import { checkKinds, fillOptionalTags } from './check-kinds.js';
import { checkConduitTls } from './semantic-tls.js';
import { checkSemantics } from './semantic.js';
import { validateTarget } from './validate.js';
import { parseYamlSource } from './yaml-source.js';
import { formatProblems, sortProblems, type ConfigProblem } from './problems.js';
import type { KindSchemas } from './kinds.js';
import type { ProblemContext } from './collector.js';

/** What loading needs besides the text: the known kinds and the environment. */
export interface LoadOptions {
  /** The source and sink kinds this build knows. */
  kinds: KindSchemas;
  /** Where `${NAME}` is looked up; `process.env` when absent. */
  env?: Env;
  /**
   * Checks of the whole, typed config that need more than config/ may import (the namespace model):
   * run only when every other check passed, reporting located problems like the others.
   */
  checkConfig?: (config: HubConfig, ctx: ProblemContext) => void;
}

/** The checked config (only when there is no problem), and every problem found. */
export interface LoadResult {
  config?: HubConfig;
  problems: ConfigProblem[];
}

/** Values shorter than this are too common to scrub from text without garbling it. */
const MIN_SECRET_LENGTH = 4;

/** Belt and braces: no value taken from the environment may appear in a problem, whatever check wrote it. */
function scrub(problems: ConfigProblem[], secrets: readonly string[]): ConfigProblem[] {
  const long = [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  if (long.length === 0) return problems;
  const clean = (text: string): string => long.reduce((t, s) => t.split(s).join('***'), text);
  return problems.map((p) => ({ ...p, path: clean(p.path), message: clean(p.message), hint: clean(p.hint) }));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Check config text; `file` names it in problems. The config is returned, frozen, only when nothing is wrong. */
export function loadConfigText(text: string, file: string, opts: LoadOptions): LoadResult {
  const { doc, collector, broken } = parseYamlSource(text, file);
  if (broken) return { problems: sortProblems(collector.problems) };
  if (doc.contents === null) {
    collector.report([], 'CW_CONFIG_SCHEMA', 'The config is empty.', 'Write at least site: (enterprise, name, hubZone) and zones:.');
    return { problems: collector.problems };
  }
  const secrets = substituteEnv(doc, text, opts.env ?? process.env, collector);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    collector.report([], 'CW_CONFIG_YAML_SYNTAX', `The YAML cannot be read: ${detailOf(e)}.`, 'Use fewer aliases (*name); each one repeats its anchor.');
    return { problems: collector.problems };
  }
  fillOptionalTags(data, opts.kinds, collector);
  validateTarget({ schema: HubConfigSchema, base: [], read: () => data }, data, collector);
  checkKinds(data, opts.kinds, collector);
  // A value the schema already rejects is not reported again by the semantic checks.
  const schemaPaths = new Set(collector.problems.map((p) => p.path));
  const before = collector.problems.length;
  checkSemantics(data, collector);
  checkConduitTls(data, opts.kinds, collector);
  const semantic = collector.problems.slice(before).filter((p) => !schemaPaths.has(p.path));
  let problems = sortProblems(scrub([...collector.problems.slice(0, before), ...semantic], secrets));
  if (problems.length === 0 && opts.checkConfig) {
    opts.checkConfig(data as HubConfig, collector);
    problems = sortProblems(scrub(collector.problems, secrets));
  }
  return problems.length > 0 ? { problems } : { config: deepFreeze(data as HubConfig), problems: [] };
}

/** Read and check a config file; a file that cannot be read is one CW_CONFIG_NOT_FOUND problem. */
export async function loadConfigFile(file: string, opts: LoadOptions): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const entry = ERROR_CATALOGUE.CW_CONFIG_NOT_FOUND;
    const reason = (e as { code?: unknown }).code;
    const message = `${entry.message({ file }).replace(/\.$/, '')}${typeof reason === 'string' ? ` (${reason})` : ''}.`;
    return { problems: [{ file, line: 1, column: 1, path: '', code: 'CW_CONFIG_NOT_FOUND', message, hint: entry.hint({ file }) }] };
  }
  return loadConfigText(text, file, opts);
}

/** The config of a load result, or a CW_CONFIG_INVALID error whose detail lists every problem. */
export function configOrThrow(result: LoadResult, file: string): HubConfig {
  if (result.config && result.problems.length === 0) return result.config;
  if (result.problems.length === 1 && result.problems[0]!.code === 'CW_CONFIG_NOT_FOUND') {
    throw new CausewayError('CW_CONFIG_NOT_FOUND', { file }, { detail: formatProblems(result.problems) });
  }
  throw new CausewayError('CW_CONFIG_INVALID', { file, count: result.problems.length }, { detail: formatProblems(result.problems) });
}
