/**
 * The hub's security wiring: opens the hub state, implements the API's view of security over it,
 * gives the write gate its view of the running plant, and decides where the API may listen
 * (loopback only until an admin exists) and whether it serves TLS.
 */
import type { Logger } from 'pino';
import type { HubSecurity } from '../api/security-services.js';
import type { HubConfig } from '../config/schema.js';
import type { Namespace } from '../namespace/index.js';
import { auditSettingsOf, policyOf, Security, type FirstRun, type WritePlant } from '../security/index.js';
import { loadTls, type TlsMaterial } from '../security/tls.js';
import type { WriteGate as OrderGate } from '../production/dispatch.js';
import type { WriteGate } from '../security/index.js';
import type { Users } from '../security/users.js';
import type { Connections } from './connections.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Open the hub state; an audit log that stops recording raises an alarm in the log. */
export function openSecurity(config: HubConfig, dataDir: string, logger: Logger, now: () => number): Security {
  const log = logger.child({ component: 'security' });
  return Security.open({
    dataDir, now, policy: policyOf(config.security),
    audit: {
      ...auditSettingsOf(config.security, dataDir), export: true,
      onCheckpointFailure: (reason) => {
        if (reason) log.error({ alarm: 'audit-checkpoint', reason }, `ALARM: audit checkpoints cannot be exported (${reason}); records cut from the end of the log would not be detected.`);
        else log.info({ alarm: 'audit-checkpoint' }, 'Audit checkpoints are exported again.');
      },
    },
    zones: () => config.zones.map((z) => z.id),
    ...(config.security?.oidc ? { oidc: config.security.oidc } : {}),
    onAuditHealth: (failure) => {
      if (failure) log.error({ alarm: 'audit-log', failure }, `ALARM: the audit log cannot record (${failure}); writes to machines and account changes are refused until it can.`);
      else log.info({ alarm: 'audit-log' }, 'The audit log records again; the audit alarm is cleared.');
    },
  });
}

/** The zone a path's values belong to: its source's zone, or the hub's for a calculated attribute. */
export function zoneOfPath(config: HubConfig, namespace: Namespace): (path: string) => string | undefined {
  const sourceZone = new Map((config.sources ?? []).map((s) => [s.id, s.zone]));
  return (path) => {
    const a = namespace.attribute(path);
    if (a?.calc !== undefined) return config.site.hubZone;
    const raw = a?.boundTo ?? path;
    return sourceZone.get(raw.split('/')[0]!) ?? (a ? config.site.hubZone : undefined);
  };
}

/** The running plant as the write gate sees it. */
export function writePlant(config: HubConfig, namespace: Namespace, connections: Connections): WritePlant {
  const lineageContext = { sources: config.sources ?? [], sinks: config.sinks ?? [], conduits: config.conduits ?? [], hubZone: config.site.hubZone };
  return {
    attribute: (path) => namespace.attribute(path),
    source(id) {
      const sup = connections.sources.get(id);
      if (!sup) return undefined;
      const st = sup.status();
      return { zone: st.zone, kind: st.kind, state: st.state, canWrite: sup.source.write !== undefined, write: (tag, value) => sup.source.write!(tag, value) };
    },
    transforms: (path) => namespace.lineage(path, lineageContext)?.transforms ?? [],
    live: (path) => namespace.live.get(path),
  };
}

/** The API's view of security. */
export function hubSecurity(security: Security, o: { config: HubConfig; namespace: Namespace; connections: Connections; tls: boolean }): HubSecurity {
  const writes = security.writeGate(writePlant(o.config, o.namespace, o.connections), o.config.conduits ?? [], o.config.site.hubZone);
  return {
    authenticate: (c, client) => (c.bearer !== undefined ? security.identity.fromToken(c.bearer, client) : c.session !== undefined ? security.identity.fromSession(c.session) : undefined),
    login: (u, p, client) => security.identity.login(u, p, client),
    logout: (p, client) => security.identity.logout(p, client),
    setupOpen: () => !security.users.hasAdmin(),
    setup: (token, username, password, client) => security.completeSetup(token, username, password, client.address),
    oidc: security.oidc,
    users: security.users, sessions: security.sessions, tokens: security.tokens, accounts: security.accounts, audit: security.audit, writes,
    zoneOf: zoneOfPath(o.config, o.namespace),
    secureCookies: o.tls,
    sessionMaxAgeMs: security.policy.sessions.maxAgeMs,
    loginPerMinute: security.policy.loginPerMinute,
    now: security.now,
  };
}

/**
 * Production's dispatch of work orders, through the write gate on the orders flow: the same
 * permission, conduit, limits, approval, rate, audit and read-back as any write to a machine.
 */
export function orderGate(writes: WriteGate, users: Users): OrderGate {
  return {
    async submit(w) {
      const user = users.get(w.requester.id);
      const subject = { grants: user && !user.disabled ? user.grants : [] };
      const record = await writes.request({ id: w.requester.id, name: w.requester.name, subject }, { path: w.path, value: w.value, reason: w.reason, flow: w.flow });
      return { state: record.state === 'pending' ? 'pending' : 'done', writeId: record.id };
    },
    // An order whose writes wait for a second person starts when the last is done (src/production/index.ts).
    progress: (id) => writes.get(id)?.state ?? 'unknown',
    cancel: (id, reason) => void writes.cancel(id, reason),
    onSettled: (listener) => void writes.onSettled((w) => listener(w.id)),
  };
}

/** Where the API listens: api.host once an admin exists, loopback until then. */
export function bindHost(config: HubConfig, security: Security, logger: Logger): string {
  const wanted = config.api?.host ?? '127.0.0.1';
  if (LOOPBACK.has(wanted)) return wanted === 'localhost' ? '127.0.0.1' : wanted;
  if (security.users.hasAdmin()) return wanted;
  logger.warn(`api.host is ${wanted}, but no admin exists yet, so the API listens on 127.0.0.1 only. Create the admin (setup page, \`causeway user add --role admin\` or CAUSEWAY_ADMIN_PASSWORD), then restart the hub.`);
  return '127.0.0.1';
}

/** TLS material when api.tls is set. */
export async function apiTls(config: HubConfig, dataDir: string): Promise<TlsMaterial | undefined> {
  return config.api?.tls ? loadTls(config.api.tls, dataDir) : undefined;
}

/** What to print once at start: the setup token, the admin made from the environment, the TLS fingerprint. */
export function startNotice(first: FirstRun, url: string, tls: TlsMaterial | undefined): string {
  const lines: string[] = [];
  if (first.state === 'setup') {
    lines.push(
      'No admin account exists yet. Create one with this one-time setup token (valid 24 h, printed only now):',
      `  ${first.token}`,
      `  POST ${url}/api/v1/setup {"token": "…", "username": "…", "password": "…"} — or the setup page of the console,`,
      '  or `causeway user add --role admin`. Until then the API listens on loopback only.',
    );
  }
  if (first.state === 'admin-created') lines.push(`Created admin "${first.username}" from CAUSEWAY_ADMIN_PASSWORD.`);
  if (tls) lines.push(`TLS certificate ${tls.certFile}${tls.selfSigned ? ' (self-signed)' : ''}, SHA-256 fingerprint ${tls.fingerprint}, valid to ${tls.validTo}.`);
  return lines.length ? `\n${lines.join('\n')}\n\n` : '';
}
