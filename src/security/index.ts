/**
 * Hub security: identity (users, sessions, API tokens, sign-in throttling), RBAC, the keyed audit
 * chain and the write gate, over the hub state in SQLite. The runtime opens it with the data
 * directory and the config's `security:` block; the API reaches it through the runtime's services.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { CausewayError, isCausewayError } from '../core/errors.js';
import { durationMs } from '../core/time.js';
import type { ConduitRule } from '../core/zones.js';
import { Accounts } from './accounts.js';
import { AuditLog } from './audit.js';
import { keyIdOf } from './audit-chain.js';
import { CheckpointTimer, defaultCheckpointDir } from './audit-checkpoints.js';
import { loadKey } from './secrets.js';
import { completeSetup, ensureDemoAccounts, firstRun, type FirstRun } from './bootstrap.js';
import { Identity } from './identity.js';
import { OidcLogin, type OidcSettings } from './oidc.js';
import { PendingWrites } from './pending-writes.js';
import { Sessions, type SessionPolicy } from './sessions.js';
import { openStateDb, type Db } from './store.js';
import { Tokens } from './tokens.js';
import { Throttle, type ThrottlePolicy } from './throttle.js';
import { Users, type User } from './users.js';
import { WriteGate, type WritePlant, type WritePolicy } from './write-gate.js';

export type { Principal, Client } from './identity.js';
export type { User } from './users.js';
export type { Session } from './sessions.js';
export type { ApiToken } from './tokens.js';
export type { AuditRecord, AuditEntry, VerifyResult, AuditQuery, AuditLog } from './audit.js';
export type { Actor } from './accounts.js';
export type { WriteRecord, WriteState } from './pending-writes.js';
export type { WritePlant, Requester } from './write-gate.js';
export type { Grant, Permission, Role, Subject } from './rbac.js';
export type { FirstRun } from './bootstrap.js';
export type { OidcSettings } from './oidc.js';
export { WriteGate };
export { can, canNavigate, canSomewhere, isPermission, isRole, permissionsOf, PERMISSIONS, ROLES, ROLE_PERMISSIONS } from './rbac.js';

export interface SecurityPolicy {
  sessions: SessionPolicy;
  /** Failed sign-ins per user name and address (and invalid tokens per address): growing pauses. */
  throttle: ThrottlePolicy;
  /** Sign-in attempts per minute from one address. */
  loginPerMinute: number;
  writes: WritePolicy;
}

type Duration = number | string;

/** The config's `security:` block (config/schema.ts SecuritySchema), as this module reads it. */
export interface SecuritySettings {
  sessions?: { idleTimeout?: Duration; maxAge?: Duration };
  login?: { maxFailures?: number; firstPause?: Duration; lockout?: Duration; perMinute?: number };
  writes?: { approvalTimeout?: Duration; perMinute?: number; verifyTimeout?: Duration; requestsPerMinute?: number };
  oidc?: OidcSettings;
  audit?: { checkpointDir?: string; checkpointInterval?: Duration };
}

/** The audit settings of the config's `security.audit` block; relative folders are in the data directory. */
export function auditSettingsOf(c: SecuritySettings | undefined, dataDir: string): Pick<AuditSettings, 'checkpointDir' | 'checkpointIntervalMs'> {
  const dir = c?.audit?.checkpointDir;
  return {
    ...(dir ? { checkpointDir: isAbsolute(dir) ? dir : join(dataDir, dir) } : {}),
    checkpointIntervalMs: Math.max(1000, durationMs(c?.audit?.checkpointInterval, 60_000)),
  };
}

/** The policy from the config's `security:` block, with the defaults. */
export function policyOf(c: SecuritySettings | undefined): SecurityPolicy {
  return {
    sessions: { idleMs: durationMs(c?.sessions?.idleTimeout, 30 * 60_000), maxAgeMs: durationMs(c?.sessions?.maxAge, 12 * 3_600_000) },
    throttle: {
      freeFailures: (c?.login?.maxFailures ?? 5) - 1,
      firstPauseMs: durationMs(c?.login?.firstPause, 30_000),
      maxPauseMs: durationMs(c?.login?.lockout, 15 * 60_000),
      windowMs: 60 * 60_000,
    },
    loginPerMinute: c?.login?.perMinute ?? 10,
    writes: { approvalMs: durationMs(c?.writes?.approvalTimeout, 5 * 60_000), perMinute: c?.writes?.perMinute ?? 10, verifyMs: durationMs(c?.writes?.verifyTimeout, 10_000), requestsPerMinute: c?.writes?.requestsPerMinute ?? 30 },
  };
}

/** The audit key's file in the data directory. */
export const AUDIT_KEY_FILE = 'audit.key';

export interface AuditSettings {
  /** Where checkpoints are read and (with `export`) written; default <data dir>/audit-checkpoints. */
  checkpointDir?: string;
  /** Export checkpoints (the running hub); the command line only reads them. */
  export?: boolean;
  checkpointIntervalMs?: number;
  /** Open without making the audit key or anchoring the keyed chain (`causeway audit verify`). */
  readOnly?: boolean;
  /** A reason when checkpoints cannot be exported, undefined when they can again. */
  onCheckpointFailure?: (reason: string | undefined) => void;
}

export interface SecurityOptions {
  dataDir: string;
  /** The keyed audit chain's checkpoints and how this process treats the key. */
  audit?: AuditSettings;
  now: () => number;
  policy?: SecurityPolicy;
  /** The configured zone ids, to check grants against. */
  zones?: () => readonly string[];
  /** Sign-in through an identity provider, when configured. */
  oidc?: OidcSettings;
  /** Called when the audit log stops recording (a reason) or records again (undefined). */
  onAuditHealth?: (failure: string | undefined) => void;
}

export class Security {
  readonly db: Db;
  readonly policy: SecurityPolicy;
  readonly users: Users;
  readonly sessions: Sessions;
  readonly tokens: Tokens;
  /** Failed sign-ins per user name and source address. */
  readonly logins: Throttle;
  /** Invalid API tokens per source address. */
  readonly badTokens: Throttle;
  readonly audit: AuditLog;
  readonly identity: Identity;
  readonly pending: PendingWrites;
  readonly accounts: Accounts;
  /** Sign-in through the site's identity provider, when `security.oidc` is set. */
  readonly oidc: OidcLogin | undefined;
  readonly now: () => number;
  readonly #checkpoints: CheckpointTimer | undefined;

  private constructor(db: Db, o: SecurityOptions) {
    this.db = db;
    this.now = o.now;
    this.policy = o.policy ?? policyOf(undefined);
    this.users = new Users(db, o.now);
    this.sessions = new Sessions(db, this.policy.sessions);
    this.tokens = new Tokens(db);
    this.logins = new Throttle(this.policy.throttle);
    this.badTokens = new Throttle(this.policy.throttle);
    const keyFile = join(o.dataDir, AUDIT_KEY_FILE);
    const key = auditKey(keyFile, o.audit?.readOnly === true);
    const checkpointDir = o.audit?.checkpointDir ?? defaultCheckpointDir(o.dataDir);
    this.audit = new AuditLog(db, { now: o.now, ...(o.onAuditHealth ? { onHealthChange: o.onAuditHealth } : {}), ...(key ? { key } : {}), keyFile, keyFound: existsSync(keyFile), checkpointDir });
    if (!o.audit?.readOnly) this.audit.anchor();
    this.#checkpoints = key && o.audit?.export
      ? new CheckpointTimer(this.audit, { dir: checkpointDir, key, keyId: keyIdOf(key), intervalMs: o.audit.checkpointIntervalMs ?? 60_000, onFailure: o.audit.onCheckpointFailure ?? (() => undefined) })
      : undefined;
    this.#checkpoints?.start();
    this.identity = new Identity({ users: this.users, sessions: this.sessions, tokens: this.tokens, logins: this.logins, badTokens: this.badTokens, audit: this.audit, now: o.now });
    this.pending = new PendingWrites(db);
    this.oidc = o.oidc ? new OidcLogin(o.oidc, { users: this.users, identity: this.identity, audit: this.audit, now: o.now }) : undefined;
    this.accounts = new Accounts({ db, users: this.users, sessions: this.sessions, tokens: this.tokens, audit: this.audit, now: o.now, ...(o.zones ? { zones: o.zones } : {}) });
  }

  /** Open the hub state in the data directory (creating it on first run). */
  static open(o: SecurityOptions): Security {
    const db = openStateDb(o.dataDir);
    try {
      return new Security(db, o);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /** The write gate over a running plant. */
  writeGate(plant: WritePlant, conduits: readonly ConduitRule[], hubZone: string): WriteGate {
    // A pending write whose requester is disabled or removed is cancelled, never carried out.
    const active = (id: string) => this.users.get(id)?.disabled === false;
    return new WriteGate({ pending: this.pending, audit: this.audit, plant, conduits, hubZone, policy: this.policy.writes, now: this.now, active });
  }

  /** First run: an admin from the environment, or a setup token to print once. */
  firstRun(env: Record<string, string | undefined>): Promise<FirstRun> {
    return firstRun(this, env);
  }

  /** Redeem the setup token printed at first start. */
  completeSetup(token: string, username: string, password: string, address?: string): Promise<User> {
    return completeSetup(this, token, username, password, address);
  }

  /** The demo's accounts (admin, operator, approver, auditor); returns those made now with their passwords. */
  ensureDemoAccounts(env: Record<string, string | undefined>): Promise<Array<{ username: string; role: string; password: string }>> {
    return ensureDemoAccounts(this, env);
  }

  close(): void {
    if (this.db.open) this.#checkpoints?.stop();
    if (this.db.open) this.db.close();
  }
}

/** The audit key: made on first use unless read-only; undefined when read-only and missing. */
function auditKey(file: string, readOnly: boolean): Buffer | undefined {
  try {
    if (readOnly && !existsSync(file)) return undefined;
    return loadKey(file, !readOnly);
  } catch (e) {
    if (!isCausewayError(e, 'CW_SECURITY_SECRET_KEY')) throw e;
    throw new CausewayError('CW_AUDIT_KEY', { file, reason: e.params.reason }, { cause: e });
  }
}
