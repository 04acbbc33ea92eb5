/** A Security over a fresh data directory in the OS temp folder, with a clock the test moves. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policyOf, Security, type SecuritySettings } from '../index.js';

export interface TempSecurity {
  security: Security;
  dir: string;
  clock: { now: number };
  cleanup(): void;
}

export function tempSecurity(settings?: SecuritySettings, onAuditHealth?: (f: string | undefined) => void): TempSecurity {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-sec-'));
  const clock = { now: 1_750_000_000_000 };
  const security = Security.open({ dataDir: dir, now: () => clock.now, policy: policyOf(settings), ...(onAuditHealth ? { onAuditHealth } : {}) });
  const t: TempSecurity = {
    security, dir, clock,
    cleanup() {
      // The test may have reopened it: close the one it holds now.
      t.security.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}
