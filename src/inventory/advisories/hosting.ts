/** The hub's advisories: the store in its data directory, opened at start; a store that cannot be opened leaves the rest of the hub running. */
import { Advisories } from './index.js';

/** Open `<data dir>/advisories.sqlite`; undefined (after `onError`) when it cannot be used — the routes then answer CW_ADVISORY_STORE. */
export function openAdvisories(dataDir: string, onError: (e: unknown) => void): Advisories | undefined {
  try {
    return Advisories.open(dataDir);
  } catch (e) {
    onError(e);
    return undefined;
  }
}
