/**
 * `causeway assets [list]`: the asset inventory from the hub's data directory (the hub may be
 * running: assets.sqlite is SQLite in WAL mode), as a table or JSON lines; filter by zone, vendor
 * and text. Access to the data directory is the permission, as for `causeway audit list`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { isCausewayError } from '../../core/errors.js';
import type { AssetRecord } from '../../inventory/assets/model.js';
import { ASSETS_FILE, AssetStore } from '../../inventory/assets/store.js';
import { dataDirOption, type Out } from './user.js';

export interface AssetsListOptions {
  dataDir: string;
  zone?: string;
  vendor?: string;
  text?: string;
  limit: number;
  json?: boolean;
}

const COLUMNS: Array<[string, number, (a: AssetRecord) => string]> = [
  ['ID', 24, (a) => a.id],
  ['NAME', 24, (a) => a.name],
  ['ZONE', 12, (a) => `${a.zone ?? '-'}${a.level !== undefined ? ` (L${a.level})` : ''}`],
  ['VENDOR', 20, (a) => a.vendor ?? '-'],
  ['PRODUCT', 26, (a) => [a.product, a.model].filter(Boolean).join(' / ') || '-'],
  ['VERSION', 12, (a) => a.version ?? '-'],
  ['SOURCE', 20, (a) => (a.origin.kind === 'discovered' ? `${a.origin.connection}` : a.origin.kind)],
  ['LAST SEEN', 20, (a) => (a.lastSeen ? new Date(a.lastSeen).toISOString().slice(0, 19) + 'Z' : '-')],
];

const cell = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

/** Print the inventory; 0, or 1 when there is none in the data directory. */
export function runAssetsList(o: AssetsListOptions, io: { out: Out; err: Out }): number {
  if (!existsSync(join(o.dataDir, ASSETS_FILE))) {
    io.err.write(`There is no asset inventory in ${o.dataDir} yet: the hub creates ${ASSETS_FILE} when it starts. Start it (causeway start or causeway demo), or pass --data-dir.\n`);
    return 1;
  }
  let store: AssetStore | undefined;
  try {
    store = AssetStore.open(o.dataDir);
    const { assets, total } = store.list({ limit: o.limit, offset: 0, ...(o.zone ? { zone: o.zone } : {}), ...(o.vendor ? { vendor: o.vendor } : {}), ...(o.text ? { text: o.text } : {}) });
    if (o.json) {
      for (const a of assets) io.out.write(`${JSON.stringify(a)}\n`);
      return 0;
    }
    io.out.write(`${COLUMNS.map(([h, w]) => cell(h, w)).join(' ')}\n`);
    for (const a of assets) io.out.write(`${COLUMNS.map(([, w, f]) => cell(f(a), w)).join(' ').trimEnd()}\n`);
    io.out.write(`${assets.length} of ${total} asset${total === 1 ? '' : 's'}${assets.length < total ? ` (raise --limit to see more)` : ''}.\n`);
    return 0;
  } catch (e) {
    io.err.write(`${isCausewayError(e) ? `${e.message} ${e.hint}` : (e as Error).message}\n`);
    return 1;
  } finally {
    store?.close();
  }
}

/** The `assets` command. */
export function assetsCommand(io: { out: Out; err: Out } = { out: process.stdout, err: process.stderr }): Command {
  const assets = new Command('assets').description('the OT asset inventory: devices discovered from the connections and those added by hand');
  assets.command('list', { isDefault: true }).description('list the assets (the default)').addOption(dataDirOption())
    .option('--zone <zone>', 'only this zone').option('--vendor <vendor>', 'only this vendor (case-insensitive)').option('--text <words>', 'words anywhere in the record')
    .option('-n, --limit <n>', 'how many', (v) => Number.parseInt(v, 10), 200).option('--json', 'one JSON record per line')
    .action((o: AssetsListOptions) => {
      process.exitCode = runAssetsList(o, io);
    });
  return assets;
}
