/** Printing for the historian benchmark: a progress line on stderr and the one result table. */

const tty = process.stderr.isTTY === true;
let lastDraw = 0;

/** Show how far a long phase got: one line redrawn in place on a terminal, else a line every 10 s. */
export function progress(text, force = false) {
  const now = Date.now();
  if (!force && now - lastDraw < (tty ? 200 : 10_000)) return;
  lastDraw = now;
  process.stderr.write(tty ? `\r${text}\x1b[K` : `${text}\n`);
}

/** Say what a phase is doing (a new line, ending any progress line). */
export function phase(text) {
  if (tty) process.stderr.write('\r\x1b[K');
  process.stderr.write(`${text}\n`);
  lastDraw = 0;
}

/** 1234567 -> "1.23 M", 45678 -> "45.7 k". */
export function si(n) {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)} k`;
  return String(Math.round(n));
}

/** Milliseconds with a sensible number of digits. */
export function ms(x) {
  return x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`;
}

/** The value at quantile q (0..1) of numbers, by the nearest-rank method. */
export function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** A Markdown table with padded columns, so it reads the same in a terminal and in the README. */
export function table(columns, rows) {
  const all = [columns, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const widths = columns.map((_, i) => Math.max(3, ...all.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(all[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...all.slice(1).map(line)].join('\n');
}
