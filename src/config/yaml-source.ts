/** Parse YAML keeping node positions; every syntax error becomes a located problem. */
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { ProblemCollector } from './collector.js';

/** A parsed config document, with the collector that maps its nodes to line:column. */
export interface YamlSource {
  doc: Document;
  collector: ProblemCollector;
  /** True when the YAML itself is broken; the content is then not checked further. */
  broken: boolean;
}

const YAML_HINTS: Record<string, string> = {
  BAD_INDENT: 'Check the indentation here: entries of one list or mapping line up, nested ones are indented further.',
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  MISSING_CHAR: 'Add the missing character: a closing quote or bracket, or the "- " that starts a list item.',
  DUPLICATE_KEY: 'Remove one of the two keys, or rename it.',
  MULTIPLE_DOCS: 'Keep one YAML document per config file (remove the extra ---).',
  TAG_RESOLVE_FAILED: 'Remove the !tag; the config uses plain YAML values.',
  BAD_ALIAS: 'Define the anchor (&name) before using it (*name).',
  MULTILINE_IMPLICIT_KEY: 'Put the key and its colon on one line, or quote the value.',
  BLOCK_AS_IMPLICIT_KEY: 'Put a colon after the key, or check the indentation of the line above.',
};
const DEFAULT_HINT = 'Fix the YAML syntax at this spot; quoting a value that contains ":" or "#" often helps.';

function firstLine(message: string): string {
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  return /[.!?]$/.test(line) ? line : `${line}.`;
}

/** Hint for a YAML error; a `${…}` on the spot inside { } or [ ] is the usual cause there. */
function hintFor(e: YAMLError, text: string, lineText: string): string {
  if (lineText.includes('${') && /[{[]/.test(lineText)) return 'Inside { } or [ ], quote ${NAME} references: "${NAME}".';
  return YAML_HINTS[e.code] ?? DEFAULT_HINT;
}

/** Report the first error of each line; the parser often follows one mistake with a cascade on the same line. */
function reportYamlErrors(collector: ProblemCollector, errors: readonly YAMLError[], text: string, lines: LineCounter): void {
  const byLine = new Map<number, YAMLError[]>();
  for (const e of errors) {
    const line = lines.linePos(e.pos[0]).line;
    byLine.set(line, [...(byLine.get(line) ?? []), e]);
  }
  for (const [line, group] of byLine) {
    const e = group[0]!;
    const start = lines.lineStarts[line - 1] ?? 0;
    const lineText = text.slice(start, text.indexOf('\n', start) === -1 ? undefined : text.indexOf('\n', start));
    const more = group.length > 1 ? ` (${group.length - 1} more error${group.length > 2 ? 's' : ''} follow on this line)` : '';
    const message = firstLine(e.message).replace(/\.$/, `${more}.`);
    collector.reportAt(e.pos[0], [], 'CW_CONFIG_YAML_SYNTAX', message, hintFor(e, text, lineText));
  }
}

/** Parse `text` as one YAML document; syntax errors and warnings are reported, all of them. */
export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: true });
  const collector = new ProblemCollector(file, doc, lineCounter);
  // Warnings (unknown !tags, …) change what a value means, so they stop the config too.
  reportYamlErrors(collector, [...doc.errors, ...doc.warnings], text, lineCounter);
  return { doc, collector, broken: collector.problems.length > 0 };
}
