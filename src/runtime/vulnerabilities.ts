/**
 * How the hub hosts the vulnerability assessment: findings in `<data dir>/findings.sqlite`, the
 * inventory's assets matched against the imported advisories. A match runs at start, whenever the
 * assets' identities or places or the advisories change (looked at every CHECK_MS, so an import by
 * the CLI into the running hub's data directory is seen too), at least hourly (accepted risks
 * expire), and on request. Matching is synchronous: about 1 s for 10,000 assets against 3,000
 * advisories on a 2-core machine (`npm run bench:matching`), milliseconds for a plant's hundreds.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { HubConfig } from '../config/schema.js';
import { detailOf } from '../core/errors.js';
import type { Advisories } from '../inventory/advisories/index.js';
import type { Inventory } from '../inventory/assets/inventory.js';
import type { AssetRecord } from '../inventory/assets/model.js';
import { FindingStore } from '../inventory/findings/store.js';
import { buildAdvisoryIndex, matchAll, type AdvisoryIndex } from '../inventory/match/index.js';
import type { Advisory } from '../inventory/types.js';
import { Vulnerabilities, type AssessedAsset } from '../inventory/vulnerabilities.js';
import type { AuditEntry } from '../security/index.js';

const CHECK_MS = 30_000;
const FORCE_MS = 3_600_000;

export interface VulnerabilityParts {
  config: HubConfig;
  dataDir: string;
  inventory: Inventory;
  advisories: Advisories | undefined;
  audit(entry: AuditEntry): void;
  logger: Logger;
  now(): number;
}

export interface HostedVulnerabilities {
  vulnerabilities: Vulnerabilities;
  start(): void;
  /** Look again within a second (a device just said who it is). */
  soon(): void;
  close(): void;
}

/** An inventory record as the assessment reads it. */
export function assessed(a: AssetRecord): AssessedAsset {
  const opt = <K extends string, V>(k: K, v: V | undefined) => (v === undefined ? {} : ({ [k]: v } as Record<K, V>));
  return {
    id: a.id, name: a.name, ...opt('vendor', a.vendor), ...opt('product', a.product), ...opt('model', a.model), ...opt('version', a.version),
    ...opt('serial', a.serial), ...opt('cpe', a.cpe), ...opt('purl', a.purl), ...opt('zone', a.zone), ...opt('criticality', a.criticality),
    ...opt('linkEncrypted', a.posture.encrypted), ...opt('anonymousAllowed', a.posture.anonymousLogin), origin: a.origin.kind,
  };
}

/** Open the assessment of a hub; throws CW_INVENTORY_FINDING_STORE when its file cannot be used. */
export function hostVulnerabilities(p: VulnerabilityParts): HostedVulnerabilities {
  const log = p.logger.child({ component: 'vulnerabilities' });
  const store = FindingStore.open(p.dataDir);
  let cachedAdvisories: { key: string; list: Advisory[]; index?: AdvisoryIndex } = { key: '', list: [] };
  const advisories = () => {
    if (!p.advisories) return [];
    const s = p.advisories.status(1);
    const key = `${s.advisories}:${s.vulnerabilities}:${s.lastImportAt ?? 0}`;
    if (key !== cachedAdvisories.key) cachedAdvisories = { key, list: p.advisories.allAdvisories() };
    return cachedAdvisories.list;
  };
  const assets = () => p.inventory.list({ limit: Number.MAX_SAFE_INTEGER, offset: 0 }).assets.map(assessed);
  const vulnerabilities = new Vulnerabilities({
    site: p.config.site.name, store, assets, advisories,
    match: (list, a) => {
      // One index per set of advisories: built again only after an import.
      if (list !== cachedAdvisories.list) return matchAll([...list], [...a]);
      cachedAdvisories.index ??= buildAdvisoryIndex(cachedAdvisories.list);
      return matchAll(cachedAdvisories.index, [...a]);
    },
    zones: () => p.config.zones, conduits: () => p.config.conduits ?? [],
    onHistory: (entries) => {
      const counts: Record<string, number> = {};
      for (const e of entries) counts[e.action] = (counts[e.action] ?? 0) + 1;
      try {
        p.audit({ actor: 'hub', action: 'vulnerability.matched', target: 'findings', outcome: 'success', detail: counts });
      } catch {
        // The audit log raises its own alarm; each finding keeps its history.
      }
    },
    now: p.now,
  });
  let timer: NodeJS.Timeout | undefined;
  let pending: NodeJS.Timeout | undefined;
  let fingerprint = '';
  let lastRun = 0;
  const check = () => {
    try {
      const list = assets();
      advisories();
      const next = createHash('sha1').update(cachedAdvisories.key).update(JSON.stringify(list)).digest('hex');
      if (next === fingerprint && p.now() - lastRun < FORCE_MS) return;
      const run = vulnerabilities.rematch();
      fingerprint = next;
      lastRun = p.now();
      log.info({ ...run }, `Matched ${run.assets} assets against ${run.advisories} advisories: ${run.findings} findings, ${run.changes} changes, in ${run.ms} ms.`);
    } catch (e) {
      log.error({ err: detailOf(e) }, `The vulnerability match failed (${detailOf(e) ?? 'unknown error'}); the findings stay as they were and the next check tries again.`);
    }
  };
  return {
    vulnerabilities,
    start() {
      check();
      timer = setInterval(check, CHECK_MS);
      timer.unref();
    },
    soon() {
      if (timer === undefined || pending !== undefined) return;
      pending = setTimeout(() => {
        pending = undefined;
        check();
      }, 1000);
      pending.unref();
    },
    close() {
      clearInterval(timer);
      clearTimeout(pending);
      timer = undefined;
      store.close();
    },
  };
}
