/**
 * The README's shell blocks, read the way a user reads them: each ```sh / ```bash / ```shell block
 * under its section heading, split into commands (a command runs on as long as bash says it is not
 * complete: a trailing backslash, an open quote, a function body), each with the `# …` comment lines
 * right under it (its answer, as the README shows it). A block the doc test cannot run carries an
 * HTML comment right before it: `<!-- doc-test: skip — why -->` or `<!-- doc-test: covered by
 * test/x.test.ts -->`; anything else about marks is a problem.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A block the doc test does not run, and why. */
export interface Mark {
  kind: 'skip' | 'covered';
  /** The reason (skip) or the test file that runs it (covered). */
  text: string;
}

/** One command of a block, with the answer the README shows under it. */
export interface Step {
  /** The command as written, continuation lines included. */
  command: string;
  /** The `# …` lines right under it, without the `#`. */
  answer: string[];
  /** README line of the command's first line (1-based). */
  line: number;
}

export interface ShellBlock {
  /** README line of the opening fence (1-based). */
  line: number;
  /** The heading the block is under. */
  section: string;
  mark?: Mark;
  steps: Step[];
}

export interface ParsedReadme {
  blocks: ShellBlock[];
  /** Marks that are malformed, stale or point nowhere; shell commands in untagged blocks. */
  problems: string[];
}

const SHELL = new Set(['sh', 'bash', 'shell']);
const MARK = /^\s*<!--\s*doc-test:\s*(.*?)\s*-->\s*$/;
const FENCE = /^(\s*)(```+)\s*([\w+-]*)\s*$/;

/** True when bash reads `text` as complete commands (no open quote, brace or continuation). */
export function isComplete(text: string): boolean {
  if (/\\\s*$/.test(text) || /(\||&&)\s*$/.test(text)) return false;
  // A placeholder such as <pid> reads as a redirection to bash: check the command with a word in its place.
  const input = text.replace(/<[a-z][\w -]*>/gi, 'PLACEHOLDER');
  return spawnSync('bash', ['-n'], { input: `${input}\n`, encoding: 'utf8' }).status === 0;
}

/** A doc-test mark's text as a Mark, or a problem. */
function parseMark(text: string, root: string): Mark | string {
  const skip = /^skip\s*[—:-]\s*(.+)$/.exec(text);
  if (skip) return skip[1]!.trim().length >= 10 ? { kind: 'skip', text: skip[1]!.trim() } : `"skip" needs a reason a reader can check: "${text}"`;
  const covered = /^covered by\s+(\S+)/.exec(text);
  if (covered) {
    const file = covered[1]!;
    return existsSync(join(root, file)) ? { kind: 'covered', text: file } : `"covered by ${file}": there is no such file`;
  }
  return `a doc-test mark is "skip — <why>" or "covered by <test file>", not "${text}"`;
}

/** Split a block's lines into commands and their answers. */
export function splitSteps(lines: readonly string[], firstLine: number): Step[] {
  const steps: Step[] = [];
  let pending: { lines: string[]; line: number } | undefined;
  let last: Step | undefined;
  lines.forEach((text, i) => {
    if (pending) {
      pending.lines.push(text);
    } else if (text.trim() === '') {
      last = undefined;
      return;
    } else if (/^\s*#/.test(text)) {
      if (last) last.answer.push(text.replace(/^\s*#\s?/, ''));
      return;
    } else {
      pending = { lines: [text], line: firstLine + i };
    }
    if (isComplete(pending.lines.join('\n'))) {
      last = { command: pending.lines.join('\n'), answer: [], line: pending.line };
      steps.push(last);
      pending = undefined;
    }
  });
  if (pending) steps.push({ command: pending.lines.join('\n'), answer: [], line: pending.line });
  return steps;
}

/** Every shell block of `markdown` (a README in `root`), with the problems of its marks. */
export function parseReadme(markdown: string, root: string): ParsedReadme {
  const lines = markdown.split('\n');
  const blocks: ShellBlock[] = [];
  const problems: string[] = [];
  let section = '(top)';
  let pendingMark: { text: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const fence = FENCE.exec(text);
    if (!fence) {
      const heading = /^#{1,6}\s+(.+)$/.exec(text);
      if (heading) section = heading[1]!.trim();
      const mark = MARK.exec(text);
      if (pendingMark && text.trim() !== '') problems.push(`README line ${pendingMark.line}: the doc-test mark is not right before a shell block`);
      if (pendingMark && text.trim() !== '') pendingMark = undefined;
      if (mark) pendingMark = { text: mark[1]!, line: i + 1 };
      continue;
    }
    const [, indent, ticks, lang] = fence;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !(lines[j]!.trim() === ticks && lines[j]!.startsWith(indent!)); j++) body.push(lines[j]!.slice(Math.min(indent!.length, /^\s*/.exec(lines[j]!)![0].length)));
    const opened = i + 1;
    i = j;
    if (!SHELL.has(lang!)) {
      if (pendingMark) problems.push(`README line ${pendingMark.line}: the doc-test mark is before a ${lang || 'untagged'} block, not a shell block`);
      pendingMark = undefined;
      if (lang === '' && body.some((l) => /^\s*(curl|npx|npm|node|mosquitto_\w+)\s/.test(l))) problems.push(`README line ${opened}: an untagged block holds shell commands: tag it \`\`\`sh so the doc test runs it`);
      continue;
    }
    const block: ShellBlock = { line: opened, section, steps: splitSteps(body, opened + 1) };
    if (pendingMark) {
      const mark = parseMark(pendingMark.text, root);
      if (typeof mark === 'string') problems.push(`README line ${pendingMark.line}: ${mark}`);
      else block.mark = mark;
      pendingMark = undefined;
    }
    blocks.push(block);
  }
  return { blocks, problems };
}

/** `command` without its trailing `# …` comments (quotes respected), for placeholder checks. */
export function withoutComments(command: string): string {
  return command.split('\n').map((line) => {
    let quote: string | undefined;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (c === quote) quote = undefined;
        else if (c === '\\' && quote === '"') i++;
      } else if (c === "'" || c === '"') {
        quote = c;
      } else if (c === '\\') {
        i++;
      } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
        return line.slice(0, i).trimEnd();
      }
    }
    return line;
  }).join('\n');
}
