/**
 * The subject of the hub's own OPC UA application certificate comes from the config's `site:`
 * (O = enterprise, L = site name, or site.certificateSubject) instead of the library's default
 * (O=Sterfive, L=Orleans, C=FR). The hub creates the certificate at start, before any source
 * connects; an existing certificate is never replaced silently (servers trust it by thumbprint):
 * when its subject differs the hub says so and how to renew it.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { HubConfig, SiteConfig } from '../../config/schema.js';
import { APPLICATION_NAME, OWN_CERTIFICATE, openPki } from './connection.js';
import { pkiDirFor } from './pki.js';

/** A subject value without the characters that separate fields in `/CN=…/O=…`. */
function field(value: string): string {
  return value.replace(/[/=]/g, '-').trim();
}

/** The subject the hub's certificate should carry for `site`, e.g. `/CN=Causeway@host/O=Acme Beverages/L=Springfield`. */
export function certificateSubjectOf(site: SiteConfig, host = hostname()): string {
  const s = site.certificateSubject ?? {};
  const parts: Array<[string, string | undefined]> = [
    ['CN', `${APPLICATION_NAME}@${host}`.slice(0, 63)],
    ['O', s.organization ?? site.enterprise],
    ['OU', s.organizationalUnit],
    ['L', s.locality ?? site.name],
    ['ST', s.state],
    ['C', s.country],
  ];
  return parts.filter((p): p is [string, string] => p[1] !== undefined && field(p[1]) !== '').map(([k, v]) => `/${k}=${field(v)}`).join('');
}

/** The fields of `/CN=a/O=b` as `O=b` lines in a fixed order, to compare with an X509Certificate's subject. */
function comparable(subject: string): string {
  const lines = subject.startsWith('/') ? subject.slice(1).split('/') : subject.split('\n');
  return lines.filter((l) => !l.startsWith('DC=')).sort().join('\n');
}

/**
 * Create the hub's own certificate with the site's subject in the PKI of every enabled OPC UA
 * source that has none yet; warn about an existing one whose subject differs. Returns the PKI folders.
 */
export async function prepareOwnCertificates(config: HubConfig, dataDir: string, logger: Logger): Promise<string[]> {
  const dirs = [...new Set((config.sources ?? []).filter((s) => s.kind === 'opcua' && s.enabled !== false).map((s) => pkiDirFor(s.config, dataDir)))];
  const subject = certificateSubjectOf(config.site);
  for (const dir of dirs) {
    const file = join(dir, OWN_CERTIFICATE);
    if (existsSync(file)) {
      const current = new X509Certificate(readFileSync(file)).subject;
      if (comparable(current) !== comparable(subject)) {
        logger.warn({ pkiDir: dir, subject: current.split('\n').join(', '), wanted: subject },
          `The hub's OPC UA certificate in ${dir} was made for another subject; it is kept, as servers trust it. To renew it: stop the hub, move ${join(dir, 'own')} away, start the hub, and trust the new certificate on each server (causeway pki list shows its thumbprint).`);
      }
      continue;
    }
    const { cm } = await openPki(dir, subject);
    await cm.dispose();
    logger.info({ pkiDir: dir, subject }, `Created the hub's OPC UA application certificate (${subject}).`);
  }
  return dirs;
}
