/** Error catalogue entries: the asset inventory (records, their store, hand edits and CSV imports). */
import { spec } from './spec.js';

export const INVENTORY_ASSET_ERRORS = {
  CW_INVENTORY_ASSET_STORE: spec<{ dir: string; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `The asset inventory in ${p.dir} cannot be used: ${p.reason}.`,
    hint: () => 'Check that the data directory is writable and not full; restore assets.sqlite from a backup if the file is damaged.',
  }),
  CW_INVENTORY_ASSET_NOT_FOUND: spec<{ id: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no asset "${p.id}" in the inventory.`,
    hint: () => 'List the assets with GET /api/v1/assets (or causeway assets) and use the id shown there, URL-encoded.',
  }),
  CW_INVENTORY_ASSET_INVALID: spec<{ problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The asset record is not valid: ${p.problem}.`,
    hint: () => 'docs/assets.md lists the fields of an asset record and what each accepts; the zone must be one of the config\'s zones.',
  }),
  CW_INVENTORY_ASSET_EXISTS: spec<{ id: string }>({
    status: 409, retryable: false,
    message: (p) => `An asset with id "${p.id}" is already in the inventory.`,
    hint: () => 'Change it with PATCH /api/v1/assets/<id>, or leave the id out and the hub gives the new asset one.',
  }),
  CW_INVENTORY_ASSET_DISCOVERED: spec<{ id: string; source: string }>({
    status: 409, retryable: false,
    message: (p) => `Asset ${p.id} is discovered from connection ${p.source}; it cannot be deleted while that connection is configured.`,
    hint: () => 'Remove or disable the source in the config first, or edit the asset\'s owner and criticality with PATCH instead.',
  }),
  CW_INVENTORY_CSV_INVALID: spec<{ problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The CSV file cannot be imported: ${p.problem}.`,
    hint: () => 'Send text/csv with a header row (name, zone, vendor, product, version, …); docs/assets.md shows the columns and an example.',
  }),
} as const;
