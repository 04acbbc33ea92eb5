/**
 * HTTP push: N concurrent clients POST batches to an http-push source as fast as the hub answers
 * (closed loop), for each N of `cfg.httpClients`. Counted: requests answered 200, 503 (with or
 * without Retry-After) and anything else; then, after the hub stopped, whether every accepted
 * sample is in the historian by (tag, seq) — accepted = stored. Historian only (no UNS sink).
 */
import path from 'node:path';
import { httpHubConfig, PUSH_TOKEN, readStored, spooled, startHub, tagName, TAGS, waitCaughtUp } from './hub.js';
import { ProcWatch } from './procs.js';
import { startGenerators } from './rig.js';
import { Tally } from './tally.js';

async function runOne(dir, cfg, clients) {
  const hub = await startHub(path.join(dir, 'hub'), httpHubConfig());
  let gens;
  try {
    gens = await startGenerators('http-load.js', 1, () => ({ url: hub.url, source: 'push', token: PUSH_TOKEN, clients, batch: cfg.httpBatch, seconds: cfg.seconds, tags: TAGS }));
    const watch = new ProcWatch([hub.pid]);
    const t0 = Date.now();
    watch.start();
    const [done] = await gens.run(cfg.seconds);
    const usage = watch.stop();
    await waitCaughtUp(hub, cfg.drainSeconds * 1000);
    const inSpool = await spooled(hub).catch(() => undefined);
    await hub.stop();
    const stored = new Tally();
    await readStored(hub.dataDir, Array.from({ length: TAGS }, (_, t) => `push/${tagName(t)}`), t0 - 60_000, Date.now() + 60_000, stored);
    return { clients, batch: cfg.httpBatch, ...done, stored: stored.distinct, storedDuplicates: stored.duplicates, inSpool, cpuPct: usage.get(hub.pid).cpuPct, peakRss: usage.get(hub.pid).peakRss };
  } finally {
    await gens?.stop();
    await hub.stop();
  }
}

/** A row per number of concurrent clients. */
export async function httpSuite(root, cfg, say) {
  const rows = [];
  for (const clients of cfg.httpClients) {
    say(`HTTP push: ${clients} clients × batches of ${cfg.httpBatch}…`);
    rows.push(await runOne(path.join(root, `http-${clients}`), cfg, clients).catch((e) => ({ clients, batch: cfg.httpBatch, error: String(e?.message ?? e).split('\n')[0] })));
  }
  return rows;
}
