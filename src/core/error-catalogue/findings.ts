/** Error catalogue entries: vulnerability findings and their workflow (the inventory room). */
import { spec } from './spec.js';

export const FINDING_ERRORS = {
  CW_INVENTORY_FINDING_STORE: spec<{ dir: string; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `The vulnerability findings in ${p.dir} cannot be used: ${p.reason}.`,
    hint: () => 'Check that the data directory is writable and not full; restore findings.sqlite from a backup if the file is damaged (a new match rebuilds the findings, but not their workflow history).',
  }),
  CW_INVENTORY_FINDING_NOT_FOUND: spec<{ id: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no vulnerability finding "${p.id}".`,
    hint: () => 'List the findings with GET /api/v1/vulnerabilities and use the id of one of them.',
  }),
  CW_INVENTORY_FINDING_STATE: spec<{ id: string; action: string; problem: string }>({
    status: 409, retryable: false,
    message: (p) => `Finding ${p.id} cannot be changed by ${p.action}: ${p.problem}.`,
    hint: () => 'Open → mitigated or accepted (with a justification and an expiry of at most a year); reopen a mitigated or accepted finding; fixed is set by a new match when the asset no longer matches.',
  }),
} as const;
