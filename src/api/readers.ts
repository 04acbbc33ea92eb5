/** What a principal may read of the namespace, for routes that answer with values under a prefix. */
import { can, canNavigate, type Principal } from '../security/index.js';

/** What a client may read: everything with no principal (no security in front), else where its grants reach. */
export interface LiveReader {
  /** May subscribe to the prefix: something readable lies at, above or below it. */
  may(prefix: string): boolean;
  /** May see this path's values. */
  sees(path: string): boolean;
}

/** The reader of a principal; answers per path are kept (one entry per path the client meets). */
export function readerOf(principal: Principal | undefined, zoneOf: (path: string) => string | undefined): LiveReader {
  if (!principal) return { may: () => true, sees: () => true };
  const seen = new Map<string, boolean>();
  return {
    may: (prefix) => canNavigate(principal.subject, 'read', prefix),
    sees(path) {
      let ok = seen.get(path);
      if (ok === undefined) {
        const zone = zoneOf(path);
        ok = can(principal.subject, 'read', { path, ...(zone ? { zone } : {}) });
        seen.set(path, ok);
      }
      return ok;
    },
  };
}
