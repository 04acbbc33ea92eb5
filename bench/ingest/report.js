/** The ingest benchmark's tables and summary, in Markdown. */
import { si, table } from '../historian/report.js';

const NAMES = { mosquitto: 'Mosquitto alone', nodered: 'Node-RED', causeway: 'Causeway' };
const pct = (part, whole) => (whole > 0 ? `${(Math.floor((part / whole) * 1000) / 10).toFixed(1)} %` : '—');
const mb = (b) => (b ? `${Math.round(b / 2 ** 20)}` : '—');
const msf = (x) => (x === undefined ? '—' : x >= 100 ? `${Math.round(x)}` : x.toFixed(1));
const join = (xs) => xs.join(' · ');
/** Stored share, duplicates, and what still waited in the ingest spool when the hub was stopped. */
const storedCell = (stored, expected, dups, inSpool) => `${pct(stored, expected)}${dups ? ` (+${dups} dup)` : ''}${inSpool ? `, ${si(inSpool)} in spool at stop` : ''}`;

/** A run holds the rate: the generator kept up, nothing lost or late, and (Causeway) everything stored. */
export function lossless(r, rate) {
  if (!r || r.error) return false;
  const keptUp = r.achieved >= rate * 0.95;
  const stored = r.stored === undefined || r.stored === r.sent;
  return keptUp && r.distinct === r.sent && r.onTime === r.sent && stored;
}

/** One table for one QoS: a row per rate, the systems side by side. */
export function mqttTable(rows, systems) {
  const cell = (r, f) => (!r ? '—' : r.error ? 'failed' : f(r));
  const header = ['offered msg/s', 'generator sent/s', ...systems.map((s) => `${NAMES[s]} on time / arrived`), 'Causeway stored', 'p50 / p99 ms', 'CPU % of a core', 'peak RSS MB', 'broker CPU %'];
  const body = rows.map(({ rate, results }) => {
    const all = systems.map((s) => results[s]);
    const cw = results.causeway;
    const errors = systems.filter((s) => results[s]?.error).map((s) => `${NAMES[s]}: ${results[s].error}`);
    const gen = all.filter((r) => r && !r.error).map((r) => si(r.achieved));
    return [
      si(rate),
      join(gen),
      ...all.map((r) => cell(r, (x) => `${pct(x.onTime, x.sent)} / ${pct(x.distinct, x.sent)}${x.duplicates ? ` (+${x.duplicates} dup)` : ''}`)),
      cell(cw, (x) => storedCell(x.stored, x.sent, x.storedDuplicates, x.spooled)),
      join(all.map((r) => cell(r, (x) => `${msf(x.p50)}/${msf(x.p99)}`))),
      join(all.map((r) => cell(r, (x) => Math.round(x.cpuPct)))),
      join(all.map((r) => cell(r, (x) => mb(x.peakRss)))),
      join(all.map((r) => cell(r, (x) => Math.round(x.brokerCpuPct)))) + (errors.length ? ` — ${errors.join('; ')}` : ''),
    ];
  });
  return table(header, body);
}

/** Highest rate each system held losslessly at this QoS, and the ratios. */
export function mqttSummary(rows, systems, qos) {
  const best = {};
  for (const s of systems) {
    const held = rows.filter((r) => lossless(r.results[s], r.rate)).map((r) => r.rate);
    best[s] = held.length ? Math.max(...held) : 0;
  }
  const say = (s) => (best[s] ? `${si(best[s])} msg/s` : `none of the rates (< ${si(rows[0]?.rate ?? 0)} msg/s)`);
  const ratio = (a, b) => (best[a] && best[b] ? `${(best[a] / best[b]).toFixed(2)}` : '—');
  const parts = systems.map((s) => `${NAMES[s]} ${say(s)}`);
  const ratios = [systems.includes('nodered') ? `Causeway / Node-RED ${ratio('causeway', 'nodered')}` : undefined, `Causeway / Mosquitto alone ${ratio('causeway', 'mosquitto')}`].filter(Boolean);
  const idle = systems.map((s) => rows.find((r) => r.results[s]?.idleRss)?.results[s].idleRss).map(mb);
  return `QoS ${qos} — highest rate with nothing lost or late (and, for Causeway, everything stored): ${parts.join(', ')}; ${ratios.join(', ')}. Idle RSS after start (MB): ${join(idle)}.`;
}

/** The Sparkplug table: a row per rate in values/s, then the duplicates found, if any. */
export function sparkplugTable(rows) {
  const dups = rows.filter((r) => r.duplicateExamples?.length).map((r) => `At ${si(r.rate)} values/s some values were stored twice, e.g. (path, message number) ${r.duplicateExamples.join(', ')}.`);
  return [sparkplugRows(rows), ...dups].join('\n\n');
}

function sparkplugRows(rows) {
  return table(['offered values/s', 'generator sent values/s', 'stored', 'hub caught up', 'Causeway CPU %', 'peak RSS MB', 'broker CPU %'], rows.map((r) => r.error
    ? [si(r.rate), 'failed', r.error, '', '', '', '']
    : [si(r.rate), si(r.achieved), storedCell(r.stored, r.expected, r.storedDuplicates, r.inSpool), r.caughtUpS === undefined ? `no (within ${r.drainS} s)` : `${r.caughtUpS.toFixed(1)} s after the load`, Math.round(r.cpuPct), mb(r.peakRss), Math.round(r.brokerCpuPct)]));
}

/** The HTTP push table: a row per number of concurrent clients. */
export function httpTable(rows) {
  return table(['clients × batch', 'accepted samples/s', 'requests 200 / 503 (Retry-After) / other', 'request p50 / p99 ms', 'accepted = stored', 'Causeway CPU %', 'peak RSS MB'], rows.map((r) => r.error
    ? [`${r.clients} × ${r.batch}`, 'failed', r.error, '', '', '', '']
    : [`${r.clients} × ${r.batch}`, si(r.accepted / r.seconds), `${r.ok} / ${r.busy} (${r.retryAfter}) / ${r.other}`, `${msf(r.p50)} / ${msf(r.p99)}`, r.stored === r.accepted && r.storedDuplicates === 0 ? `yes (${r.stored.toLocaleString('en-US')})` : `no: accepted ${r.accepted}, stored ${r.stored}${r.storedDuplicates ? ` (+${r.storedDuplicates} dup)` : ''}${r.inSpool ? `, ${r.inSpool} in spool at stop` : ''}`, Math.round(r.cpuPct), mb(r.peakRss)]));
}
