/**
 * How the hub hosts the asset inventory: `<data dir>/assets.sqlite`, filled from every connection.
 * Each time a source connects, its device is asked who it is (Source.discover(): OPC UA BuildInfo
 * and certificate, Modbus 43/14); sources that learn it unasked (Sparkplug NBIRTH properties, a push
 * device's declaration) report it through their context. A source's `device:` block declares an
 * identity for devices that cannot say, plus owner and criticality.
 */
import type { Logger } from 'pino';
import type { HubConfig, SourceConfig } from '../config/schema.js';
import { detailOf } from '../core/errors.js';
import { subtrees } from '../inventory/assets/discovery.js';
import { Inventory, type ConnectionFacts } from '../inventory/assets/inventory.js';
import { AssetStore } from '../inventory/assets/store.js';
import type { Namespace } from '../namespace/index.js';
import type { AuditEntry } from '../security/index.js';
import type { DeviceInfo } from '../sources/types.js';
import type { SourceSupervisor } from './supervisor.js';
import type { ZoneMap } from './zone-map.js';

/** How long a device may take to say who it is. */
const DISCOVER_TIMEOUT_MS = 15_000;

export interface InventoryParts {
  config: HubConfig;
  dataDir: string;
  sources: ReadonlyMap<string, SourceSupervisor>;
  namespace: Namespace;
  zones(): ZoneMap;
  audit(entry: AuditEntry): void;
  logger: Logger;
  now(): number;
}

export interface HostedInventory {
  inventory: Inventory;
  /** A source's report of a device (see SourceContext.reportDevice). */
  onDevice(sourceId: string, info: DeviceInfo, device?: string): void;
  /** Ask each source's device who it is whenever the source connects. */
  start(): void;
  /** Wait for the questions in flight, then close the store. */
  close(): Promise<void>;
}

/** The namespace subtrees fed by each source: the assets whose attributes are bound to its tags. */
function feedsBySource(namespace: Namespace): Map<string, string[]> {
  const assets = new Map<string, Set<string>>();
  for (const [path, attr] of namespace.model.attributes) {
    const bound = (attr as { boundTo?: string }).boundTo;
    if (!bound) continue;
    const source = bound.split('/')[0]!;
    let set = assets.get(source);
    if (!set) assets.set(source, (set = new Set()));
    set.add(path.slice(0, path.lastIndexOf('/')));
  }
  return new Map([...assets].map(([source, set]) => [source, subtrees(set)]));
}

/** Open the inventory of a hub; throws CW_INVENTORY_ASSET_STORE when its file cannot be used. */
export function hostInventory(p: InventoryParts): HostedInventory {
  const store = AssetStore.open(p.dataDir);
  const log = p.logger.child({ component: 'inventory' });
  const configs = new Map<string, SourceConfig>((p.config.sources ?? []).filter((s) => s.enabled !== false).map((s) => [s.id, s]));
  let feeds: Map<string, string[]> | undefined;
  const connection = (id: string): ConnectionFacts | undefined => {
    const cfg = configs.get(id);
    if (!cfg) return undefined;
    const link = p.zones().links.find((l) => l.role === 'source' && l.id === id);
    feeds ??= feedsBySource(p.namespace);
    return {
      kind: cfg.kind, zone: cfg.zone, namespace: feeds.get(id) ?? [],
      ...(link?.target ? { endpoint: link.target } : {}), ...(link?.encrypted !== undefined ? { encrypted: link.encrypted } : {}), ...(link?.how ? { link: link.how } : {}),
      ...(cfg.device ? { declared: cfg.device } : {}),
    };
  };
  const inventory = new Inventory({
    store, site: p.config.site.name, zones: new Map(p.config.zones.map((z) => [z.id, z.level])), now: p.now, connection,
    audit: (e) => p.audit(e),
  });
  const running = new Set<Promise<void>>();
  const unsubscribe: Array<() => void> = [];
  let open = true;

  const observe = (source: string, info: DeviceInfo, device?: string) => {
    if (!open) return;
    try {
      inventory.observe({ source, facts: info, ...(device !== undefined ? { device } : {}) });
    } catch (e) {
      log.warn({ source, err: detailOf(e) }, `The asset inventory could not record the device of source ${source} (${detailOf(e) ?? 'unknown error'}).`);
    }
  };

  const ask = async (id: string, sup: SourceSupervisor) => {
    const src = sup.source;
    if (!src.discover) {
      if (configs.get(id)?.device) observe(id, {});
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const info = await Promise.race([src.discover(), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${DISCOVER_TIMEOUT_MS / 1000} s`)), DISCOVER_TIMEOUT_MS)))]);
      observe(id, info);
    } catch (e) {
      log.info({ source: id, err: detailOf(e) }, `Source ${id} is connected, but its device did not say who it is (${detailOf(e) ?? 'unknown error'}); the inventory keeps what it knew.`);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    inventory,
    onDevice: observe,
    start() {
      for (const [id, sup] of p.sources) {
        unsubscribe.push(sup.onConnected(() => {
          if (!open) return;
          const run = ask(id, sup).finally(() => running.delete(run));
          running.add(run);
        }));
      }
    },
    async close() {
      open = false;
      for (const u of unsubscribe.splice(0)) u();
      await Promise.all([...running]);
      store.close();
    },
  };
}
