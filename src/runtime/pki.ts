/**
 * The OPC UA client PKI as the API shows it: every certificate of the folders the hub's OPC UA
 * sources use (own, trusted, rejected), with the sources that met it; and trusting or rejecting a
 * server's certificate, recorded in the audit log. Nothing is ever trusted on its own: a server the
 * hub meets for the first time stays rejected until a person decides.
 */
import type { HubConfig } from '../config/schema.js';
import { CausewayError } from '../core/errors.js';
import type { Actor, AuditEntry } from '../security/index.js';
import { listCertificates, pkiDirFor, rejectCertificate, trustCertificate, type CertificateEntry, type CertificateStatus } from '../sources/opcua/pki.js';
import type { ConnectionState, ConnectionStatus } from './status.js';

/** A source that met a certificate: the server sent it, or (own) the source presented it. */
export interface CertificateMeeting {
  source: string;
  state: ConnectionState;
  /** The source's last connect failed because it does not trust this certificate: it waits for a decision. */
  waiting: boolean;
}

export interface CertificateView {
  thumbprint: string;
  subject: string;
  status: CertificateStatus;
  validFrom: string;
  validTo: string;
  /** Past its end of validity (or not yet valid). */
  expired: boolean;
  /** The OPC UA sources whose PKI folder holds it. */
  sources: string[];
  metBy: CertificateMeeting[];
}

export interface PkiView {
  /** Every certificate: own first, then trusted, then rejected. */
  list(): Promise<CertificateView[]>;
  /** Trust (or reject) a server's certificate by its full thumbprint in every folder that holds it; audited. */
  decide(by: Actor, thumbprint: string, to: 'trusted' | 'rejected'): Promise<CertificateView>;
}

/** What the PKI view needs of the running hub. */
export interface PkiParts {
  config: HubConfig;
  dataDir: string;
  sources: ReadonlyMap<string, { status(): ConnectionStatus; source: { inspect?(): Record<string, unknown> }; reconnectNow?(): void }>;
  audit: { append(e: AuditEntry): unknown };
  now: () => number;
}

interface Met {
  own?: string;
  server?: { thumbprint: string };
}

/** The PKI folders of the enabled OPC UA sources, with the sources using each (the default folder always). */
function folders(p: PkiParts): Map<string, string[]> {
  const out = new Map<string, string[]>([[pkiDirFor(undefined, p.dataDir), []]]);
  for (const s of p.config.sources ?? []) {
    if (s.kind !== 'opcua' || s.enabled === false) continue;
    const dir = pkiDirFor(s.config as { pkiDir?: unknown } | undefined, p.dataDir);
    out.set(dir, [...(out.get(dir) ?? []), s.id]);
  }
  return out;
}

function meetings(p: PkiParts, e: CertificateEntry, users: readonly string[]): CertificateMeeting[] {
  return users.flatMap((id) => {
    const sup = p.sources.get(id);
    if (!sup) return [];
    const st = sup.status();
    const met = (sup.source.inspect?.().certificates ?? {}) as Met;
    const waiting = st.state !== 'connected' && st.lastError?.code === 'CW_SOURCE_CERT_UNTRUSTED' && st.lastError.message.includes(e.thumbprint);
    const mine = e.status === 'own' ? met.own === e.thumbprint : met.server?.thumbprint === e.thumbprint;
    return mine || waiting ? [{ source: id, state: st.state, waiting }] : [];
  });
}

/** One entry per certificate and status, merging folders that hold the same one. */
function merge(views: CertificateView[]): CertificateView[] {
  const byKey = new Map<string, CertificateView>();
  for (const v of views) {
    const key = `${v.status}:${v.thumbprint}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, v);
    else byKey.set(key, { ...seen, sources: [...new Set([...seen.sources, ...v.sources])], metBy: [...seen.metBy, ...v.metBy.filter((m) => !seen.metBy.some((s) => s.source === m.source))] });
  }
  return [...byKey.values()];
}

/** A trust decision is what a waiting source needed: it tries again now, not when its backoff ends. */
function retryNow(p: PkiParts, ids: readonly string[]): void {
  for (const id of new Set(ids)) {
    const sup = p.sources.get(id);
    if (sup && sup.status().state !== 'connected') sup.reconnectNow?.();
  }
}

/** The PKI view over the hub's folders and sources. */
export function hubPki(p: PkiParts): PkiView {
  async function list(): Promise<CertificateView[]> {
    const now = p.now();
    const views: CertificateView[] = [];
    for (const [dir, users] of folders(p)) {
      for (const e of await listCertificates(dir)) {
        const expired = Date.parse(e.validTo) <= now || Date.parse(e.validFrom) > now;
        views.push({ thumbprint: e.thumbprint, subject: e.subject, status: e.status, validFrom: e.validFrom, validTo: e.validTo, expired, sources: users, metBy: meetings(p, e, users) });
      }
    }
    const order: Record<CertificateStatus, number> = { own: 0, trusted: 1, rejected: 2 };
    return merge(views).sort((a, b) => order[a.status] - order[b.status] || a.subject.localeCompare(b.subject));
  }

  async function decide(by: Actor, thumbprintText: string, to: 'trusted' | 'rejected'): Promise<CertificateView> {
    const thumbprint = thumbprintText.toLowerCase();
    const before = (await list()).filter((c) => c.thumbprint === thumbprint && c.status !== 'own');
    if (before.length === 0) throw new CausewayError('CW_PKI_CERT_NOT_FOUND', { prefix: thumbprint, dir: "the hub's OPC UA client PKI" });
    const undo: Array<() => Promise<unknown>> = [];
    for (const [dir] of folders(p)) {
      const held = (await listCertificates(dir)).find((e) => e.thumbprint === thumbprint && e.status !== 'own');
      if (!held || held.status === to) continue;
      await (to === 'trusted' ? trustCertificate(dir, thumbprint) : rejectCertificate(dir, thumbprint));
      undo.push(() => (held.status === 'trusted' ? trustCertificate(dir, thumbprint) : rejectCertificate(dir, thumbprint)));
    }
    const cert = before[0]!;
    try {
      p.audit.append({
        actor: by.name, ...(by.address ? { address: by.address } : {}), action: to === 'trusted' ? 'pki.trust' : 'pki.reject', target: thumbprint, outcome: 'success',
        detail: { subject: cert.subject, from: [...new Set(before.map((c) => c.status))].join(', '), validTo: cert.validTo, sources: [...new Set(before.flatMap((c) => c.sources))] },
      });
    } catch (e) {
      // What the audit log cannot record does not happen.
      for (const back of undo) await back().catch(() => undefined);
      throw e;
    }
    if (to === 'trusted') retryNow(p, before.flatMap((c) => c.sources));
    const after = (await list()).find((c) => c.thumbprint === thumbprint && c.status === to);
    return after ?? { ...cert, status: to };
  }

  return { list, decide };
}
