/** Error catalogue entries: security advisories (CSAF 2.0) — their store, import and upload. */
import { spec } from './spec.js';

export const ADVISORY_ERRORS = {
  CW_ADVISORY_STORE: spec<{ dir: string; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `The advisory store in ${p.dir} cannot be used: ${p.reason}.`,
    hint: () => 'Check that the data directory is writable and not full; advisories.sqlite can be deleted and the advisories imported again (causeway advisories import <folder>).',
  }),
  CW_ADVISORY_INVALID: spec<{ file: string; problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The file ${p.file} is not a usable CSAF 2.0 advisory: ${p.problem}.`,
    hint: () => 'Import the advisory as its publisher ships it (CISA: csaf_files/OT/white/<year>/*.json); a CSAF validator (e.g. secvisogram) names what is missing.',
  }),
  CW_ADVISORY_NOT_FOUND: spec<{ id: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no advisory "${p.id}".`,
    hint: () => 'Advisory ids are the documents\' tracking ids (e.g. ICSA-23-005-01); list them with GET /api/v1/advisories.',
  }),
  CW_ADVISORY_FOLDER: spec<{ folder: string; reason: string }>({
    status: 400, retryable: false,
    message: (p) => `The advisory folder ${p.folder} cannot be read: ${p.reason}.`,
    hint: () => 'Name a folder that holds CSAF JSON files, either CISA\'s layout (csaf_files/OT/white/<year>/) or a flat folder, readable by the user running causeway.',
  }),
} as const;
