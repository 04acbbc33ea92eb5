/**
 * Where confirmations go: a signed webhook (the webhook sink's signature, handed in by the
 * runtime), a row in the ERP's staging schema, or a B2MML ProductionPerformance file. Each is
 * idempotent on the confirmation's key: the webhook sends it as Idempotency-Key, the row's
 * primary key is the key, the file is named after it.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CausewayError, detailOf } from '../core/errors.js';
import type { Confirmation } from './confirmation.js';
import { writePerformance } from './formats/b2mml.js';
import type { StagingDb } from './inputs/staging.js';
import type { ConfirmationTarget } from './outbox.js';

/** `sha256=<hex HMAC>` of `<timestamp>.<body>`: the webhook sink's signature. */
export type Signer = (secret: string, timestamp: number, body: string) => string;

export interface WebhookTargetSettings {
  id: string;
  url: string;
  secret: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** The JSON body of a webhook confirmation. */
export function webhookBody(c: Confirmation): string {
  return JSON.stringify({ type: 'production.confirmation', confirmation: c });
}

/** POST the confirmation as JSON, signed like the webhook sink (X-Causeway-Timestamp, X-Causeway-Signature), with Idempotency-Key. */
export function webhookTarget(s: WebhookTargetSettings, sign: Signer, now: () => number): ConfirmationTarget {
  return {
    id: s.id,
    kind: 'webhook',
    async send(c) {
      const body = webhookBody(c);
      const ts = now();
      const headers = { ...s.headers, 'content-type': 'application/json', 'idempotency-key': c.key, 'x-causeway-timestamp': String(ts), 'x-causeway-signature': sign(s.secret, ts, body) };
      const fail = (reason: string, cause?: unknown) => new CausewayError('CW_ERP_CONFIRM_FAILED', { target: s.id, key: c.key, reason }, cause ? { cause } : {});
      let res: Response;
      try {
        res = await fetch(s.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(s.timeoutMs ?? 10_000) });
      } catch (e) {
        throw fail(detailOf((e as { cause?: unknown }).cause ?? e) ?? 'the request failed', e);
      }
      const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
      if (res.status >= 200 && res.status < 300) return;
      if (res.status === 408 || res.status === 429 || res.status >= 500) throw fail(`the receiver answered HTTP ${res.status}${text ? `: ${text}` : ''}`);
      throw new CausewayError('CW_ERP_CONFIRM_REJECTED', { target: s.id, key: c.key, reason: `HTTP ${res.status}${text ? `: ${text}` : ''}` });
    },
  };
}

/** Insert the confirmation into the staging schema's confirmations table (a row already there counts as delivered). */
export function stagingTarget(id: string, db: StagingDb): ConfirmationTarget {
  return {
    id,
    kind: 'staging',
    async send(c) {
      try {
        await db.insertConfirmation(c);
      } catch (e) {
        throw new CausewayError('CW_ERP_CONFIRM_FAILED', { target: id, key: c.key, reason: e instanceof Error ? e.message.replace(/\.$/, '') : String(e) }, { cause: e });
      }
    },
  };
}

/** The file name of a confirmation: its key, made safe for any file system. */
export function confirmationFile(c: Confirmation): string {
  return `${c.key.replace(/[^A-Za-z0-9._-]/g, '_')}.xml`;
}

/** Write the confirmation as a B2MML ProductionPerformance file, atomically (written aside, then renamed). */
export function folderTarget(id: string, path: string): ConfirmationTarget {
  return {
    id,
    kind: 'folder',
    async send(c) {
      const file = join(path, confirmationFile(c));
      try {
        await mkdir(path, { recursive: true });
        await writeFile(`${file}.tmp`, writePerformance(c));
        await rename(`${file}.tmp`, file);
      } catch (e) {
        throw new CausewayError('CW_ERP_CONFIRM_FAILED', { target: id, key: c.key, reason: detailOf(e) ?? 'the file cannot be written' }, { cause: e });
      }
    },
  };
}
