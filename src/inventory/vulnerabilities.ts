/**
 * Vulnerability assessment of the site (issue 16 items 3–5): matches the inventory against the
 * imported advisories, ranks each finding by its risk in context, reconciles the result with the
 * stored findings (their workflow survives a new match), and builds the assessment report. The
 * inventory, the advisories and the matcher come in as functions, so this file knows none of their
 * stores. A new match runs after an import, after an asset's identity changes, and on request.
 */
import type { ConduitRule } from '../core/zones.js';
import { exposureOf, riskOf, type ExposureInput, type ZoneLevel } from './exposure.js';
import type { FindingStore} from './findings/store.js';
import { type RankedMatch } from './findings/store.js';
import type { HistoryEntry } from './findings/workflow.js';
import { buildReport, type PostureSnapshot, type ReportAsset, type ReportData } from './report/model.js';
import type { Advisory, AssetIdentity, Finding } from './types.js';

/** An asset as the assessment needs it: who it is, where it sits, what the report shows. */
export type AssessedAsset = AssetIdentity & ExposureInput & ReportAsset;

export interface VulnerabilityDeps {
  /** The site's name, as reports title it. */
  site: string;
  store: FindingStore;
  assets: () => readonly AssessedAsset[];
  advisories: () => readonly Advisory[];
  match: (advisories: readonly Advisory[], assets: readonly AssetIdentity[]) => Finding[];
  zones: () => readonly (ZoneLevel & { description?: string | undefined })[];
  conduits: () => readonly ConduitRule[];
  /** Each history entry the hub writes on its own (found, fixed, reopened, expired), for the audit log. */
  onHistory?: (entries: ReadonlyArray<HistoryEntry & { finding: string }>) => void;
  now?: () => number;
}

export interface MatchRun {
  at: number;
  assets: number;
  advisories: number;
  findings: number;
  ms: number;
  changes: number;
}

const REPORTS_TABLE = `CREATE TABLE IF NOT EXISTS posture (at INTEGER PRIMARY KEY, open TEXT NOT NULL, assets INTEGER NOT NULL)`;

export class Vulnerabilities {
  readonly #d: VulnerabilityDeps;
  #last: MatchRun | undefined;

  constructor(deps: VulnerabilityDeps) {
    this.#d = deps;
    deps.store.db.exec(REPORTS_TABLE);
  }

  get lastMatch(): MatchRun | undefined {
    return this.#last;
  }

  get store(): FindingStore {
    return this.#d.store;
  }

  /** The assets as the assessment sees them now. */
  assets(): readonly AssessedAsset[] {
    return this.#d.assets();
  }

  /** Match `only` (default: every asset) against every advisory and reconcile the findings. */
  rematch(only?: ReadonlySet<string>): MatchRun {
    const started = performance.now();
    const now = (this.#d.now ?? Date.now)();
    const all = this.#d.assets();
    const assets = only ? all.filter((a) => only.has(a.id)) : all;
    const advisories = this.#d.advisories();
    const found = this.#d.match(advisories, assets);
    const byId = new Map(assets.map((a) => [a.id, a]));
    const zones = this.#d.zones();
    const conduits = this.#d.conduits();
    const ranked: RankedMatch[] = found.map((finding) => {
      const asset = byId.get(finding.assetId) ?? { id: finding.assetId };
      const exposure = exposureOf(asset, zones, conduits);
      return { finding, exposure: exposure.reasons, risk: riskOf(finding.cvss?.baseScore, finding.verdict, exposure, asset.zone !== undefined) };
    });
    const written = this.#d.store.reconcile(new Set(assets.map((a) => a.id)), ranked, now);
    if (written.length > 0) this.#d.onHistory?.(written);
    this.#last = { at: now, assets: assets.length, advisories: advisories.length, findings: found.length, ms: Math.round(performance.now() - started), changes: written.length };
    return this.#last;
  }

  /**
   * The assessment report of the site, of the assets `visible` says the caller may see; `record`
   * keeps this report's posture in the trend (scheduled reports do, a look in the console does not).
   */
  report(visible: (a: AssessedAsset) => boolean, record: boolean): ReportData {
    const now = (this.#d.now ?? Date.now)();
    const assets = this.#d.assets().filter(visible);
    const ids = new Set(assets.map((a) => a.id));
    const findings = this.#d.store.list({ assets: ids, limit: Number.MAX_SAFE_INTEGER }).items;
    const trend = (this.#d.store.db.prepare('SELECT at, open, assets FROM posture ORDER BY at').all() as Array<{ at: number; open: string; assets: number }>)
      .map((r): PostureSnapshot => ({ at: r.at, open: JSON.parse(r.open) as PostureSnapshot['open'], assets: r.assets }));
    const data = buildReport({
      site: this.#d.site, generatedAt: now, assets, findings, zones: this.#d.zones(), conduits: this.#d.conduits(),
      previousAt: trend.at(-1)?.at, trend,
    });
    if (record) this.#d.store.db.prepare('INSERT OR REPLACE INTO posture (at, open, assets) VALUES (?, ?, ?)').run(now, JSON.stringify(data.summary.openFindings), assets.length);
    return data;
  }
}
