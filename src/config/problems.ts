/** Config problems: one per thing to fix, each with its file, line, column and key path, reported all at once. */

/** Every code a config problem can carry, with what it means. */
export const CONFIG_PROBLEM_CODES = {
  CW_CONFIG_NOT_FOUND: 'The config file cannot be read.',
  CW_CONFIG_YAML_SYNTAX: 'The file is not valid YAML (indentation, quotes, brackets, duplicate keys, unknown tags).',
  CW_CONFIG_ENV_MISSING: 'A ${NAME} reference names an environment variable that is not set.',
  CW_CONFIG_ENV_SYNTAX: 'A ${…} reference is not closed or does not hold a variable name.',
  CW_CONFIG_SCHEMA: 'A value has the wrong type or form, or a required key is missing.',
  CW_CONFIG_UNKNOWN_KEY: 'A key that is not part of the config (often a typo).',
  CW_CONFIG_UNKNOWN_KIND: 'A source or sink kind this build does not have.',
  CW_CONFIG_UNKNOWN_REF: 'A reference to a zone, template, source, tag or attribute that is not defined.',
  CW_CONFIG_DUPLICATE_ID: 'The same id (or asset path) is defined twice.',
  CW_CONFIG_INVALID_PATH: 'A namespace path or raw tag reference is not well formed.',
  CW_CONFIG_TEMPLATE_CYCLE: 'Templates extend each other in a circle.',
  CW_CONFIG_FLOW_DENIED: 'A telemetry flow that no conduit allows (default deny).',
  CW_CONFIG_TLS_REQUIRED: 'A link that crosses a conduit with require: { tls: true } but does not encrypt.',
  CW_CONFIG_CONFLICT: 'Settings that contradict each other (deadband percent and absolute, min above max).',
  CW_CONFIG_UNKNOWN_UNIT: 'A tag or attribute unit that is neither a unit of the units library, a plant count unit, nor listed under site.units (often a typo).',
  CW_CONFIG_UNIT_INCOMPATIBLE: "A source tag's unit cannot be converted to the unit of the attribute it is bound to.",
  CW_CONFIG_BROKER_ACL: "A broker user's topic filter is malformed, grants what only the hub or an admin may do (Sparkplug commands, $SYS, the unified namespace), or the hub's own sink could not publish.",
  CW_CONFIG_CALC_CYCLE: 'Calculated attributes read each other in a circle.',
  CW_EXPR_SYNTAX: 'A calculation (calc:) is not a valid expression, or names an attribute the way the language does not allow.',
  CW_EXPR_LIMIT: 'A calculation (calc:) is longer or deeper than the expression language allows.',
} as const;

/** One of the codes in CONFIG_PROBLEM_CODES. */
export type ConfigProblemCode = keyof typeof CONFIG_PROBLEM_CODES;

/** One thing to fix in a config, located at the offending key or value. */
export interface ConfigProblem {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Key path such as `sources[0].tags[2].scale`; empty for the whole file. */
  path: string;
  code: ConfigProblemCode;
  /** The operator sentence: what is wrong. */
  message: string;
  /** What to do next. */
  hint: string;
}

/** Problems in reading order: by file, line, column, then key path and code. */
export function sortProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.path.localeCompare(b.path) || a.code.localeCompare(b.code),
  );
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** One problem as one greppable line: `file:line:col  path  message  → hint  [CODE]`. */
export function formatProblem(p: ConfigProblem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const path = p.path === '' ? '' : `${p.path}  `;
  return `${where}  ${path}${oneLine(p.message)}  → ${oneLine(p.hint)}  [${p.code}]`;
}

/** Every problem, one line each, sorted by position; an empty string when there are none. */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  return sortProblems(problems).map(formatProblem).join('\n');
}
