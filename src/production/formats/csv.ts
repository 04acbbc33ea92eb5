/**
 * Work orders from CSV (pure), RFC 4180: a header row naming the fields, quoted fields with ""
 * for a quote, CRLF or LF; a UTF-8 byte order mark and a ";" delimiter (spreadsheets set to a
 * comma decimal) are recognised. Each data row becomes one record for validation.
 */

/** The rows of a CSV text, each an array of fields. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = () => {
    row.push(fieldText);
    fieldText = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        fieldText += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else fieldText += ch;
    } else if (ch === '"' && fieldText === '') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else fieldText += ch;
  }
  if (fieldText !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
}

/** ";" when the header has semicolons and no commas, else ",". */
export function delimiterOf(text: string): ',' | ';' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/** One record per data row, keyed by the header's lower-case names; a row with a wrong field count carries its problem. */
export function csvRecords(text: string, name: string): Array<{ ref: string; raw: Record<string, string> | undefined; problem?: string }> {
  const [header, ...rows] = parseCsv(text, delimiterOf(text));
  if (!header) return [];
  const keys = header.map((h) => h.trim().toLowerCase());
  return rows.map((cells, i) => {
    const ref = `${name} row ${i + 2}`;
    if (cells.length !== keys.length) return { ref, raw: undefined, problem: `the row has ${cells.length} fields, the header ${keys.length}` };
    return { ref, raw: Object.fromEntries(keys.map((k, j) => [k, cells[j]!.trim()])) };
  });
}

/** Quote a CSV field when it needs it. */
export function csvField(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
