/**
 * Tag templates: `{line}_{machine}_temp` builds a tag id from topic captures. Capture values are
 * sanitized to the path alphabet as the Sparkplug source does (each run of other characters
 * becomes one "_", leading and trailing "_" trimmed); an id that is empty or longer than 64
 * characters is refused.
 */

export interface TagTemplate {
  readonly text: string;
  readonly parts: ReadonlyArray<{ readonly text: string } | { readonly capture: string }>;
}

const ID_CHARS = /^[A-Za-z0-9_-]*$/;
export const MAX_TAG_ID_LENGTH = 64;

/** Parse a template against the captures its topic filter offers; a string is the problem. */
export function parseTemplate(text: string, captures: readonly string[]): TagTemplate | string {
  if (text === '') return 'the tag template is empty';
  const parts: Array<{ text: string } | { capture: string }> = [];
  const re = /\{([^{}]*)\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    const name = m[1]!;
    if (!captures.includes(name)) {
      const known = captures.length > 0 ? `; the topic captures ${captures.map((c) => `{${c}}`).join(', ')}` : '; the topic has no named captures (+name)';
      return `the tag template "${text}" uses {${name}}, which the topic does not capture${known}`;
    }
    parts.push({ capture: name });
    last = re.lastIndex;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  for (const p of parts) {
    if ('text' in p && !ID_CHARS.test(p.text)) return `the tag template "${text}" has characters other than letters, digits, "_", "-" and {capture}`;
  }
  return { text, parts };
}

/** A capture value in the path alphabet: `Line 1` -> `Line_1`, `Temp (°C)` -> `Temp_C`; empty stays empty. */
export function sanitizeId(raw: string): string {
  const s = raw.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/_+/g, '_');
  const trimmed = s.replace(/^_+|_+$/g, '');
  return trimmed === '' && s !== '' ? '_' : trimmed;
}

/** The tag id for these captures, or the problem with it. */
export function renderTag(template: TagTemplate, captures: Readonly<Record<string, string>>): { id: string } | { problem: string } {
  let id = '';
  for (const p of template.parts) id += 'text' in p ? p.text : sanitizeId(captures[p.capture] ?? '');
  if (id === '') return { problem: `the tag template "${template.text}" gives an empty tag id` };
  if (id.length > MAX_TAG_ID_LENGTH) return { problem: `the tag id "${id.slice(0, 20)}…" is longer than ${MAX_TAG_ID_LENGTH} characters` };
  return { id };
}
